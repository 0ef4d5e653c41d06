/**
 * Keeping the denormalised `users/{openid}` identity document (what the caller check reads) in step with
 * the member record.
 */
import type { Store } from '../_kit/store'
import type { MemberDoc } from './documents'

/** Copy the fields the caller check needs from the member to their identity document. */
export const syncUser = async (store: Store, member: MemberDoc): Promise<void> => {
  if (!member.openid) return
  await store.update('users', member.openid, {
    memberId: member._id,
    branchId: member.branchId,
    groupId: member.groupId,
    status: member.status,
    roles: member.roles,
    name: member.name,
  })
}
