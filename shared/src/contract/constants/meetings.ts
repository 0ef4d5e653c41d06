/** Sign-in code formats and refusal rules of the meetings contract, without schemas (see README.md). */

/** The typed fallback under the rotating QR: six digits. */
export const SIGN_IN_DIGITS = /^\d{6}$/

/** The `rule` of a sign-in refused for want of the member's position: the app asks for it and retries. */
export const LOCATION_REQUIRED = 'LOCATION_REQUIRED'

/** The text of a rotating sign-in code: `ZB1.<meetingId>.<window>.<mac>`; the meeting id lets a scan from anywhere find its meeting. */
export const parseSignInCode = (text: string): { meetingId: string; window: number; mac: string } | null => {
  const m = /^ZB1\.([A-Za-z0-9_-]{1,64})\.(\d{1,12})\.([A-Za-z0-9_-]{16,64})$/.exec(text.trim())
  return m ? { meetingId: m[1] as string, window: Number(m[2]), mac: m[3] as string } : null
}
