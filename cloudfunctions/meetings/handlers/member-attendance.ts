/**
 * meetings.memberAttendance — a member's year of meetings with totals; the consecutive-absence flag only
 * for 支委 (a neutral prompt for the 支部 to study, never acted on). Caller: the member, their 党小组长, 支委.
 */
import type { meetings } from '@shared/contract/meetings'
import { attendanceGrid } from '@shared/rules/meetings/absence'
import { memberMeetingStatus } from '@shared/rules/meetings/attendance'
import { beijingMonth, shiftMonth } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import type { MeetingDoc } from '../documents'
import { type MemberDoc, loadBranch, loadMember } from '../../org/public/branches'
import { ATTENDANCE_FIELDS, gridMeeting, isFinal, profileOf } from '../model'

/** Whose attendance: the member read, or the caller themself (nothing read; not counted exempt in the flag). */
type Whose = Pick<MemberDoc, '_id' | 'branchId' | 'groupId' | 'name'> & { flags: Pick<MemberDoc['flags'], 'elderly'> }

export const memberAttendance: Handler<typeof meetings.actions.memberAttendance, Whose> = {
  // The member named (else the caller), as theirs: self, their 党小组 and their branch.
  target: async (input, ctx) => {
    const { caller } = ctx
    const memberId = input.memberId ?? caller.memberId ?? ''
    const member: Whose =
      memberId === caller.memberId
        ? { _id: memberId, branchId: caller.branchId ?? '', groupId: caller.groupId, name: caller.name, flags: { elderly: false } }
        : await loadMember(ctx.store, memberId)
    return { target: { branchId: member.branchId, groupId: member.groupId, memberId }, loaded: member }
  },
  run: async ({ year }, ctx, member) => {
    const { store, now } = ctx
    const memberId = member._id
    const committee = ctx.grants.includes('committee')
    const throughMonth = beijingMonth(now) < `${year}-12` ? beijingMonth(now) : `${year}-12`
    // 支委 see the flag, which needs the profile's thresholds and months reaching back before January.
    const branch = committee ? await loadBranch(store, member.branchId) : null
    const thresholds = branch ? profileOf(branch).attendance : null
    const from = thresholds && shiftMonth(throughMonth, -thresholds.flagMonths) < `${year}-01` ? `${shiftMonth(throughMonth, -thresholds.flagMonths)}-01` : `${year}-01-01`
    const docs = (await store.find(
      'meetings',
      { branchId: member.branchId, rosterIds: memberId, date: store.cmd.gte(from).and(store.cmd.lte(`${year}-12-31`)) },
      { orderBy: [['date', 'asc']], limit: 1000, fields: ATTENDANCE_FIELDS },
    )) as MeetingDoc[]
    const inYear = docs.filter((m) => m.date >= `${year}-01-01` && m.status !== 'cancelled')
    const rows = inYear.map((m) => ({
      meetingId: m._id,
      kind: m.kind,
      topic: m.topic,
      date: m.date,
      status: memberMeetingStatus({ ...m, final: isFinal(m, now) }, memberId) ?? ('pending' as const),
      makeupDone: m.makeupDoneIds.includes(memberId),
    }))
    const totals = { present: 0, leave: 0, absent: 0, exempt: 0 }
    for (const r of rows) if (r.status !== 'pending') totals[r.status] += 1
    let flag = null
    if (committee && thresholds) {
      const exempt = member.flags.elderly
      const [row] = attendanceGrid({ year, throughMonth, members: [{ id: memberId, exempt }], meetings: docs.map((m) => gridMeeting(m, now)), thresholds })
      if (row) flag = { run: row.run, flag: row.flag, text: row.flagText }
    }
    return { memberId, name: member.name, year, rows, totals, flag }
  },
}
