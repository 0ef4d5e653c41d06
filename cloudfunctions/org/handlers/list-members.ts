/** org.listMembers — the roster of a branch or one 党小组 (党小组长 see only their own group). */
import type { org } from '@shared/contract/org'
import type { Handler } from '../../_kit/create-main'
import { memberView } from '../views'

export const listMembers: Handler<typeof org.actions.listMembers> = async (input, ctx) => {
  const branchId = input.branchId ?? ctx.caller.branchId ?? ''
  const groupId = input.groupId
  ctx.authorize({ branchId, groupId })
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
}
