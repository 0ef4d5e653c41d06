/**
 * org.unbindMember — detach a member's WeChat identity (lost phone, new account); audited with the reason.
 * A 支委's identity needs authority over the role (`identity-authority.ts`): the 书记's only the 上级 admin.
 */
import { AppError } from '@shared/contract/errors'
import type { org } from '@shared/contract/org'
import type { MemberDoc } from '../documents'
import type { Handler } from '../../_kit/create-main'
import { memberDetail } from '../views'
import { assertIdentityAuthority, withCommitteeRoles } from './identity-authority'
import { memberTarget } from './member-target'

export const unbindMember: Handler<typeof org.actions.unbindMember, MemberDoc> = {
  target: memberTarget,
  run: async ({ memberId, reason }, ctx, m) => {
    assertIdentityAuthority(m, ctx.grants)
    const openid = m.openid
    if (!openid) throw new AppError('CONFLICT', '该党员尚未绑定微信')
    const at = ctx.now.toISOString()
    await ctx.store.transaction(async (tx) => {
      const user = await tx.get('users', openid)
      await tx.update('members', memberId, { openid: null, boundAt: null, updatedAt: at })
      if (user && user.adminOrgs.length > 0) {
        await tx.update('users', openid, { memberId: null, branchId: null, groupId: null, status: null, roles: [] })
      } else if (user) {
        await tx.remove('users', openid)
      }
    })
    await ctx.audit({
      branchId: m.branchId,
      action: 'org.unbindMember',
      targetId: memberId,
      summary: `解除 ${withCommitteeRoles(m)} 的微信绑定：${reason}`,
      before: { bound: true, roles: m.roles },
      after: { bound: false, roles: m.roles },
    })
    return memberDetail({ ...m, openid: null, boundAt: null }, true)
  },
}
