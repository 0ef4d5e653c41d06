/**
 * Meeting turnout for the 书记 workbench (docs/DOMAIN.md §2): 应到 / 实到 / 请假 of a meeting (年老体弱 exempt
 * members are not due unless they came; approved leave is excused but not present [N]) and the attendance
 * rate by month.
 */
import { assertDate, type DateString, monthOf, monthsBetween, type MonthString } from '../time'

export interface MeetingIdLists {
  rosterIds: readonly string[]
  presentIds: readonly string[]
  leaveIds: readonly string[]
  exemptIds: readonly string[]
}

export interface MeetingTurnout {
  /** 应到: roster members, less exempt members who did not come. */
  due: number
  /** 实到 among the roster. */
  present: number
  /** Due members on approved leave who did not come. */
  leave: number
}

export function meetingTurnout(m: MeetingIdLists): MeetingTurnout {
  const present = new Set(m.presentIds)
  const leave = new Set(m.leaveIds)
  const exempt = new Set(m.exemptIds)
  let due = 0
  let came = 0
  let excused = 0
  for (const id of new Set(m.rosterIds)) {
    if (present.has(id)) came += 1
    if (exempt.has(id) && !present.has(id)) continue
    due += 1
    if (leave.has(id) && !present.has(id)) excused += 1
  }
  return { due, present: came, leave: excused }
}

/** 实到 / 应到, or null when nobody was due. */
export const attendanceRate = (present: number, due: number): number | null => (due > 0 ? present / due : null)

export interface MonthAttendance extends MeetingTurnout {
  month: MonthString
  meetings: number
  rate: number | null
}

/** The twelve months of `year`: held meetings, summed 应到 / 实到 / 请假 and the rate. */
export function attendanceByMonth(meetings: readonly ({ date: DateString } & MeetingTurnout)[], year: number): MonthAttendance[] {
  const months = monthsBetween(`${year}-01`, `${year}-12`)
  const rows = new Map<string, MonthAttendance>(months.map((month) => [month, { month, meetings: 0, due: 0, present: 0, leave: 0, rate: null }]))
  for (const m of meetings) {
    const row = rows.get(monthOf(assertDate(m.date)))
    if (!row) continue
    row.meetings += 1
    row.due += m.due
    row.present += m.present
    row.leave += m.leave
  }
  return months.map((month) => {
    const row = rows.get(month) as MonthAttendance
    return { ...row, rate: attendanceRate(row.present, row.due) }
  })
}
