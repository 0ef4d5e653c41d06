/**
 * Attempt limits for guessable secrets (invite codes, the 初始化码): a sliding window per key.
 * `rate_limits/<name>_<subject>` keeps the instants (epoch ms, ascending) of the last `max`
 * accepted attempts. An attempt is accepted when fewer than `max` of them lie in the last `windowMs` —
 * when the list is shorter than `max`, or its oldest entry has left the window — and its instant is pushed
 * by the very single-document update that checks that condition. No read-modify-write, no transaction to
 * conflict: concurrent guesses answer the real result or RATE_LIMITED, never an internal error, and never
 * more than `max` get through in any window (a fixed clock hour let 2 × max through across its boundary).
 * A refused attempt writes nothing, so the window frees up `windowMs` after the attempts it counted.
 */
import { AppError } from '@shared/contract/errors'
import { isDuplicate, type Store } from './store'

export interface RateLimit {
  /** The key prefix: documents are `<name>_<subject>`. */
  name: string
  /** Attempts accepted in any window of `windowMs`. */
  max: number
  windowMs: number
  /** What the caller reads when refused. */
  message: string
}

const HOUR_MS = 3_600_000

export const RATE_LIMITS = {
  /**
   * Invite-code (`org.bind`) guesses per WeChat user. A member copying a code from a chat mistypes it a few
   * times at most; 10 an hour leaves a guesser nothing against 32^8 ≈ 1.1e12 codes of which a branch has a
   * handful open, each for 7 days.
   */
  inviteGuessesPerUser: { name: 'bind', max: 10, windowMs: HOUR_MS, message: '尝试次数过多，请一小时后再试' },
  /** 初始化码 (`org.claimAdmin`) guesses per WeChat user: as for invite codes. */
  bootstrapGuessesPerUser: { name: 'claim', max: 10, windowMs: HOUR_MS, message: '尝试次数过多，请一小时后再试' },
  /**
   * 初始化码 guesses from everyone together: openids cost nothing to make, so the per-user limit alone does
   * not bound guessing. The one person holding the code needs a few tries; 30 an hour keeps 2^60 codes out
   * of reach (about 10^12 years to try half), and it only matters until the code is claimed. If someone
   * keeps the window full, the deployer can delete `rate_limits/claim-all_env` in the console.
   */
  bootstrapGuessesGlobal: { name: 'claim-all', max: 30, windowMs: HOUR_MS, message: '初始化尝试过于频繁，请一小时后再试' },
  /**
   * Wrong 6-digit sign-in codes (`meetings.signIn` with `digits`) per member and meeting. A member reading
   * the host's screen mistypes once or twice; 5 in 10 minutes give a guesser about 5 × 2 / 10^6 per window
   * of 10 minutes, and only to sign in to a meeting they may attend anyway. While full, right digits are
   * refused too (otherwise guessing would go on behind the refusals).
   */
  signInDigitGuesses: {
    name: 'signin-digits',
    max: 5,
    windowMs: 10 * 60_000,
    message: '数字签到码输错次数过多，请10分钟后再试，或请记录人为您登记到会',
  },
} as const satisfies Record<string, RateLimit>

/** The document id of a limit for one subject (an openid, or `env` for an environment-wide limit). */
export const rateLimitKey = (limit: RateLimit, subject: string): string => `${limit.name}_${subject}`

/**
 * Throws RATE_LIMITED when `subject` has no room left under `limit` at `now`, counting nothing: for a
 * limit on wrong attempts only, checked before a right one is accepted. One request, a read.
 */
export const assertRoom = async (store: Store, limit: RateLimit, subject: string, now: Date): Promise<void> => {
  const doc = await store.get('rate_limits', rateLimitKey(limit, subject))
  const hits = doc?.hits ?? []
  const oldest = hits[0]
  if (hits.length >= limit.max && oldest !== undefined && oldest > now.getTime() - limit.windowMs) throw new AppError('RATE_LIMITED', limit.message)
}

/**
 * Counts one attempt of `subject` against `limit` at `now`, or throws RATE_LIMITED (writing nothing).
 * One request when the key exists and has room; two the first time; three when refused.
 */
export const countAttempt = async (store: Store, limit: RateLimit, subject: string, now: Date): Promise<void> => {
  const key = rateLimitKey(limit, subject)
  const t = now.getTime()
  const expiresAt = new Date(t + limit.windowMs).toISOString()
  const { cmd } = store
  const push = (): Promise<number> =>
    store.updateWhere(
      'rate_limits',
      cmd.or([
        { _id: key, [`hits.${limit.max - 1}`]: cmd.exists(false) },
        { _id: key, 'hits.0': cmd.lte(t - limit.windowMs) },
      ]),
      { hits: cmd.push({ each: [t], sort: 1, slice: -limit.max }), expiresAt },
    )
  if ((await push()) > 0) return
  try {
    await store.add('rate_limits', { _id: key, hits: [t], expiresAt })
    return
  } catch (e) {
    if (!isDuplicate(e)) throw e
  }
  // Created meanwhile by a concurrent attempt: one more try, then the window is full.
  if ((await push()) > 0) return
  throw new AppError('RATE_LIMITED', limit.message)
}
