/**
 * Leave (请假) as the contract shows it: a roster member asks before the meeting starts with a reason; the
 * 书记, or the member's 党小组长, approves or declines before the record is locked. One request per member
 * and meeting (`${meetingId}_${memberId}`); the meeting document keeps the id lists and notes for one-read views.
 */
import type { Leave } from '@shared/contract/meetings'
import type { MeetingLeaveDoc } from '../documents'

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
