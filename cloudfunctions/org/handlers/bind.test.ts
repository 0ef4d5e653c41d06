/**
 * org.bind with an invite code (createInvite): bound once, wrong or expired codes refused, a new code revokes the old,
 * ten people racing for one code, guesses limited to 10 an hour, a bound member cannot bind again.
 */
import { DEMO, clock, errCode, ok } from '../../../tests/support/cloud'
import { formal, organizer, sec, orgCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20.
const AT = '2026-11-20T02:00:00.000Z'
const { cloud, call } = orgCloud(AT)

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
