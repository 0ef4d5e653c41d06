/**
 * The org function through the real SDK on the local backend: who am I, binding with invite codes
 * (expiry, single use, guesses, races), member records, roles and branch isolation.
 */
import { DEMO, clock, devOpenid, errCode, ok, startTestCloud, type TestCloud } from '../../tests/support/cloud'

// 10:00 Beijing, Friday 2026-11-20.
const AT = '2026-11-20T02:00:00.000Z'
let cloud: TestCloud
const sec = devOpenid(DEMO.m.secretary)
const organizer = devOpenid(DEMO.m.organizer)
const formal = devOpenid(DEMO.m.formal)

beforeAll(async () => {
  cloud = await startTestCloud({ at: AT })
})
afterAll(() => cloud.close())
afterEach(() => clock.reset())

const call = (action: string, input: unknown, openid: string | null) => cloud.call('org', action, input, openid)

describe('me', () => {
  test('a bound member sees their branch and roles', async () => {
    const me = ok(await call('me', {}, sec))
    expect(me.bound).toBe(true)
    expect(me.member.name).toBe('张建国')
    expect(me.member.roles).toEqual(['secretary'])
    expect(me.branch.name).toBe('示范社区第一党支部')
    expect(me.branch.groups).toHaveLength(3)
  })
  test('an unknown WeChat user is unbound', async () => {
    expect(ok(await call('me', {}, 'dev_stranger'))).toEqual({ bound: false, member: null, branch: null, adminOrgs: [] })
  })
  test('no WeChat identity at all (console test) is not a member either', async () => {
    expect(ok(await call('me', {}, null)).bound).toBe(false)
  })
  test('the 上级 admin sees the org they administer', async () => {
    expect(ok(await call('me', {}, DEMO.adminOpenid)).adminOrgs).toEqual([{ id: DEMO.committee, name: '中共示范街道委员会' }])
  })
  test('an openid in the event is ignored: identity comes only from the context', async () => {
    const r = await cloud.raw('org', { action: 'me', input: {}, openid: sec, userInfo: { openId: sec } }, 'dev_stranger')
    expect(ok(r).bound).toBe(false)
  })
})

describe('binding with an invite code', () => {
  test('organizer issues a code; a new WeChat user binds with it once', async () => {
    const invite = ok(await call('createInvite', { memberId: DEMO.m.unbound }, organizer))
    expect(invite.code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
    expect(invite.memberName).toBe('邓明')
    const me = ok(await call('bind', { code: invite.code.toLowerCase() }, 'dev_new_1'))
    expect(me.bound).toBe(true)
    expect(me.member.id).toBe(DEMO.m.unbound)
    expect(me.branch.id).toBe(DEMO.branch)
    // Single use.
    expect(errCode(await call('bind', { code: invite.code }, 'dev_new_2'))).toBe('CONFLICT')
    // The member is now bound: a new code is refused until unbound.
    expect(errCode(await call('createInvite', { memberId: DEMO.m.unbound }, organizer))).toBe('CONFLICT')
    // Unbind, then the old WeChat user is unbound again.
    ok(await call('unbindMember', { memberId: DEMO.m.unbound, reason: '更换手机' }, sec))
    expect(ok(await call('me', {}, 'dev_new_1')).bound).toBe(false)
  })

  test('a wrong or expired code is refused; a new code revokes the old one', async () => {
    expect(errCode(await call('bind', { code: 'ZZZZZZZZ' }, 'dev_new_3'))).toBe('NOT_FOUND')
    const first = ok(await call('createInvite', { memberId: 'm_b1_30' }, organizer))
    const second = ok(await call('createInvite', { memberId: 'm_b1_30' }, organizer))
    expect(errCode(await call('bind', { code: first.code }, 'dev_new_3'))).toBe('NOT_FOUND')
    clock.set(new Date(Date.parse(second.expiresAt) + 1000))
    expect(errCode(await call('bind', { code: second.code }, 'dev_new_3'))).toBe('NOT_FOUND')
  })

  test('ten people racing for one code: exactly one binding', async () => {
    const invite = ok(await call('createInvite', { memberId: 'm_b1_30' }, organizer))
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => call('bind', { code: invite.code }, `dev_race_${i}`)))
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map(errCode).every((c) => c === 'CONFLICT')).toBe(true)
    const users = cloud.db.dump('users').filter((u) => u.memberId === 'm_b1_30')
    expect(users).toHaveLength(1)
  })

  test('guessing is limited to 10 tries an hour', async () => {
    const codes = Array.from({ length: 11 }, (_, i) => `GUESS${'ABCDEFGHJKL'[i]}AA`)
    const replies = []
    for (const code of codes) replies.push(errCode(await call('bind', { code }, 'dev_guesser')))
    expect(replies.slice(0, 10).every((c) => c === 'NOT_FOUND')).toBe(true)
    expect(replies[10]).toBe('RATE_LIMITED')
  })

  test('a bound member cannot bind again', async () => {
    expect(errCode(await call('bind', { code: 'ABCDEFGH' }, formal))).toBe('CONFLICT')
  })
})

describe('members', () => {
  const fields = { name: '新党员', gender: 'female', joinedAt: '2024-06-01', status: 'probationary' }

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

  test('branch settings: profile and 主题党日 rule; a group with members cannot be removed', async () => {
    const b = ok(await call('updateBranch', { profileId: 'national-2018', themeDayRule: { kind: 'nth-weekday', n: 2, weekday: 5 } }, sec))
    expect(b.profileId).toBe('national-2018')
    expect(ok(await call('getBranch', {}, formal)).themeDayRule).toEqual({ kind: 'nth-weekday', n: 2, weekday: 5 })
    const r = await call('updateBranch', { groups: [{ id: DEMO.groups.g1, name: '第一党小组' }] }, sec)
    expect(errCode(r)).toBe('RULE_VIOLATED')
    ok(await call('updateBranch', { profileId: 'hunan-wuhua-2018', themeDayRule: { kind: 'day-of-month', day: 26, shiftIfHoliday: true } }, sec))
  })
})
