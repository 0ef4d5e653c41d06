/**
 * org.listMembers: phones masked in lists, dues category only for self, 书记 and 党费管理员 (getMember); a 党小组长 lists
 * only their own group; branch isolation.
 */
import { DEMO, devOpenid, errCode, ok } from '../../../tests/support/cloud'
import { formal, sec, orgCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20.
const AT = '2026-11-20T02:00:00.000Z'
const { call } = orgCloud(AT)

describe('members', () => {
  // Also uses getMember.
  test('phones are masked in lists; dues category only for self, 书记 and 党费管理员', async () => {
    const list = ok(await call('listMembers', {}, sec))
    expect(list.total).toBeGreaterThanOrEqual(30)
    expect(list.members[0].phoneMasked).toMatch(/^139\*{4}\d{4}$/)
    expect(ok(await call('getMember', { memberId: DEMO.m.formal }, formal)).duesCategory).toBe('employed')
    expect(ok(await call('getMember', { memberId: DEMO.m.formal }, sec)).duesCategory).toBe('employed')
    expect(ok(await call('getMember', { memberId: DEMO.m.formal }, devOpenid(DEMO.m.leader1))).duesCategory).toBeNull()
  })

  test('a 党小组长 lists only their own group', async () => {
    const leader = devOpenid(DEMO.m.leader1)
    const mine = ok(await call('listMembers', { groupId: DEMO.groups.g1 }, leader))
    expect(mine.members.every((m: { groupId: string }) => m.groupId === DEMO.groups.g1)).toBe(true)
    expect(errCode(await call('listMembers', { groupId: DEMO.groups.g2 }, leader))).toBe('FORBIDDEN')
    expect(errCode(await call('listMembers', {}, leader))).toBe('FORBIDDEN')
  })

  test('a member of branch A can read nothing of branch B', async () => {
    const other = devOpenid(DEMO.b2.secretary)
    expect(errCode(await call('getMember', { memberId: DEMO.m.formal }, other))).toBe('FORBIDDEN')
    expect(errCode(await call('listMembers', { branchId: DEMO.branch }, other))).toBe('FORBIDDEN')
    expect(errCode(await call('getBranch', { branchId: DEMO.branch }, other))).toBe('FORBIDDEN')
    expect(errCode(await call('createInvite', { memberId: DEMO.m.unbound }, other))).toBe('FORBIDDEN')
  })
})
