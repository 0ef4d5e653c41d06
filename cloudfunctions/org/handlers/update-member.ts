/** org.updateMember — edit a member's record; the identity document follows; audited with before/after. */
import type { org } from '@shared/contract/org'
import type { MemberDoc } from '../documents'
import { loadBranch } from '../public/branches'
import { syncUser } from '../users'
import type { Handler } from '../../_kit/create-main'
import { memberDetail } from '../views'
import { checkMemberFields } from './member-rules'
import { memberTarget } from './member-target'

export const updateMember: Handler<typeof org.actions.updateMember, MemberDoc> = {
  target: memberTarget,
  run: async ({ memberId, fields }, ctx, before) => {
    const branch = await loadBranch(ctx.store, before.branchId)
    const patch: Partial<MemberDoc> = { updatedAt: ctx.now.toISOString() }
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) (patch as Record<string, unknown>)[k] = v
    const after: MemberDoc = { ...before, ...patch }
    checkMemberFields(branch, after)
    await ctx.store.update('members', memberId, patch)
    await syncUser(ctx.store, after)
    await ctx.audit({
      branchId: before.branchId,
      action: 'org.updateMember',
      targetId: memberId,
      summary: `修改党员 ${after.name} 的信息`,
      before,
      after,
    })
    return memberDetail(after, true)
  },
}
