/**
 * meetings.meetingAttendance — one meeting's roster with how each member took part (status, how and when
 * they signed in, leave, 补学) and the 列席 who signed in off the roster. Caller: host, recorder, 支委;
 * 党小组长 for their group's meetings.
 */
import type { meetings, RosterRow } from '@shared/contract/meetings'
import { attendanceSummary, memberMeetingStatus, meetingQuorum } from '@shared/rules/meetings/attendance'
import type { Handler } from '../../_kit/create-main'
import type { MeetingDoc } from '../documents'
import { isFinal, keptMeeting } from '../model'

export const meetingAttendance: Handler<typeof meetings.actions.meetingAttendance, MeetingDoc> = {
  target: keptMeeting(),
  run: async ({ meetingId }, ctx, m) => {
    const { store, now } = ctx
    const records = await store.find('attendance', { meetingId }, { limit: 1000 })
    const byMember = new Map(records.map((a) => [a.memberId, a]))
    const final = isFinal(m, now)
    const leaveOf = (id: string): RosterRow['leave'] =>
      m.leaveIds.includes(id) ? 'approved' : m.leavePendingIds.includes(id) ? 'pending' : m.leaveDeclinedIds.includes(id) ? 'declined' : null
    const rows: RosterRow[] = m.roster.map((r) => {
      const a = byMember.get(r.id)
      const status = memberMeetingStatus({ rosterIds: m.rosterIds, exemptIds: m.exemptIds, presentIds: m.presentIds, leaveIds: m.leaveIds, final }, r.id) ?? 'pending'
      return {
        memberId: r.id,
        name: r.name,
        groupId: r.groupId,
        formal: r.status === 'formal',
        exempt: r.exempt,
        mobile: r.mobile,
        status,
        via: a?.via ?? null,
        at: a?.at ?? null,
        markedByName: a?.markedByName ?? null,
        leave: leaveOf(r.id),
        makeupDone: m.makeupDoneIds.includes(r.id),
        observer: false,
      }
    })
    for (const a of records) {
      if (m.rosterIds.includes(a.memberId)) continue
      rows.push({
        memberId: a.memberId,
        name: a.memberName,
        groupId: null,
        formal: true,
        exempt: false,
        mobile: false,
        status: 'present',
        via: a.via,
        at: a.at,
        markedByName: a.markedByName,
        leave: null,
        makeupDone: false,
        observer: true,
      })
    }
    const s = attendanceSummary({ roster: m.roster, presentIds: m.presentIds, leaveIds: m.leaveIds })
    const live = { due: s.due, present: s.present, leave: s.leave, absent: final ? s.absent : 0, observers: s.observers, voting: s.voting, quorum: meetingQuorum(m.kind, s) }
    return { meetingId, rows, final: m.final, live }
  },
}
