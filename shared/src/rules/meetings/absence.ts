/**
 * Consecutive absence over months (docs/DOMAIN.md §2): each month's participation, the current run of
 * months without taking part, its flag, and the year × month attendance grid shown to the 支委. Flags only:
 * 自行脱党 after 连续6个月 is a 支部大会 decision [N]; 2–3 months 批评教育, 4–5 months 检查 [L].
 */
import { RuleInputError } from '../errors'
import { assertMonth, type DateString, formatMonth, monthOf, monthsBetween, type MonthString } from '../time'
import { memberMeetingStatus } from './attendance'

function assertCount(n: number, what: string): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RuleInputError('INVALID_COUNT', `${what}应为非负整数`, { value: n })
  return n
}

// ---------------------------------------------------------------------------------------------------
// Consecutive absence. [N]: 连续6个月 without good reason not taking part = 自行脱党 (a 支部大会 decision;
// the software flags). [L]: 2–3 months 批评教育, 4–5 months 检查.

export type AttendanceStatus = 'present' | 'leave' | 'absent'

export interface AttendanceThresholds {
  warnMonths: number
  escalateMonths: number
  flagMonths: number
}

export const DEFAULT_ATTENDANCE_THRESHOLDS: AttendanceThresholds = { warnMonths: 2, escalateMonths: 4, flagMonths: 6 }

export type AttendanceFlag = 'none' | 'warn' | 'escalate' | 'lapse-review'

export const ATTENDANCE_FLAG_LABELS: Record<AttendanceFlag, string> = {
  none: '正常',
  warn: '连续缺席，建议谈心提醒',
  escalate: '连续缺席较长，建议支部批评教育',
  'lapse-review': '连续6个月未参加组织生活，提请支部研究',
}

/** The flag for `run` consecutive months of unexcused absence. */
export function attendanceFlag(run: number, thresholds: AttendanceThresholds = DEFAULT_ATTENDANCE_THRESHOLDS): AttendanceFlag {
  assertCount(run, '连续缺席月数')
  if (run >= thresholds.flagMonths) return 'lapse-review'
  if (run >= thresholds.escalateMonths) return 'escalate'
  return run >= thresholds.warnMonths ? 'warn' : 'none'
}

export type MonthParticipation = 'took-part' | 'excused' | 'absent' | 'no-meeting'

/** How a member took part in one month: any presence counts; only leave → excused; only absences → absent. */
export function monthParticipation(statuses: readonly AttendanceStatus[]): MonthParticipation {
  if (statuses.includes('present')) return 'took-part'
  if (statuses.includes('leave')) return 'excused'
  return statuses.length > 0 ? 'absent' : 'no-meeting'
}

export interface AbsenceStreak {
  /** Months in a row, ending at `throughMonth`, with only unexcused absences (neutral months skipped). */
  run: number
  /** Every month in the range with only unexcused absences. */
  absentMonths: MonthString[]
  flag: AttendanceFlag
}

/**
 * The member's current streak of months without taking part. A month with a presence breaks it; a
 * month with only leave (请假, made up by 补学) or with no meeting is neutral. Members marked exempt
 * (年老体弱、行动不便、重病 [N]) are never flagged.
 */
export function absenceStreak(input: {
  fromMonth: MonthString
  throughMonth: MonthString
  records: readonly { date: DateString; status: AttendanceStatus }[]
  exempt?: boolean
  thresholds?: AttendanceThresholds
}): AbsenceStreak {
  const byMonth = new Map<string, AttendanceStatus[]>()
  for (const r of input.records) {
    const m = monthOf(r.date)
    byMonth.set(m, [...(byMonth.get(m) ?? []), r.status])
  }
  const absentMonths: MonthString[] = []
  let run = 0
  for (const m of monthsBetween(assertMonth(input.fromMonth), assertMonth(input.throughMonth))) {
    const p = monthParticipation(byMonth.get(m) ?? [])
    if (p === 'took-part') {
      run = 0
    } else if (p === 'absent') {
      run += 1
      absentMonths.push(m)
    }
  }
  if (input.exempt) return { run: 0, absentMonths: [], flag: 'none' }
  return { run, absentMonths, flag: attendanceFlag(run, input.thresholds) }
}

// ---------------------------------------------------------------------------------------------------
// The year × month attendance grid and absence flags [N: 连续6个月 = 自行脱党, a 支部大会 decision; the
// software flags only] [L: 2–3 months 批评教育, 4–5 months 检查]. Shown to the 支委 only.

/** Neutral wording of each flag for the 支委: the branch studies it; nothing happens automatically. */
export const ABSENCE_FLAG_TEXT: Record<AttendanceFlag, string> = {
  none: '',
  warn: '连续缺席，提请支部关注',
  escalate: '连续缺席时间较长，提请支部研究',
  'lapse-review': '连续6个月未参加组织生活，提请支部研究',
}

export type GridCell = MonthParticipation | 'exempt' | 'future'

export const GRID_CELL_LABELS: Record<GridCell, string> = {
  'took-part': '参加',
  excused: '请假',
  absent: '缺席',
  'no-meeting': '无会议',
  exempt: '免',
  future: '',
}

export interface GridMeeting {
  date: DateString
  /** Over: its record locked or sign-in closed. Meetings not over are ignored. */
  final: boolean
  cancelled: boolean
  rosterIds: readonly string[]
  exemptIds: readonly string[]
  presentIds: readonly string[]
  leaveIds: readonly string[]
}

export interface GridRow {
  memberId: string
  /** One cell per month of the year, January first. */
  months: GridCell[]
  /** Months in a row, ending at `throughMonth`, without taking part and without leave. */
  run: number
  flag: AttendanceFlag
  flagText: string
}

/** A member's statuses per Beijing month, from the meetings that are over. */
function statusesByMonth(meetings: readonly GridMeeting[], memberId: string): { byMonth: Map<MonthString, AttendanceStatus[]>; exemptMonths: Set<MonthString>; records: { date: DateString; status: AttendanceStatus }[] } {
  const byMonth = new Map<MonthString, AttendanceStatus[]>()
  const exemptMonths = new Set<MonthString>()
  const records: { date: DateString; status: AttendanceStatus }[] = []
  for (const m of meetings) {
    if (!m.final || m.cancelled) continue
    const s = memberMeetingStatus({ ...m }, memberId)
    if (s === null || s === 'pending') continue
    const month = monthOf(m.date)
    if (s === 'exempt') {
      exemptMonths.add(month)
      continue
    }
    byMonth.set(month, [...(byMonth.get(month) ?? []), s])
    records.push({ date: m.date, status: s })
  }
  return { byMonth, exemptMonths, records }
}

/**
 * Each member's year: a cell per month (参加 / 请假 / 缺席 / 无会议 / 免 / future), and the current run of
 * months without taking part through `throughMonth` with its flag. `meetings` should reach back at least
 * `thresholds.flagMonths` months before `throughMonth` so runs that started last year are seen.
 */
export function attendanceGrid(input: {
  year: number
  throughMonth: MonthString
  members: readonly { id: string; exempt: boolean }[]
  meetings: readonly GridMeeting[]
  thresholds: AttendanceThresholds
}): GridRow[] {
  const through = assertMonth(input.throughMonth)
  const months = Array.from({ length: 12 }, (_, i) => formatMonth(input.year, i + 1))
  const earliest = input.meetings.reduce<MonthString>((min, m) => (monthOf(m.date) < min ? monthOf(m.date) : min), months[0] as MonthString)
  const from = earliest <= through ? earliest : through
  return input.members.map((member) => {
    const { byMonth, exemptMonths, records } = statusesByMonth(input.meetings, member.id)
    const cells = months.map((month): GridCell => {
      if (month > through) return 'future'
      const p = monthParticipation(byMonth.get(month) ?? [])
      if (p === 'no-meeting' && exemptMonths.has(month)) return 'exempt'
      return p
    })
    const streak = absenceStreak({
      fromMonth: from,
      throughMonth: through,
      records,
      exempt: member.exempt,
      thresholds: input.thresholds,
    })
    const flag = attendanceFlag(streak.run, input.thresholds)
    return { memberId: member.id, months: cells, run: streak.run, flag: member.exempt ? 'none' : flag, flagText: member.exempt ? '' : ABSENCE_FLAG_TEXT[flag] }
  })
}
