/**
 * meetings.submitMinutes — submitting locks the record: 应到 / 实到 / 请假 / 缺席 and the quorum are fixed
 * from the current membership, absentees owe 补学 and get an `attendance.absent` event; afterwards only
 * corrections (new audited entries, never edits) are possible. Audited.
 */
import { AppError } from '@shared/contract/errors'
import type { meetings } from '@shared/contract/meetings'
import { attendanceSummary, meetingQuorum } from '@shared/rules/meetings/attendance'
import type { Handler } from '../../_kit/create-main'
import type { MeetingDoc } from '../documents'
import { branchMembers } from '../../org/public/branches'
import { emitEvent } from '../../_kit/events'
import { buildRoster, detailView, keptMeeting, rosterFields } from '../model'

export const submitMinutes: Handler<typeof meetings.actions.submitMinutes, MeetingDoc> = {
  target: keptMeeting(),
  run: async ({ meetingId }, ctx, m) => {
    const { caller, store, now } = ctx
    if (m.status === 'cancelled') throw new AppError('RULE_VIOLATED', '会议已取消')
    if (m.lockedAt) throw new AppError('CONFLICT', '会议记录已提交')
    if (now.getTime() < Date.parse(m.startsAt)) throw new AppError('RULE_VIOLATED', '会议尚未开始，不能提交记录')
    if (!m.minutes || (m.minutes.content.trim() === '' && m.minutes.resolutions.length === 0)) {
      throw new AppError('RULE_VIOLATED', '请先填写会议内容再提交')
    }

    // The roster as of the meeting: today's active members who had joined by its date (leavers drop out,
    // late joiners are not counted absent); anyone signed in stays counted.
    const members = await branchMembers(store, m.branchId)
    const fresh = buildRoster(members, { kind: m.kind, groupId: m.groupId, date: m.date })
    const keep = m.roster.filter((r) => m.presentIds.includes(r.id) && !fresh.some((f) => f.id === r.id))
    const roster = [...fresh, ...keep]
    const summary = attendanceSummary({ roster, presentIds: m.presentIds, leaveIds: m.leaveIds })
    const q = meetingQuorum(m.kind, summary)
    const final: MeetingDoc['final'] = {
      due: summary.due,
      present: summary.present,
      leave: summary.leave,
      absent: summary.absent,
      observers: summary.observers,
      voting: summary.voting,
      quorum: q,
    }
    const nowIso = now.toISOString()
    const makeupIds = [...summary.absentIds, ...summary.leaveIds]
    const n = await store.updateWhere(
      'meetings',
      { _id: meetingId, lockedAt: null },
      { ...rosterFields(roster), final, makeupIds, status: 'held', lockedAt: nowIso, lockedBy: caller.memberId, updatedAt: nowIso },
    )
    if (n === 0) throw new AppError('CONFLICT', '会议记录已提交')

    // Unexcused absences, for 积分 (deterministic ids: a retry emits nothing twice).
    await Promise.all(
      summary.absentIds.map((memberId) =>
        emitEvent(
          store,
          { type: 'attendance.absent', sourceId: `${meetingId}_${memberId}`, branchId: m.branchId, memberId, occurredAt: m.startsAt, data: { meetingId, kind: m.kind } },
          now,
        ),
      ),
    )
    await ctx.audit({
      branchId: m.branchId,
      action: 'meetings.submitMinutes',
      targetId: meetingId,
      summary: `提交“${m.topic}”会议记录：应到${final.due}人，实到${final.present}人，请假${final.leave}人，缺席${final.absent}人${q ? `，${q.quorate ? '符合' : '不符合'}法定人数要求` : ''}`,
      after: final,
    })
    return detailView({ ...m, ...rosterFields(roster), final, makeupIds, status: 'held', lockedAt: nowIso, lockedBy: caller.memberId }, caller, now)
  },
}
