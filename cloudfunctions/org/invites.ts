/**
 * Invite codes: a random 8-character code for one member, valid 7 days, stored with the code as its id (a
 * collision, however unlikely, draws another code; five tries). `org.createInvite` and `org.createBranch`
 * (the new 书记's code) issue them.
 */
import { AppError } from '@shared/contract/errors'
import type { InviteDoc } from './documents'
import { newCode } from '../_kit/ids'
import { isDuplicate, type Store } from '../_kit/store'

export const INVITE_VALID_MS = 7 * 24 * 3_600_000

/** Stores a fresh code for `memberId` of `branchId`, created by `createdBy` at `now`. */
export async function issueInvite(store: Store, who: { memberId: string; branchId: string; createdBy: string }, now: Date): Promise<{ code: string; expiresAt: string }> {
  const expiresAt = new Date(now.getTime() + INVITE_VALID_MS).toISOString()
  for (let i = 0; i < 5; i++) {
    const code = newCode(8)
    const doc: InviteDoc = { _id: code, ...who, createdAt: now.toISOString(), expiresAt, usedAt: null, usedBy: null, revoked: false }
    try {
      await store.add('invites', doc)
      return { code, expiresAt }
    } catch (e) {
      if (!isDuplicate(e)) throw e
    }
  }
  throw new AppError('INTERNAL')
}
