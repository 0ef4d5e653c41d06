/**
 * Leave (请假): a roster member asks before the meeting starts with a reason; the 书记, or the member's
 * 党小组长, approves or declines before the record is locked. One request per member and meeting
 * (`${meetingId}_${memberId}`); the meeting document keeps the id lists and notes for one-read views.
 */
import { AppError } from '@shared/contract/errors'
import type { Leave, meetings } from '@shared/contract/meetings'
import type { Handler } from '../../_kit/create-main'
import type { MeetingLeaveDoc } from '../../_kit/collections'
import { isDuplicate } from '../../_kit/store'
import { loadMeeting } from '../model'

export const leaveView = (l: MeetingLeaveDoc): Leave => ({
  id: l._id,
  meetingId: l.meetingId,
  meetingTopic: l.meetingTopic,
  meetingKind: l.meetingKind,
  meetingStartsAt: l.meetingStartsAt,
  memberId: l.memberId,
  memberName: l.memberName,
  groupId: l.groupId,
  reason: l.reason,
  status: l.status,
  requestedAt: l.requestedAt,
  decidedAt: l.decidedAt,
  decidedByName: l.decidedByName,
  note: l.note,
})

export const requestLeave: Handler<typeof meetings.actions.requestLeave> = async ({ meetingId, reason }, ctx) => {
  const { caller, store, now } = ctx
  const m = await loadMeeting(store, meetingId)
  ctx.authorize({ branchId: m.branchId, groupId: m.groupId, memberId: caller.memberId })
  const memberId = caller.memberId as string
  if (m.status === 'cancelled') throw new AppError('RULE_VIOLATED', '会议已取消，无需请假')
  if (!m.rosterIds.includes(memberId)) throw new AppError('RULE_VIOLATED', '您不在这次会议的参会名单中，无需请假')
  if (m.presentIds.includes(memberId)) throw new AppError('RULE_VIOLATED', '您已签到，无需请假')
  if (now.getTime() >= Date.parse(m.startsAt)) throw new AppError('RULE_VIOLATED', '会议已开始，请在会前请假；如有特殊情况请联系书记')
  const doc: MeetingLeaveDoc = {
    _id: `${m._id}_${memberId}`,
    meetingId: m._id,
    branchId: m.branchId,
    memberId,
    memberName: caller.name,
    groupId: caller.groupId,
    meetingTopic: m.topic,
    meetingKind: m.kind,
    meetingStartsAt: m.startsAt,
    reason,
    status: 'pending',
    requestedAt: now.toISOString(),
    decidedAt: null,
    decidedBy: null,
    decidedByName: null,
    note: '',
  }
  try {
    await store.add('meeting_leaves', doc)
  } catch (e) {
    if (!isDuplicate(e)) throw e
    // One request per meeting: a repeat answers the first one.
    const existing = await store.get('meeting_leaves', doc._id)
    if (existing) return leaveView(existing)
    throw e
  }
  await store.update('meetings', m._id, {
    leavePendingIds: store.cmd.addToSet(memberId),
    [`leaveNotes.${memberId}`]: { reason, note: '' },
  })
  return leaveView(doc)
}

export const decideLeave: Handler<typeof meetings.actions.decideLeave> = async ({ leaveId, approve, note }, ctx) => {
  const { caller, store, now } = ctx
  const leave = await store.get('meeting_leaves', leaveId)
  if (!leave) throw new AppError('NOT_FOUND', '没有找到该请假申请')
  ctx.authorize({ branchId: leave.branchId, groupId: leave.groupId, memberId: leave.memberId })
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
}

export const listLeaves: Handler<typeof meetings.actions.listLeaves> = async (input, ctx) => {
  const { store } = ctx
  if (input.meetingId) {
    const m = await loadMeeting(store, input.meetingId)
    ctx.authorize({ branchId: m.branchId, groupId: input.groupId ?? m.groupId })
    const where: Record<string, unknown> = { meetingId: m._id }
    if (input.groupId) where.groupId = input.groupId
    if (input.status) where.status = input.status
    const docs = await store.find('meeting_leaves', where, { orderBy: [['requestedAt', 'asc']], limit: 200 })
    return { leaves: docs.map(leaveView) }
  }
  const branchId = input.branchId ?? ctx.caller.branchId ?? ''
  ctx.authorize({ branchId, groupId: input.groupId ?? null })
  const where: Record<string, unknown> = { branchId }
  if (input.groupId) where.groupId = input.groupId
  if (input.status) where.status = input.status
  const docs = await store.find('meeting_leaves', where, { orderBy: [['meetingStartsAt', 'desc']], limit: 100 })
  // Pending first, then the most recent meetings.
  const order = { pending: 0, approved: 1, declined: 2 } as const
  return { leaves: docs.sort((a, b) => order[a.status] - order[b.status]).map(leaveView) }
}
