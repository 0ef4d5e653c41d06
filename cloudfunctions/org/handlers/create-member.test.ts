/**
 * org.createMember: create, read, edit with audit (getMember, updateMember), a double submit creates one record; bad
 * member data refused with nothing written.
 */
import { DEMO, errCode, ok } from '../../../tests/support/cloud'
import { organizer, sec, orgCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20.
const AT = '2026-11-20T02:00:00.000Z'
const { cloud, call } = orgCloud(AT)

describe('members', () => {
  const fields = { name: '新党员', gender: 'female', joinedAt: '2024-06-01', status: 'probationary' }

  // Also uses getMember, updateMember.
  test('create, read, edit with audit; a double submit creates one record', async () => {
    const [a, b] = await Promise.all([call('createMember', { fields }, organizer), call('createMember', { fields }, organizer)])
    expect([a, b].filter((r) => r.ok)).toHaveLength(1)
    expect([a, b].map(errCode).filter(Boolean)).toEqual(['CONFLICT'])
    const created = (a.ok ? a : b).ok ? ((a.ok ? a : b) as { data: { id: string } }).data : null
    const id = created!.id
    const detail = ok(await call('getMember', { memberId: id }, sec))
    expect(detail).toMatchObject({ name: '新党员', status: 'probationary', bound: false, roles: [] })
    const edited = ok(await call('updateMember', { memberId: id, fields: { phone: '13912345678', groupId: DEMO.groups.g2 } }, sec))
    expect(edited.phoneMasked).toBe('139****5678')
    const audit = ok(await call('listAudit', {}, sec)).entries
    expect(audit[0]).toMatchObject({ action: 'org.updateMember', targetId: id, actorName: '张建国' })
  })

  test('bad member data is refused with nothing written', async () => {
    const before = cloud.snapshot()
    expect(errCode(await call('createMember', { fields: { ...fields, groupId: 'g_nope' } }, sec))).toBe('INVALID_INPUT')
    expect(errCode(await call('createMember', { fields: { ...fields, status: 'formal', formalAt: '2020-01-01' } }, sec))).toBe('INVALID_INPUT')
    const r = await call('createMember', { fields: { ...fields, name: '' } }, sec)
    expect(r.ok ? null : r.error.message).toBe('请填写姓名')
    expect(cloud.snapshot()).toEqual(before)
  })
})
