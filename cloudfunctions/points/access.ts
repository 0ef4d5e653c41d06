/** Who a points action is about: a member target (default: the caller), and the scheme in force. */
import { AppError } from '@shared/contract/errors'
import type { Targeted, TargetContext } from '../_kit/create-main'
import { loadMember } from '../org/public/branches'
import type { PointsBranchDoc } from './documents'
import type { MemberRef } from './model'

/**
 * The target of an action about one member (default: the caller). The caller's own record needs no read; another
 * member is loaded for their branch and 党小组 (支委 by branch, 党小组长 by group). `loaded` is that member.
 */
export const memberTarget = async (ctx: TargetContext, memberId: string | undefined): Promise<Targeted<MemberRef>> => {
  const c = ctx.caller
  if (!memberId || memberId === c.memberId) {
    if (!c.memberId || !c.branchId) throw new AppError('FORBIDDEN')
    const member = { memberId: c.memberId, memberName: c.name, groupId: c.groupId, branchId: c.branchId }
    return { target: { branchId: c.branchId, groupId: c.groupId, memberId: c.memberId }, loaded: member }
  }
  const m = await loadMember(ctx.store, memberId)
  return {
    target: { branchId: m.branchId, groupId: m.groupId, memberId: m._id },
    loaded: { memberId: m._id, memberName: m.name, groupId: m.groupId, branchId: m.branchId },
  }
}

/** The scheme in force, or a readable refusal. */
export const requireCurrent = (head: PointsBranchDoc | null): NonNullable<PointsBranchDoc['current']> & { head: PointsBranchDoc } => {
  if (!head?.current) throw new AppError('RULE_VIOLATED', '支部尚未发布积分方案，请联系支委', { rule: 'NO_SCHEME' })
  return { ...head.current, head }
}
