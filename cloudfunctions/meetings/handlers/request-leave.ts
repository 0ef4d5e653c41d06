/**
 * meetings.requestLeave — a roster member asks for leave before the meeting starts, with a reason. One
 * request per member and meeting (`${meetingId}_${memberId}`): a repeat answers the first one.
 */
import { AppError } from '@shared/contract/errors'
import type { meetings } from '@shared/contract/meetings'
import type { Handler } from '../../_kit/create-main'
import type { MeetingDoc, MeetingLeaveDoc } from '../documents'
import { isDuplicate } from '../../_kit/store'
import { loadMeeting } from '../model'
import { leaveView } from './leave-view'

export const requestLeave: Handler<typeof meetings.actions.requestLeave, MeetingDoc> = {
  // The meeting, as the caller's own request at it.
  target: async ({ meetingId }, ctx) => {
    const m = await loadMeeting(ctx.store, meetingId)
    return { target: { branchId: m.branchId, groupId: m.groupId, memberId: ctx.caller.memberId }, loaded: m }
  },
  run: async ({ reason }, ctx, m) => {
    const { caller, store, now } = ctx
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
  },
}
