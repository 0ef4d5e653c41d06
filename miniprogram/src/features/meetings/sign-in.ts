/**
 * The member's sign-in flow: scan the host's QR code through the platform adapter (WeChat camera; on h5
 * the code text is typed or pasted), check it names the meeting, and call `meetings.signIn`. A scan from
 * the 组织生活 tab (no meeting open) signs in to the meeting the code names.
 */
import { parseSignInCode, type Attendance } from '@shared/contract/meetings'
import { scanCode } from '@/platform'
import { api } from '@/services/api'
import { ApiError } from '@/services/client'

export const NOT_OUR_CODE = '这不是支部助手的签到二维码，请扫描主持人手机上的签到码'
export const OTHER_MEETING = '该二维码不是本次会议的签到码，请确认会议后再扫码'

/** Which meeting a scanned text signs in to, or an error message for the member. */
export function meetingOfCode(text: string, expected?: string): { meetingId: string } | { error: string } {
  const parsed = parseSignInCode(text)
  if (!parsed) return { error: NOT_OUR_CODE }
  if (expected && parsed.meetingId !== expected) return { error: OTHER_MEETING }
  return { meetingId: parsed.meetingId }
}

/** Scan and sign in. Resolves `null` when the member cancelled the scan; throws ApiError otherwise. */
export async function scanAndSignIn(opts: { meetingId?: string; remote?: boolean } = {}): Promise<Attendance | null> {
  const text = await scanCode()
  if (text === null) return null
  const target = meetingOfCode(text, opts.meetingId)
  if ('error' in target) throw new ApiError('RULE_VIOLATED', target.error)
  return api.meetings.signIn(opts.remote ? { meetingId: target.meetingId, code: text, remote: true } : { meetingId: target.meetingId, code: text })
}
