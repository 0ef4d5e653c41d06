/**
 * A 组织委员 must not take over the 书记 (unbind the 书记, invite the record, redeem it with
 * a new WeChat account). Unbinding or re-inviting a member who holds a 支委 role needs authority over the
 * role — the 书记 for other 支委, the 上级党委 admin for the 书记 — and is audited; refused, nothing is written.
 */
import { DEMO, devOpenid, errCode, ok } from '../../../tests/support/cloud'
import { orgCloud } from './test-setup'

const AT = '2026-11-20T02:00:00.000Z'
const { cloud } = orgCloud(AT, 'reset cloud')

const sec = devOpenid(DEMO.m.secretary)
const organizer = devOpenid(DEMO.m.organizer)
const admin = DEMO.adminOpenid
const otherSec = devOpenid(DEMO.b2.secretary)
const call = (action: string, input: unknown, openid: string | null) => cloud.call('org', action, input, openid)
const audit = (action: string, targetId: string) =>
  cloud.db.dump('audit').filter((a) => a.action === action && a.targetId === targetId) as { summary: string; actorName: string; before: unknown; after: unknown }[]

describe('the 书记', () => {
  test('the 组织委员 can neither unbind nor re-invite the 书记; nothing is written', async () => {
    const before = cloud.snapshot([])
    const r = await call('unbindMember', { memberId: DEMO.m.secretary, reason: '更换手机' }, organizer)
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('上级党委管理员') } })
    expect(errCode(await call('createInvite', { memberId: DEMO.m.secretary }, organizer))).toBe('FORBIDDEN')
    // Not even the 书记 alone: a 书记's identity is the 上级's to reissue.
    expect(errCode(await call('unbindMember', { memberId: DEMO.m.secretary, reason: '更换手机' }, sec))).toBe('FORBIDDEN')
    expect(errCode(await call('unbindMember', { memberId: DEMO.m.secretary, reason: '更换手机' }, otherSec))).toBe('FORBIDDEN')
    expect(cloud.snapshot([])).toEqual(before)
    expect(ok(await call('me', {}, sec)).member.roles).toContain('secretary')
  })

  test('the 上级 admin unbinds and re-invites the 书记 (audited); the new account holds the role', async () => {
    ok(await call('unbindMember', { memberId: DEMO.m.secretary, reason: '更换手机' }, admin))
    expect(ok(await call('me', {}, sec)).bound).toBe(false)
    // Unbound, the record still needs the 上级: the 组织委员 cannot invite it.
    const before = cloud.snapshot([])
    expect(errCode(await call('createInvite', { memberId: DEMO.m.secretary }, organizer))).toBe('FORBIDDEN')
    expect(cloud.snapshot([])).toEqual(before)
    const invite = ok(await call('createInvite', { memberId: DEMO.m.secretary }, admin))
    const me = ok(await call('bind', { code: invite.code }, 'dev_new_secretary_phone'))
    expect(me.member).toMatchObject({ id: DEMO.m.secretary, roles: expect.arrayContaining(['secretary']) })
    expect(audit('org.unbindMember', DEMO.m.secretary)).toEqual([
      expect.objectContaining({ summary: expect.stringMatching(/^解除 书记 .+ 的微信绑定：更换手机$/), before: { bound: true, roles: ['secretary'] } }),
    ])
    expect(audit('org.createInvite', DEMO.m.secretary)).toEqual([expect.objectContaining({ summary: expect.stringMatching(/^为 书记 .+ 生成邀请码$/) })])
  })
})

describe('other 支委', () => {
  test.each([
    ['副书记', DEMO.m.deputy],
    ['宣传委员', DEMO.m.publicity],
    ['纪检委员', DEMO.m.discipline],
  ])('the 组织委员 cannot unbind or re-invite the %s; the 书记 can, audited', async (_label, memberId) => {
    const before = cloud.snapshot([])
    const r = await call('unbindMember', { memberId, reason: '更换手机' }, organizer)
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('书记') } })
    expect(cloud.snapshot([])).toEqual(before)

    ok(await call('unbindMember', { memberId, reason: '更换手机' }, sec))
    const unbound = cloud.snapshot([])
    expect(errCode(await call('createInvite', { memberId }, organizer))).toBe('FORBIDDEN')
    expect(cloud.snapshot([])).toEqual(unbound)
    ok(await call('createInvite', { memberId }, sec))
    expect(audit('org.unbindMember', memberId)).toHaveLength(1)
    expect(audit('org.createInvite', memberId)).toHaveLength(1)
  })

  test('the 组织委员 cannot unbind themselves either (their own role needs the 书记)', async () => {
    const before = cloud.snapshot([])
    expect(errCode(await call('unbindMember', { memberId: DEMO.m.organizer, reason: '更换手机' }, organizer))).toBe('FORBIDDEN')
    expect(cloud.snapshot([])).toEqual(before)
  })
})

describe('members without a 支委 role', () => {
  test('the 组织委员 still unbinds and re-invites a plain member or a 党小组长', async () => {
    for (const memberId of [DEMO.m.formal, DEMO.m.leader1]) {
      ok(await call('unbindMember', { memberId, reason: '更换手机' }, organizer))
      ok(await call('createInvite', { memberId }, organizer))
    }
  })

  test('an open invite stops working when its member gains a 支委 role', async () => {
    const open = () => cloud.db.dump('invites').filter((i) => i.memberId === DEMO.m.unbound && !i.revoked && !i.usedAt)
    const invite = ok(await call('createInvite', { memberId: DEMO.m.unbound }, organizer))
    // A role that is not a 支委 role leaves the invite alone.
    ok(await call('setRoles', { memberId: DEMO.m.unbound, roles: ['group-leader'] }, sec))
    expect(open().map((i) => i._id)).toEqual([invite.code])
    ok(await call('setRoles', { memberId: DEMO.m.unbound, roles: ['group-leader', 'publicity'] }, sec))
    expect(open()).toEqual([])
    expect(errCode(await call('bind', { code: invite.code }, 'dev_new_phone'))).toBe('NOT_FOUND')
    expect(cloud.db.dump('members').find((m) => m._id === DEMO.m.unbound)?.openid).toBeNull()
    // The 书记 has authority over the new role and issues a code that works.
    const fresh = ok(await call('createInvite', { memberId: DEMO.m.unbound }, sec))
    expect(ok(await call('bind', { code: fresh.code }, 'dev_new_phone')).member.roles).toEqual(['group-leader', 'publicity'])
  })
})
