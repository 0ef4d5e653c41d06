/**
 * Sign-in at a meeting: the window around its start and the meeting's sign-in state (the one reading of
 * not yet open / open / closed every caller uses), the rotating sign-in code's timing, and the optional
 * distance check. Sign-in happens only at a real meeting (anti-形式主义: no daily check-in).
 */
import { RuleInputError } from '../errors'
import { type InstantInput, toEpochMs } from '../time'

export interface SignInWindowRule {
  opensBeforeMinutes: number
  closesAfterMinutes: number
}

/** The instants (ISO UTC) sign-in opens and closes for a meeting starting at `startsAt`. */
export function signInWindow(startsAt: InstantInput, rule: SignInWindowRule): { opensAt: string; closesAt: string } {
  const start = toEpochMs(startsAt)
  return {
    opensAt: new Date(start - rule.opensBeforeMinutes * 60_000).toISOString(),
    closesAt: new Date(start + rule.closesAfterMinutes * 60_000).toISOString(),
  }
}

/** A meeting's stored sign-in window, as its document and its views carry it (ISO UTC instants). */
export interface SignInTimes {
  signInOpensAt: InstantInput
  signInClosesAt: InstantInput
}

export type SignInState = 'not-yet' | 'open' | 'closed'

/**
 * The sign-in state of a meeting at `now`: `not-yet` before its window opens, `open` inside it (both ends
 * included), `closed` after it closes. The one reading every caller uses (the sign-in and recorder
 * handlers, the host's code, the to-do list, the recorder page); a locked or cancelled meeting is the
 * caller's own check.
 */
export function signInState(m: SignInTimes, now: InstantInput): SignInState {
  const t = toEpochMs(now)
  return t < toEpochMs(m.signInOpensAt) ? 'not-yet' : t > toEpochMs(m.signInClosesAt) ? 'closed' : 'open'
}

// ---------------------------------------------------------------------------------------------------
// The rotating sign-in code. Not in the profiles (it is an anti-cheating design, not a party rule):
// the host's QR code changes every `windowSeconds`; a code is accepted in its own window and the next
// (`acceptWindows` = 2 → at most 30 s old), so a screenshot forwarded home stops working within 30 s.

export const SIGN_IN_CODE_RULE = {
  windowSeconds: 15,
  acceptWindows: 2,
  source: '[?] 本系统防代签设计：签到二维码每15秒更换，接受当前及上一时段（不超过30秒）',
} as const

export interface SignInCodeRule {
  windowSeconds: number
  acceptWindows: number
}

const assertPositiveInt = (n: number, what: string): number => {
  if (!Number.isSafeInteger(n) || n < 1) throw new RuleInputError('INVALID_ARGUMENT', `${what}应为正整数`, { value: n })
  return n
}

/** The code window of an instant: floor(epochSeconds / windowSeconds). */
export function codeWindowOf(epochMs: number, rule: SignInCodeRule = SIGN_IN_CODE_RULE): number {
  if (!Number.isFinite(epochMs)) throw new RuleInputError('INVALID_INSTANT', '时间格式不正确', { value: epochMs })
  return Math.floor(epochMs / 1000 / assertPositiveInt(rule.windowSeconds, '签到码时段秒数'))
}

/** Whether a code of `codeWindow` is still accepted at `nowWindow`: `ok`, `expired`, or `future` (never issued yet). */
export function codeWindowState(codeWindow: number, nowWindow: number, rule: SignInCodeRule = SIGN_IN_CODE_RULE): 'ok' | 'expired' | 'future' {
  if (!Number.isSafeInteger(codeWindow) || !Number.isSafeInteger(nowWindow)) return 'expired'
  if (codeWindow > nowWindow) return 'future'
  return nowWindow - codeWindow < assertPositiveInt(rule.acceptWindows, '可接受时段数') ? 'ok' : 'expired'
}

/** Epoch ms when the host should show the next code, and when the current one stops being accepted. */
export function codeTimes(window: number, rule: SignInCodeRule = SIGN_IN_CODE_RULE): { refreshAt: number; expiresAt: number } {
  const ms = rule.windowSeconds * 1000
  return { refreshAt: (window + 1) * ms, expiresAt: (window + rule.acceptWindows) * ms }
}

// ---------------------------------------------------------------------------------------------------
// Optional distance check when a meeting has coordinates.

export const SIGN_IN_DISTANCE_RULE = {
  /** Default radius around the meeting place, metres (phone GPS indoors is often 50–200 m off). */
  defaultRadiusMeters: 500,
  source: '[?] 本系统默认：会场坐标半径500米内可签到（室内定位误差较大），支部可按会议调整',
} as const

export interface LatLng {
  lat: number
  lng: number
}

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function distanceMeters(a: LatLng, b: LatLng): number {
  for (const p of [a, b]) {
    if (!Number.isFinite(p.lat) || !Number.isFinite(p.lng) || Math.abs(p.lat) > 90 || Math.abs(p.lng) > 180) {
      throw new RuleInputError('INVALID_ARGUMENT', '坐标不正确', { lat: p.lat, lng: p.lng })
    }
  }
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)))
}
