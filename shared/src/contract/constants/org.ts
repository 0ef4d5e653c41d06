/** Code formats of the org contract, without schemas (see README.md). */

/** An invite code: 8 letters or digits from an alphabet without 0/O and 1/I. */
export const INVITE_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{8}$/
export const INVITE_CODE_MESSAGE = '邀请码应为8位字母或数字'

/** The invite code as the server reads it (trimmed, upper case), or null when it cannot be one. */
export function normalizeInviteCode(raw: string): string | null {
  const code = raw.trim().toUpperCase()
  return INVITE_CODE_PATTERN.test(code) ? code : null
}
