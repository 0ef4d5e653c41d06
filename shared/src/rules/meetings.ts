/**
 * 组织生活 rules (docs/DOMAIN.md §2): meeting kinds and their Chinese names, how many of each a profile
 * requires per period, the compliance of held meetings over a date range, quorum and resolutions,
 * the sign-in window, and consecutive-absence flags (flags only: 自行脱党 is a 支部大会 decision [N]).
 */
import * as z from 'zod/mini'
import type { BranchRole } from '../contract/roles'
import { RuleInputError } from './errors'
import {
  assertDate,
  monthOf,
  monthsBetween,
  periodsBetween,
  PERIOD_UNITS,
  PERIOD_UNIT_LABELS,
  toEpochMs,
  assertMonth,
  type DateString,
  type InstantInput,
  type MonthString,
  type Period,
} from './time'

export const MEETING_KINDS = [
  'party-congress', // 支部党员大会
  'committee', // 支部委员会会议
  'group', // 党小组会
  'lecture', // 党课
  'life-meeting', // 组织生活会
  'theme-day', // 主题党日
  'evaluation', // 民主评议大会
  'other', // 其他: 学习, 志愿服务 …
] as const
export type MeetingKind = (typeof MEETING_KINDS)[number]
export const MeetingKindSchema = z.enum(MEETING_KINDS)

export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  'party-congress': '支部党员大会',
  committee: '支部委员会会议',
  group: '党小组会',
  lecture: '党课',
  'life-meeting': '组织生活会',
  'theme-day': '主题党日',
  evaluation: '民主评议大会',
  other: '其他',
}

/** Short names for chips and tables. */
export const MEETING_KIND_SHORT_LABELS: Record<MeetingKind, string> = {
  'party-congress': '党员大会',
  committee: '支委会',
  group: '党小组会',
  lecture: '党课',
  'life-meeting': '组织生活会',
  'theme-day': '主题党日',
  evaluation: '民主评议',
  other: '其他',
}

/** "三会一课": the meetings that must be held on their own, never merged into a business meeting [HN]. */
export const THREE_MEETINGS_ONE_LECTURE: readonly MeetingKind[] = ['party-congress', 'committee', 'group', 'lecture']

/**
 * A profile's requirement: at least `min` meetings of `kind` in every period of `per`. `by: 'secretary'`
 * counts only meetings the 书记 led (党课 by the 书记 ≥1 / year). `max` is informative (village: 1–2).
 */
export const MeetingRequirementSchema = z.strictObject({
  kind: MeetingKindSchema,
  min: z.number().check(z.int(), z.gte(1), z.lte(31)),
  max: z.optional(z.nullable(z.number().check(z.int(), z.gte(1), z.lte(31)))),
  per: z.enum(PERIOD_UNITS),
  by: z.optional(z.nullable(z.literal('secretary'))),
  note: z.optional(z.string()),
})
export type MeetingRequirement = z.infer<typeof MeetingRequirementSchema>

/** `≥1 / 每季度`, `书记 ≥1 / 每年`, `1—2 / 每年`: a requirement in words. */
export function describeRequirement(req: MeetingRequirement): string {
  const who = req.by === 'secretary' ? '书记讲' : ''
  const count = req.max != null && req.max !== req.min ? `${req.min}—${req.max}次` : `至少${req.min}次`
  return `${PERIOD_UNIT_LABELS[req.per]}${who}${MEETING_KIND_SHORT_LABELS[req.kind]}${count}`
}

/** A meeting that took place, as compliance sees it. */
export interface HeldMeeting {
  kind: MeetingKind
  date: DateString
  /** Other kinds this meeting also counts for (a 主题党日 run as a 党小组会; 民主评议 at a 组织生活会). */
  countsAs?: readonly MeetingKind[]
  /** Roles of whoever led it (the 党课 speaker): `secretary` satisfies `by: 'secretary'`. */
  ledBy?: readonly BranchRole[]
  /** Cancelled or draft meetings do not count. */
  status?: 'held' | 'cancelled' | 'planned'
}

export type ComplianceStatus = 'held' | 'missing' | 'overdue' | 'upcoming'

export const COMPLIANCE_STATUS_LABELS: Record<ComplianceStatus, string> = {
  held: '已召开',
  missing: '本期尚未召开',
  overdue: '逾期未召开',
  upcoming: '未到期',
}

export interface ComplianceRow {
  requirement: MeetingRequirement
  period: Period
  required: number
  held: number
  /** `held`: enough; `missing`: the current period, not yet enough; `overdue`: ended without enough; `upcoming`: not started. */
  status: ComplianceStatus
}

/** Every (requirement, period) pair that overlaps `[from, to]`: what the branch must hold. */
export function requiredMeetings(
  requirements: readonly MeetingRequirement[],
  from: DateString,
  to: DateString,
): { requirement: MeetingRequirement; period: Period; required: number }[] {
  if (assertDate(from) > assertDate(to)) throw new RuleInputError('INVALID_RANGE', '开始日期不能晚于结束日期', { from, to })
  return requirements.flatMap((requirement) =>
    periodsBetween(requirement.per, from, to).map((period) => ({ requirement, period, required: requirement.min })),
  )
}

function counts(meeting: HeldMeeting, req: MeetingRequirement): boolean {
  if ((meeting.status ?? 'held') !== 'held') return false
  if (meeting.kind !== req.kind && !(meeting.countsAs ?? []).includes(req.kind)) return false
  return req.by !== 'secretary' || (meeting.ledBy ?? []).includes('secretary')
}

/**
 * Compliance of `meetings` with `requirements` for every period overlapping `[from, to]`, judged on
 * `today`. Meetings are counted in the period their date falls in, anywhere in that period.
 */
export function meetingCompliance(input: {
  requirements: readonly MeetingRequirement[]
  meetings: readonly HeldMeeting[]
  from: DateString
  to: DateString
  today: DateString
}): ComplianceRow[] {
  const today = assertDate(input.today)
  return requiredMeetings(input.requirements, input.from, input.to).map(({ requirement, period, required }) => {
    const held = input.meetings.filter((m) => assertDate(m.date) >= period.start && m.date <= period.end && counts(m, requirement)).length
    const status: ComplianceStatus =
      held >= required ? 'held' : period.end < today ? 'overdue' : period.start > today ? 'upcoming' : 'missing'
    return { requirement, period, required, held, status }
  })
}

/** Counts of rows per status (for a dashboard badge). */
export function summarizeCompliance(rows: readonly ComplianceRow[]): Record<ComplianceStatus, number> {
  const out: Record<ComplianceStatus, number> = { held: 0, missing: 0, overdue: 0, upcoming: 0 }
  for (const row of rows) out[row.status] += 1
  return out
}

// ---------------------------------------------------------------------------------------------------
// Quorum and resolutions [N]: more than half of 应到 with 表决权 present; a resolution passes with more
// than half of 应到 with 表决权. 预备党员 have no 表决权. 支委会: more than half of 委员.

function assertCount(n: number, what: string): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RuleInputError('INVALID_COUNT', `${what}应为非负整数`, { value: n })
  return n
}

export interface QuorumResult {
  quorate: boolean
  /** Smallest number present for a quorum: more than half of `due`. */
  needed: number
  due: number
  present: number
}

/** Whether `present` of `due` (应到, with 表决权) is more than half. No quorum when nobody is due. */
export function quorum(due: number, present: number): QuorumResult {
  assertCount(due, '应到人数')
  assertCount(present, '实到人数')
  if (present > due) throw new RuleInputError('INVALID_COUNT', '实到人数不能多于应到人数', { due, present })
  const needed = Math.floor(due / 2) + 1
  return { quorate: due > 0 && present >= needed, needed, due, present }
}

/** Whether a resolution passes: votes in favour more than half of 应到 with 表决权 (not of those present). */
export function resolutionPasses(due: number, votesFor: number): boolean {
  assertCount(due, '应到人数')
  assertCount(votesFor, '赞成票数')
  if (votesFor > due) throw new RuleInputError('INVALID_COUNT', '赞成票数不能多于应到人数', { due, votesFor })
  return votesFor * 2 > due
}

/** Members with 表决权: 正式党员 only. */
export function votingMembers<T extends { status: 'formal' | 'probationary' }>(members: readonly T[]): T[] {
  return members.filter((m) => m.status === 'formal')
}

// ---------------------------------------------------------------------------------------------------
// Sign-in: only at a real meeting, in a window around its start (anti-形式主义: no daily check-in).

export interface SignInWindowRule {
  opensBeforeMinutes: number
  closesAfterMinutes: number
}

/** The instants (ISO UTC) sign-in opens and closes for a meeting starting at `startsAt`. */
export function signInWindow(startsAt: InstantInput, rule: SignInWindowRule): { opensAt: string; closesAt: string } {
  const start = toEpochMs(startsAt)
  return {
    opensAt: new Date(start - rule.opensBeforeMinutes * 60_000).toISOString(),
    closesAt: new Date(start + rule.closesAfterMinutes * 60_000).toISOString(),
  }
}

/** `not-yet` before the window, `open` inside it (both ends included), `closed` after. */
export function signInState(startsAt: InstantInput, now: InstantInput, rule: SignInWindowRule): 'not-yet' | 'open' | 'closed' {
  const { opensAt, closesAt } = signInWindow(startsAt, rule)
  const t = toEpochMs(now)
  return t < toEpochMs(opensAt) ? 'not-yet' : t > toEpochMs(closesAt) ? 'closed' : 'open'
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

