/** The target step of the actions about one member: the member is loaded, and their branch, 党小组 and id are what gets authorized. */
import type { MemberDoc } from '../documents'
import { loadMember } from '../public/branches'
import type { TargetContext, Targeted } from '../../_kit/create-main'

/** NOT_FOUND when there is no such member (before authorization: a missing record names no branch). */
export const memberTarget = async ({ memberId }: { memberId: string }, ctx: Pick<TargetContext, 'store'>): Promise<Targeted<MemberDoc>> => {
  const m = await loadMember(ctx.store, memberId)
  return { target: { branchId: m.branchId, groupId: m.groupId, memberId: m._id }, loaded: m }
}
