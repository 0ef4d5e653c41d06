/** org.getMember — one member in detail; the dues category only for themselves, the 书记 and the 党费管理员. */
import type { org } from '@shared/contract/org'
import type { MemberDoc } from '../documents'
import type { Handler } from '../../_kit/create-main'
import { memberDetail } from '../views'
import { memberTarget } from './member-target'

export const getMember: Handler<typeof org.actions.getMember, MemberDoc> = {
  target: memberTarget,
  run: async (_input, ctx, m) => {
    const withDues =
      m._id === ctx.caller.memberId || ctx.grants.includes('secretary') || ctx.caller.branchRoles.includes('dues-manager')
    return memberDetail(m, withDues)
  },
}
