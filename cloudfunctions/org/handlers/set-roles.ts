/**
 * org.setRoles — a member's roles in the branch. 支委 roles need 正式党员 (预备党员 have no 被选举权 [N]);
 * a branch has one 书记. Audited with before/after.
 */
import { AppError } from '@shared/contract/errors'
import type { org } from '@shared/contract/org'
import { COMMITTEE_ROLES, ROLE_LABELS } from '@shared/contract/roles'
import type { MemberDoc } from '../documents'
import { syncUser } from '../users'
import type { Handler } from '../../_kit/create-main'
import { memberDetail } from '../views'
import { memberTarget } from './member-target'

export const setRoles: Handler<typeof org.actions.setRoles, MemberDoc> = {
  target: memberTarget,
  run: async ({ memberId, roles: requested }, ctx, m) => {
    const roles = [...new Set(requested)]
    if (m.status === 'probationary' && roles.some((r) => COMMITTEE_ROLES.includes(r))) {
      throw new AppError('RULE_VIOLATED', '预备党员没有被选举权，不能担任支委', { rule: 'PROBATIONARY_NOT_ELIGIBLE' })
    }
    if (roles.includes('secretary') && !m.roles.includes('secretary')) {
      const others = await ctx.store.count('members', { branchId: m.branchId, active: true, roles: 'secretary' })
      if (others > 0) throw new AppError('RULE_VIOLATED', '本支部已有书记，请先取消原书记的角色', { rule: 'ONE_SECRETARY' })
    }
    const after = { ...m, roles, updatedAt: ctx.now.toISOString() }
    await ctx.store.update('members', memberId, { roles, updatedAt: after.updatedAt })
    if (roles.some((r) => COMMITTEE_ROLES.includes(r) && !m.roles.includes(r))) {
      // An open invite was issued under the authority the member's old roles needed (a 组织委员 may invite a
      // plain member, not a 支委): it stops working once they gain a 支委 role.
      await ctx.store.updateWhere('invites', { memberId, usedAt: null, revoked: false }, { revoked: true })
    }
    await syncUser(ctx.store, after)
    const label = (rs: string[]) => rs.map((r) => ROLE_LABELS[r as keyof typeof ROLE_LABELS]).join('、') || '无'
    await ctx.audit({
      branchId: m.branchId,
      action: 'org.setRoles',
      targetId: memberId,
      summary: `${m.name} 的角色：${label(m.roles)} → ${label(roles)}`,
      before: m.roles,
      after: roles,
    })
    return memberDetail(after, true)
  },
}
