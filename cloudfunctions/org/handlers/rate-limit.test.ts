/**
 * Guess limits on invite codes (`org.bind`) and the 初始化码 (`org.claimAdmin`). Contention
 * answers the real result or RATE_LIMITED, never INTERNAL; the window slides (no fresh allowance at the top
 * of the clock hour); the 初始化码 has an environment-wide limit besides the per-user one; a refused attempt
 * writes nothing. The clock is moved, never waited for.
 */
import { BOOTSTRAP_DOC_ID, issueBootstrap } from '../../_kit/bootstrap'
import { RATE_LIMITS, rateLimitKey } from '../../_kit/rate-limit'
import { clock, errCode, ok } from '../../../tests/support/cloud'
import { orgCloud } from './test-setup'

const AT = '2026-11-20T02:00:00.000Z'
const { cloud } = orgCloud(AT, 'reset cloud')

const BIND = RATE_LIMITS.inviteGuessesPerUser
const CLAIM_USER = RATE_LIMITS.bootstrapGuessesPerUser
const CLAIM_ALL = RATE_LIMITS.bootstrapGuessesGlobal

/** A well-formed invite code that no invite has: `GUESS` + three letters from `n`. */
const wrongCode = (n: number): string => `GUESS${'ABCDEFGHJK'[Math.floor(n / 100) % 10]}${'ABCDEFGHJK'[Math.floor(n / 10) % 10]}${'ABCDEFGHJK'[n % 10]}`
const bind = (openid: string, code: string) => cloud.call('org', 'bind', { code }, openid)
const hits = (key: string): number[] => ((cloud.db.dump('rate_limits').find((d) => d._id === key) as { hits?: number[] } | undefined)?.hits ?? [])
const at = (iso: string, seconds = 0) => new Date(Date.parse(iso) + seconds * 1000).toISOString()

describe('invite-code guesses (org.bind)', () => {
  test('30 concurrent wrong guesses: exactly the limit answer NOT_FOUND, the rest RATE_LIMITED, never INTERNAL', async () => {
    const replies = await Promise.all(Array.from({ length: 30 }, (_, i) => bind('dev_burst', wrongCode(i))))
    const codes = replies.map(errCode)
    expect(codes.filter((c) => c !== 'NOT_FOUND' && c !== 'RATE_LIMITED')).toEqual([])
    expect(codes.filter((c) => c === 'NOT_FOUND')).toHaveLength(BIND.max)
    expect(hits(rateLimitKey(BIND, 'dev_burst'))).toHaveLength(BIND.max)
    // Still limited afterwards; the refusal writes nothing, not even in rate_limits.
    const before = cloud.snapshot([])
    expect(errCode(await bind('dev_burst', wrongCode(99)))).toBe('RATE_LIMITED')
    expect(cloud.snapshot([])).toEqual(before)
  })

  test('the window slides: no fresh allowance across the hour boundary; each slot frees an hour after its guess', async () => {
    const start = '2026-11-20T02:59:50.000Z'
    for (let i = 0; i < BIND.max; i++) {
      clock.set(at(start, i)) // one guess a second, 02:59:50 … 02:59:59
      expect(errCode(await bind('dev_guesser', wrongCode(i)))).toBe('NOT_FOUND')
    }
    clock.set('2026-11-20T03:00:05.000Z') // a new clock hour, 15 s after the first guess
    expect(errCode(await bind('dev_guesser', wrongCode(50)))).toBe('RATE_LIMITED')
    clock.set(at(start, 3600 - 1)) // just short of an hour after the first guess
    expect(errCode(await bind('dev_guesser', wrongCode(51)))).toBe('RATE_LIMITED')
    clock.set(at(start, 3600 + 0.5)) // the first guess has left the window: one slot
    expect(errCode(await bind('dev_guesser', wrongCode(52)))).toBe('NOT_FOUND')
    expect(errCode(await bind('dev_guesser', wrongCode(53)))).toBe('RATE_LIMITED')
    clock.set(at(start, 3600 + BIND.max)) // all ten have left
    expect(errCode(await bind('dev_guesser', wrongCode(54)))).toBe('NOT_FOUND')
    expect(hits(rateLimitKey(BIND, 'dev_guesser')).length).toBeLessThanOrEqual(BIND.max)
  })

  test('limits are per WeChat user', async () => {
    for (let i = 0; i < BIND.max; i++) expect(errCode(await bind('dev_a', wrongCode(i)))).toBe('NOT_FOUND')
    expect(errCode(await bind('dev_a', wrongCode(60)))).toBe('RATE_LIMITED')
    expect(errCode(await bind('dev_b', wrongCode(61)))).toBe('NOT_FOUND')
  })
})

describe('初始化码 guesses (org.claimAdmin)', () => {
  const provision = async (): Promise<string> => {
    const { code, doc } = issueBootstrap(AT)
    await cloud.db.insertMany('bootstrap', [{ _id: BOOTSTRAP_DOC_ID, ...doc }])
    return code
  }
  const claim = (openid: string, code: string) => cloud.call('org', 'claimAdmin', { code, orgName: '中共测试街道工作委员会', adminName: '周书记' }, openid)
  const WRONG = 'ABCD-EFGH-JKLM'

  test('fresh openids do not get around it: past the environment-wide limit even the right code is refused, nothing written', async () => {
    const code = await provision()
    for (let i = 0; i < CLAIM_ALL.max; i++) expect(errCode(await claim(`dev_sybil_${i}`, WRONG))).toBe('NOT_FOUND')
    const before = cloud.snapshot() // rate_limits aside: the newcomer's own attempt is counted
    const globalBefore = hits(rateLimitKey(CLAIM_ALL, 'env'))
    const r = await claim('dev_sybil_last', code)
    expect(r).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: CLAIM_ALL.message } })
    expect(cloud.snapshot()).toEqual(before)
    expect(hits(rateLimitKey(CLAIM_ALL, 'env'))).toEqual(globalBefore)
    expect(cloud.db.dump('bootstrap')[0]).toMatchObject({ claimedAt: null })
    // An hour after the guesses, the holder of the code gets in.
    clock.set(at(AT, 3600 + 60))
    expect(ok(await claim('dev_holder', code)).adminOrgs).toHaveLength(1)
  })

  test('one user hammering is refused per user without using up everyone\'s allowance', async () => {
    await provision()
    for (let i = 0; i < CLAIM_USER.max; i++) expect(errCode(await claim('dev_hammer', WRONG))).toBe('NOT_FOUND')
    for (let i = 0; i < 5; i++) expect(errCode(await claim('dev_hammer', WRONG))).toBe('RATE_LIMITED')
    expect(hits(rateLimitKey(CLAIM_ALL, 'env'))).toHaveLength(CLAIM_USER.max)
  })

  test('concurrent guesses from many users answer NOT_FOUND or RATE_LIMITED, never INTERNAL, and no more than the limit get through', async () => {
    await provision()
    const replies = await Promise.all(Array.from({ length: CLAIM_ALL.max + 10 }, (_, i) => claim(`dev_crowd_${i}`, WRONG)))
    const codes = replies.map(errCode)
    expect(codes.filter((c) => c !== 'NOT_FOUND' && c !== 'RATE_LIMITED')).toEqual([])
    expect(codes.filter((c) => c === 'NOT_FOUND')).toHaveLength(CLAIM_ALL.max)
  })
})
