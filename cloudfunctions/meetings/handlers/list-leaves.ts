/**
 * meetings.listLeaves — the leave requests of one meeting (in the order asked), or of a branch to decide
 * (pending first, then the most recent meetings); a 党小组长 sees their group's.
 */
import type { meetings } from '@shared/contract/meetings'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { loadMeeting } from '../model'
import { leaveView } from './leave-view'

/** Whose requests are listed: one meeting's, or a branch's. */
type LeavesOf = { meetingId: string } | { branchId: string }

export const listLeaves: Handler<typeof meetings.actions.listLeaves, LeavesOf> = {
  // The meeting named (its branch, and the group asked for or the meeting's), else the branch named or the caller's.
  target: async (input, ctx) => {
    if (input.meetingId) {
      const m = await loadMeeting(ctx.store, input.meetingId)
      return { target: { branchId: m.branchId, groupId: input.groupId ?? m.groupId }, loaded: { meetingId: m._id } }
    }
    const { target, loaded } = branchTarget(input, ctx)
    return { target: { ...target, groupId: input.groupId ?? null }, loaded: { branchId: loaded } }
  },
  run: async (input, ctx, of) => {
    const { store } = ctx
    const where: Record<string, unknown> = { ...of }
    if (input.groupId) where.groupId = input.groupId
    if (input.status) where.status = input.status
    if ('meetingId' in of) {
      const docs = await store.find('meeting_leaves', where, { orderBy: [['requestedAt', 'asc']], limit: 200 })
      return { leaves: docs.map(leaveView) }
    }
    const docs = await store.find('meeting_leaves', where, { orderBy: [['meetingStartsAt', 'desc']], limit: 100 })
    // Pending first, then the most recent meetings.
    const order = { pending: 0, approved: 1, declined: 2 } as const
    return { leaves: docs.sort((a, b) => order[a.status] - order[b.status]).map(leaveView) }
  },
}
