/** org.getMember — one member in detail; the dues category only for themselves, the 书记 and the 党费管理员. */
import type { org } from '@shared/contract/org'
import type { Handler } from '../../_kit/create-main'
import { loadMember } from '../../_kit/org-data'
import { memberDetail } from '../views'

export const getMember: Handler<typeof org.actions.getMember> = async ({ memberId }, ctx) => {
  const m = await loadMember(ctx.store, memberId)
  const grants = ctx.authorize({ branchId: m.branchId, groupId: m.groupId, memberId: m._id })
  const withDues =
    m._id === ctx.caller.memberId || grants.includes('secretary') || ctx.caller.branchRoles.includes('dues-manager')
  return memberDetail(m, withDues)
}
