/** org.listMembers — the roster of a branch or one 党小组 (党小组长 see only their own group). */
import type { org } from '@shared/contract/org'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { memberView } from '../views'

export const listMembers: Handler<typeof org.actions.listMembers, string> = {
  // The branch, narrowed to the 党小组 asked for (a 党小组长 passes only for their own).
  target: (input, ctx) => {
    const { target, loaded } = branchTarget(input, ctx)
    return { target: { ...target, groupId: input.groupId }, loaded }
  },
  run: async (input, ctx, branchId) => {
    const groupId = input.groupId
    const where: Record<string, unknown> = { branchId, active: true, ...(groupId ? { groupId } : {}) }
    const [members, total] = await Promise.all([
      ctx.store.find('members', where, {
        orderBy: [['joinedAt', 'asc']],
        skip: input.page?.offset ?? 0,
        limit: input.page?.limit ?? 200,
      }),
      ctx.store.count('members', where),
    ])
    return { members: members.map(memberView), total }
  },
}
