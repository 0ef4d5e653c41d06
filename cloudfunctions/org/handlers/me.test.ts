/**
 * org.me: a bound member sees their branch and roles; an unknown or absent WeChat identity is unbound; the 上级 admin
 * sees the org they administer; an openid in the event is ignored.
 */
import { DEMO, ok } from '../../../tests/support/cloud'
import { sec, orgCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20.
const AT = '2026-11-20T02:00:00.000Z'
const { cloud, call } = orgCloud(AT)

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
