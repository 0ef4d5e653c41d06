/**
 * org.setRoles: a 预备党员 cannot be a 支委, one 书记 per branch, changes audited; only the 书记 (or 上级 admin) sets roles.
 */
import { DEMO, errCode, ok } from '../../../tests/support/cloud'
import { formal, organizer, sec, orgCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20.
const AT = '2026-11-20T02:00:00.000Z'
const { call } = orgCloud(AT)

describe('roles and branch settings', () => {
  test('a 预备党员 cannot be a 支委; one 书记 per branch; changes are audited', async () => {
    const r = await call('setRoles', { memberId: DEMO.m.probationary, roles: ['publicity'] }, sec)
    expect(errCode(r)).toBe('RULE_VIOLATED')
    expect(errCode(await call('setRoles', { memberId: DEMO.m.formal, roles: ['secretary'] }, sec))).toBe('RULE_VIOLATED')
    const updated = ok(await call('setRoles', { memberId: DEMO.m.formal, roles: ['group-leader'] }, sec))
    expect(updated.roles).toEqual(['group-leader'])
    // The identity document follows: the member now holds the role on their next call.
    const list = await call('listMembers', { groupId: DEMO.groups.g1 }, formal)
    expect(r.ok).toBe(false)
    expect(list.ok).toBe(true)
    const audit = ok(await call('listAudit', {}, sec)).entries
    expect(audit[0].summary).toContain('无 → 党小组长')
    ok(await call('setRoles', { memberId: DEMO.m.formal, roles: [] }, sec))
  })

  test('only the 书记 (or 上级 admin) sets roles', async () => {
    expect(errCode(await call('setRoles', { memberId: DEMO.m.formal, roles: [] }, organizer))).toBe('FORBIDDEN')
    expect(ok(await call('setRoles', { memberId: DEMO.m.formal, roles: [] }, DEMO.adminOpenid)).roles).toEqual([])
  })
})
