/**
 * meetings.decideLeave — the 书记, or the member's 党小组长, approves or declines a leave request before
 * the meeting's record is locked; never their own. Audited.
 */
import { AppError } from '@shared/contract/errors'
import type { meetings } from '@shared/contract/meetings'
import type { Handler } from '../../_kit/create-main'
import type { MeetingLeaveDoc } from '../documents'
import { loadMeeting } from '../model'
import { leaveView } from './leave-view'

export const decideLeave: Handler<typeof meetings.actions.decideLeave, MeetingLeaveDoc> = {
  // The request, as its member's: the 书记 by branch, the 党小组长 by the member's group.
  target: async ({ leaveId }, ctx) => {
    const leave = await ctx.store.get('meeting_leaves', leaveId)
    if (!leave) throw new AppError('NOT_FOUND', '没有找到该请假申请')
    return { target: { branchId: leave.branchId, groupId: leave.groupId, memberId: leave.memberId }, loaded: leave }
  },
  run: async ({ leaveId, approve, note }, ctx, leave) => {
    const { caller, store, now } = ctx
    if (leave.memberId === caller.memberId) throw new AppError('RULE_VIOLATED', '不能审批自己的请假申请')
    const m = await loadMeeting(store, leave.meetingId)
    if (m.lockedAt) throw new AppError('RULE_VIOLATED', '会议记录已提交，不能再审批请假')
    const status = approve ? 'approved' : 'declined'
    const nowIso = now.toISOString()
    const patch = { status, decidedAt: nowIso, decidedBy: caller.memberId, decidedByName: caller.name, note: note ?? '' } as const
    await store.update('meeting_leaves', leaveId, patch)
    const cmd = store.cmd
    await store.update('meetings', m._id, {
      leavePendingIds: cmd.pull(leave.memberId),
      leaveIds: approve ? cmd.addToSet(leave.memberId) : cmd.pull(leave.memberId),
      leaveDeclinedIds: approve ? cmd.pull(leave.memberId) : cmd.addToSet(leave.memberId),
      [`leaveNotes.${leave.memberId}`]: { reason: leave.reason, note: note ?? '' },
    })
    await ctx.audit({
      branchId: leave.branchId,
      action: 'meetings.decideLeave',
      targetId: leaveId,
      summary: `${approve ? '批准' : '未批准'} ${leave.memberName} 的请假（“${leave.meetingTopic}”）${note ? `：${note}` : ''}`,
    })
    return leaveView({ ...leave, ...patch })
  },
}
