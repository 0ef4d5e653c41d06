/** Who a points action is about: the branch named in the input (default the caller's) and a member target. */
import { AppError } from '@shared/contract/errors'
import type { PolicyRole } from '@shared/contract/roles'
import type { HandlerContext } from '../_kit/create-main'
import { loadMember } from '../_kit/org-data'
import type { PointsBranchDoc } from '../_kit/collections-points'
import type { MemberRef } from './model'

export const branchIdOf = (input: { branchId?: string }, ctx: HandlerContext): string => input.branchId ?? ctx.caller.branchId ?? ''

/**
 * Authorize an action about one member (default: the caller). The caller's own record needs no read; another
 * member is loaded for their branch and 党小组 (支委 by branch, 党小组长 by group).
 */
export const authorizeMember = async (ctx: HandlerContext, memberId: string | undefined): Promise<{ member: MemberRef; grants: PolicyRole[] }> => {
  const c = ctx.caller
  if (!memberId || memberId === c.memberId) {
    if (!c.memberId || !c.branchId) throw new AppError('FORBIDDEN')
    const member = { memberId: c.memberId, memberName: c.name, groupId: c.groupId, branchId: c.branchId }
    return { member, grants: ctx.authorize({ branchId: c.branchId, groupId: c.groupId, memberId: c.memberId }) }
  }
  const m = await loadMember(ctx.store, memberId)
  const grants = ctx.authorize({ branchId: m.branchId, groupId: m.groupId, memberId: m._id })
  return { member: { memberId: m._id, memberName: m.name, groupId: m.groupId, branchId: m.branchId }, grants }
}

/** The scheme in force, or a readable refusal. */
export const requireCurrent = (head: PointsBranchDoc | null): NonNullable<PointsBranchDoc['current']> & { head: PointsBranchDoc } => {
  if (!head?.current) throw new AppError('RULE_VIOLATED', '支部尚未发布积分方案，请联系支委', { rule: 'NO_SCHEME' })
  return { ...head.current, head }
}
