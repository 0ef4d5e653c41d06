/**
 * The rotating sign-in code: `ZB1.<meetingId>.<window>.<mac>`, where `window` =
 * floor(epochSeconds / 15) and `mac` = HMAC-SHA256(key, `${meetingId}:${window}`) with a key derived from
 * the meeting's own secret (stored server-side, never returned) and the deployment key `ZHIBU_SIGNIN_KEY`.
 * ZHIBU_SIGNIN_KEY is required: the deployment sets it (scripts/lib/cloudbaserc.ts) and so does the local
 * cloud (local/db `pointSdkAt`). Without it no code is issued or accepted — never a key known to everyone.
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

const macOf = (secret: string, meetingId: string, window: number): string => {
  const key = createHmac('sha256', deploymentKey()).update(secret).digest()
  return createHmac('sha256', key).update(`${meetingId}:${window}`).digest('base64url').slice(0, 22)
}

export interface IssuedCode {
  code: string
  window: number
  refreshAt: number
  expiresAt: number
}

/** The code the host shows at `nowMs`. */
export const issueCode = (meetingId: string, secret: string, nowMs: number): IssuedCode => {
  const window = codeWindowOf(nowMs, SIGN_IN_CODE_RULE)
  return { code: `ZB1.${meetingId}.${window}.${macOf(secret, meetingId, window)}`, window, ...codeTimes(window, SIGN_IN_CODE_RULE) }
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

export const CODE_MESSAGES: Record<Exclude<CodeCheck, 'ok'>, string> = {
  malformed: '这不是支部助手的签到二维码，请扫描主持人手机上的签到码',
  'other-meeting': '该二维码不是本次会议的签到码，请确认会议后再扫码',
  forged: '签到码无效，请扫描主持人手机上的签到码',
  expired: `签到码已过期（超过${SIGN_IN_CODE_RULE.windowSeconds * SIGN_IN_CODE_RULE.acceptWindows}秒），请扫描主持人手机上正在显示的二维码`,
}
