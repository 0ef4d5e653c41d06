/**
 * The rotating sign-in code: `ZB1.<meetingId>.<window>.<mac>`, where `window` =
 * floor(epochSeconds / 15) and `mac` = HMAC-SHA256(key, `${meetingId}:${window}`) with a key derived from
 * the meeting's own secret (stored server-side, never returned) and the deployment key `ZHIBU_SIGNIN_KEY`.
 * ZHIBU_SIGNIN_KEY is required: the deployment sets it (scripts/lib/cloudbaserc.ts) and so does the local
 * cloud (local/db `pointSdkAt`). Without it no code is issued or accepted — never a key known to everyone.
 *
 * Under the QR the host screen shows 6 digits to type when scanning fails: HMAC-SHA256 of the same key over
 * `digits:${meetingId}:${window}`, truncated to 6 decimal digits as RFC 4226 does. Same window, same life,
 * bound to the meeting by the MAC alone (the member names the meeting they sign in to); 10^6 values can be
 * guessed, so the handler limits wrong tries (RATE_LIMITS.signInDigitGuesses).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { parseSignInCode } from '@shared/contract/meetings'
import { codeTimes, codeWindowOf, codeWindowState, SIGN_IN_CODE_RULE } from '@shared/rules/meetings/sign-in'

const deploymentKey = (): string => {
  const key = process.env.ZHIBU_SIGNIN_KEY
  if (!key) throw new Error('ZHIBU_SIGNIN_KEY is not set: sign-in codes cannot be issued or checked')
  return key
}

/** A new per-meeting secret (256 bits). */
export const newMeetingSecret = (): string => randomBytes(32).toString('base64url')

const keyOf = (secret: string): Buffer => createHmac('sha256', deploymentKey()).update(secret).digest()

const macOf = (secret: string, meetingId: string, window: number): string =>
  createHmac('sha256', keyOf(secret)).update(`${meetingId}:${window}`).digest('base64url').slice(0, 22)

/** The 6 digits of `window` (dynamic truncation of RFC 4226 §5.3 over HMAC-SHA256). */
const digitsOf = (secret: string, meetingId: string, window: number): string => {
  const mac = createHmac('sha256', keyOf(secret)).update(`digits:${meetingId}:${window}`).digest()
  const offset = (mac[mac.length - 1] as number) & 0x0f
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0')
}

export interface IssuedCode {
  code: string
  /** The same code as 6 digits to type. */
  digits: string
  window: number
  refreshAt: number
  expiresAt: number
}

/** The code the host shows at `nowMs`. */
export const issueCode = (meetingId: string, secret: string, nowMs: number): IssuedCode => {
  const window = codeWindowOf(nowMs, SIGN_IN_CODE_RULE)
  return {
    code: `ZB1.${meetingId}.${window}.${macOf(secret, meetingId, window)}`,
    digits: digitsOf(secret, meetingId, window),
    window,
    ...codeTimes(window, SIGN_IN_CODE_RULE),
  }
}

export type CodeCheck = 'ok' | 'malformed' | 'other-meeting' | 'forged' | 'expired'

/** Checks a scanned code for `meetingId` at `nowMs`: format, meeting, signature (constant time), then age. */
export const checkCode = (text: string, meetingId: string, secret: string, nowMs: number): CodeCheck => {
  const parsed = parseSignInCode(text)
  if (!parsed) return 'malformed'
  if (parsed.meetingId !== meetingId) return 'other-meeting'
  const expected = Buffer.from(macOf(secret, meetingId, parsed.window))
  const given = Buffer.from(parsed.mac)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'forged'
  // A window from the future was never issued by this server's clock: treat it as forged-or-stale.
  return codeWindowState(parsed.window, codeWindowOf(nowMs, SIGN_IN_CODE_RULE), SIGN_IN_CODE_RULE) === 'ok' ? 'ok' : 'expired'
}

/** How many windows before the accepted ones typed digits are still recognised as expired (not merely wrong). */
const DIGITS_EXPIRED_WINDOWS = 8

/**
 * Checks 6 typed digits for `meetingId` at `nowMs`: `ok` when they are those of an accepted window (the
 * current and the previous, as for the QR), `expired` when they are those of one of the few windows before,
 * `forged` otherwise (another meeting's digits included). Every candidate is compared in constant time.
 */
export const checkDigits = (digits: string, meetingId: string, secret: string, nowMs: number): 'ok' | 'forged' | 'expired' => {
  const nowWindow = codeWindowOf(nowMs, SIGN_IN_CODE_RULE)
  const given = Buffer.from(digits)
  let result: 'ok' | 'forged' | 'expired' = 'forged'
  for (let back = SIGN_IN_CODE_RULE.acceptWindows + DIGITS_EXPIRED_WINDOWS - 1; back >= 0; back--) {
    const window = nowWindow - back
    const expected = Buffer.from(digitsOf(secret, meetingId, window))
    if (expected.length === given.length && timingSafeEqual(expected, given)) {
      result = codeWindowState(window, nowWindow, SIGN_IN_CODE_RULE) === 'ok' ? 'ok' : 'expired'
    }
  }
  return result
}

export const CODE_MESSAGES: Record<Exclude<CodeCheck, 'ok'>, string> = {
  malformed: '这不是支部助手的签到二维码，请扫描主持人手机上的签到码',
  'other-meeting': '该二维码不是本次会议的签到码，请确认会议后再扫码',
  forged: '签到码无效，请扫描主持人手机上的签到码',
  expired: `签到码已过期（超过${SIGN_IN_CODE_RULE.windowSeconds * SIGN_IN_CODE_RULE.acceptWindows}秒），请扫描主持人手机上正在显示的二维码`,
}

/** The refusals of typed digits: the same codes and rules as the QR's, worded for typing. */
export const DIGITS_MESSAGES: Record<'forged' | 'expired', string> = {
  forged: '数字签到码不正确，请核对主持人手机上显示的6位数字',
  expired: `数字签到码已过期（超过${SIGN_IN_CODE_RULE.windowSeconds * SIGN_IN_CODE_RULE.acceptWindows}秒），请输入主持人手机上正在显示的6位数字`,
}
