/**
 * The member's sign-in flow: scan the host's QR code through the platform adapter (WeChat camera; on h5
 * the code text is typed or pasted), check it names the meeting, and call `meetings.signIn`. A scan from
 * the 组织生活 tab (no meeting open) signs in to the meeting the code names. When scanning fails, the
 * meeting page takes the 6 digits shown under the host's QR code instead (`signInWithDigits`).
 */
import type { Attendance } from '@shared/contract/meetings'
import { LOCATION_REQUIRED, SIGN_IN_DIGITS, parseSignInCode } from '@shared/contract/constants/meetings'
import { getLocation, scanCode } from '@/platform'
import { api } from '@/services/api'
import { ApiError } from '@/services/client'

export const NOT_OUR_CODE = '这不是支部助手的签到二维码，请扫描主持人手机上的签到码'
export const OTHER_MEETING = '该二维码不是本次会议的签到码，请确认会议后再扫码'
export const NO_POSITION = '本次会议需要核对您是否在会场附近，请在手机设置中允许微信获取位置后再签到'
export const DIGITS_NEEDED = '请输入主持人手机上显示的6位数字'

/** What the member typed, as digits only (full-width digits read as such, spaces and dashes dropped), at most 6. */
export function cleanDigits(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\D/g, '')
    .slice(0, 6)
}

/** Which meeting a scanned text signs in to, or an error message for the member. */
export function meetingOfCode(text: string, expected?: string): { meetingId: string } | { error: string } {
  const parsed = parseSignInCode(text)
  if (!parsed) return { error: NOT_OUR_CODE }
  if (expected && parsed.meetingId !== expected) return { error: OTHER_MEETING }
  return { meetingId: parsed.meetingId }
}

/** The phone's position for a sign-in, or an ApiError the member can act on. */
async function position(): Promise<{ lat: number; lng: number }> {
  const p = await getLocation()
  if (!p) throw new ApiError('RULE_VIOLATED', NO_POSITION)
  return { lat: p.lat, lng: p.lng }
}

/**
 * Scan and sign in. Resolves `null` when the member cancelled the scan; throws ApiError otherwise. When
 * the meeting checks the place (`checksPlace`, or the server says so for a scan from the tab page), the
 * phone's position goes with the code; a 流动党员 taking part remotely sends none.
 */
export async function scanAndSignIn(opts: { meetingId?: string; remote?: boolean; checksPlace?: boolean } = {}): Promise<Attendance | null> {
  const text = await scanCode()
  if (text === null) return null
  const target = meetingOfCode(text, opts.meetingId)
  if ('error' in target) throw new ApiError('RULE_VIOLATED', target.error)
  return signInWith({ meetingId: target.meetingId, code: text }, opts)
}

/** Sign in to `meetingId` with the 6 digits typed from the host's screen; the place as for a scan. */
export async function signInWithDigits(meetingId: string, typed: string, opts: { remote?: boolean; checksPlace?: boolean } = {}): Promise<Attendance> {
  const digits = cleanDigits(typed)
  if (!SIGN_IN_DIGITS.test(digits)) throw new ApiError('INVALID_INPUT', DIGITS_NEEDED)
  return signInWith({ meetingId, digits }, opts)
}

type Proof = { meetingId: string; code: string } | { meetingId: string; digits: string }

async function signInWith(proof: Proof, opts: { remote?: boolean; checksPlace?: boolean }): Promise<Attendance> {
  if (opts.remote) return api.meetings.signIn({ ...proof, remote: true })
  if (opts.checksPlace) return api.meetings.signIn({ ...proof, location: await position() })
  try {
    return await api.meetings.signIn(proof)
  } catch (e) {
    if (!(e instanceof ApiError) || e.details?.rule !== LOCATION_REQUIRED) throw e
    return api.meetings.signIn({ ...proof, location: await position() })
  }
}
