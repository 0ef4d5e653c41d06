/**
 * org.createInvite — a one-time code valid 7 days; earlier unused codes of the member stop working. Whoever
 * redeems it holds the member's roles, so a 支委's needs authority over the role (`identity-authority.ts`).
 */
import { AppError } from '@shared/contract/errors'
import type { org } from '@shared/contract/org'
import type { MemberDoc } from '../documents'
import type { Handler } from '../../_kit/create-main'
import { issueInvite } from '../invites'
import { assertIdentityAuthority, withCommitteeRoles } from './identity-authority'
import { memberTarget } from './member-target'

export const createInvite: Handler<typeof org.actions.createInvite, MemberDoc> = {
  target: memberTarget,
  run: async ({ memberId }, ctx, m) => {
    assertIdentityAuthority(m, ctx.grants)
    if (m.openid) throw new AppError('CONFLICT', '该党员已绑定微信，如需更换请先解除绑定')
    await ctx.store.updateWhere('invites', { memberId, usedAt: null, revoked: false }, { revoked: true })
    const { code, expiresAt } = await issueInvite(ctx.store, { memberId, branchId: m.branchId, createdBy: ctx.caller.memberId ?? '' }, ctx.now)
    await ctx.audit({ branchId: m.branchId, action: 'org.createInvite', targetId: memberId, summary: `为 ${withCommitteeRoles(m)} 生成邀请码`, after: { roles: m.roles, expiresAt } })
    return { code, expiresAt, memberName: m.name }
  },
}
