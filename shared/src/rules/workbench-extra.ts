/**
 * The 书记 workbench's rules (docs/DOMAIN.md §1, §2, §3, §6, §7): meeting turnout and the attendance
 * rate by month, 党小组会 compliance per 党小组, the gaps to fix, 谈心谈话 coverage [HN], 学时 progress
 * (32 / 56) [N][HN], 政治生日 of a month, 党费 collected vs due with arrears, and the 达标 self-assessment
 * score from the standard's data. Pure: callers pass `today`; every number comes from a profile or standard.
 */
import type { AssessmentItem, AssessmentStandard, AutoCheck } from '../profiles/assessment-standards'
import { standardItems } from '../profiles/assessment-standards'
import type { Profile } from '../profiles/schema'
import type { ReelectionStatus } from './branch'
import type { DuesThresholds } from './dues'
import { duesDueFen, duesStanding, type DuesBaseRecord, type DuesMemberTerms } from './dues-extra'
import { RuleInputError } from './errors'
import { MEETING_KIND_SHORT_LABELS, meetingCompliance, type ComplianceRow, type HeldMeeting, type MeetingKind, type MeetingRequirement } from './meetings'
import { politicalBirthday } from './reminders'
import { addDays, assertDate, assertMonth, monthOf, monthsBetween, parseDate, periodsBetween, type DateString, type MonthString, type Period } from './time'

// ---------------------------------------------------------------------------------------------------
// Attendance. The same reading as `_kit/attendance-data.ts`: 年老体弱 exempt members are not due unless
// they came; approved leave is excused but not present [N].

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

// ---------------------------------------------------------------------------------------------------
// 党小组会 per 党小组. The profile says 党小组会 一般每月召开1次 [N][HN]: each 党小组 meets, so a branch
// with three groups owes three a month, and the gap names the group.

export interface GroupComplianceRow extends ComplianceRow {
  groupId: string
  groupName: string
}

export function groupMeetingCompliance(input: {
  requirements: readonly MeetingRequirement[]
  groups: readonly { id: string; name: string }[]
  meetings: readonly (HeldMeeting & { groupId: string | null })[]
  from: DateString
  to: DateString
  today: DateString
}): GroupComplianceRow[] {
  const requirements = input.requirements.filter((r) => r.kind === 'group')
  return input.groups.flatMap((g) =>
    meetingCompliance({
      requirements,
      meetings: input.meetings.filter((m) => m.kind === 'group' && m.groupId === g.id),
      from: input.from,
      to: input.to,
      today: input.today,
    }).map((row) => ({ ...row, groupId: g.id, groupName: g.name })),
  )
}

/** What the 书记 must fix: a period held short, with the group and a date to propose for the meeting. */
export interface MeetingGap {
  kind: MeetingKind
  bySecretary: boolean
  periodKey: string
  periodLabel: string
  periodStart: DateString
  periodEnd: DateString
  required: number
  held: number
  status: 'missing' | 'overdue'
  groupId: string | null
  groupName: string | null
  /** A date for a meeting that fills the gap: the period's last day when it has ended (补录), else tomorrow or today. */
  suggestedDate: DateString
  title: string
}

const shortMonthLabel = (p: Period): string =>
  p.unit === 'month' ? `${parseDate(p.start).month}月` : p.unit === 'year' ? p.label : p.label.replace(/^\d{4}年/, '')

/**
 * The rows to act on, overdue first then the current period. When the branch has 党小组, the 党小组会 rows
 * are the per-group ones (`groupRows`); otherwise the branch rows.
 */
export function meetingGaps(rows: readonly ComplianceRow[], groupRows: readonly GroupComplianceRow[], today: DateString): MeetingGap[] {
  assertDate(today)
  const useGroups = groupRows.length > 0
  const effective: (ComplianceRow & { groupId?: string; groupName?: string })[] = [
    ...rows.filter((r) => !(useGroups && r.requirement.kind === 'group')),
    ...groupRows,
  ]
  const gaps = effective
    .filter((r): r is typeof r & { status: 'missing' | 'overdue' } => r.status === 'missing' || r.status === 'overdue')
    .map((r): MeetingGap => {
      const bySecretary = r.requirement.by === 'secretary'
      const tomorrow = addDays(today, 1)
      const suggestedDate = r.status === 'overdue' ? r.period.end : tomorrow <= r.period.end ? tomorrow : today
      const what = `${bySecretary ? '书记讲' : ''}${MEETING_KIND_SHORT_LABELS[r.requirement.kind]}`
      const who = r.groupName ? `${r.groupName}` : ''
      const when = shortMonthLabel(r.period)
      const state = r.status === 'overdue' ? '未召开' : '尚未召开'
      return {
        kind: r.requirement.kind,
        bySecretary,
        periodKey: r.period.key,
        periodLabel: r.period.label,
        periodStart: r.period.start,
        periodEnd: r.period.end,
        required: r.required,
        held: r.held,
        status: r.status,
        groupId: r.groupId ?? null,
        groupName: r.groupName ?? null,
        suggestedDate,
        title: `${what} ${when}${who ? ` ${who}` : ''}${state}（应${r.required}次，已${r.held}次）`,
      }
    })
  const rank = (g: MeetingGap) => (g.status === 'overdue' ? 0 : 1)
  return gaps.sort((a, b) => rank(a) - rank(b) || (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0) || a.kind.localeCompare(b.kind) || (a.groupName ?? '').localeCompare(b.groupName ?? ''))
}

// ---------------------------------------------------------------------------------------------------
// 谈心谈话 coverage [HN]: 书记 ↔ each 班子成员 ≥1 / half-year; 书记 ↔ each 党员 ≥1 / year; 班子成员 ↔ each
// other ≥1 / year; 班子成员 ↔ their linked members ≥1 / year. The app holds no 联系党员 assignment, so the
// last reads "each member talked with by some 班子成员 other than the 书记" [?].

export const TALK_REQUIREMENTS = ['secretaryWithCommittee', 'secretaryWithMembers', 'committeeWithEachOther', 'committeeWithLinkedMembers'] as const
export type TalkRequirement = (typeof TALK_REQUIREMENTS)[number]

export const TALK_REQUIREMENT_LABELS: Record<TalkRequirement, string> = {
  secretaryWithCommittee: '书记与班子成员',
  secretaryWithMembers: '书记与党员',
  committeeWithEachOther: '班子成员之间',
  committeeWithLinkedMembers: '班子成员与党员',
}

export interface TalkRecord {
  date: DateString
  byId: string
  withId: string
}

export type CoverageStatus = 'done' | 'missing' | 'overdue' | 'upcoming'

export interface TalkCoverageRow {
  requirement: TalkRequirement
  label: string
  periodKey: string
  periodLabel: string
  min: number
  /** Pairs (or members) that must be covered, and how many are. */
  expected: number
  covered: number
  /** Who is still owed a talk, as names (`李红梅`, `王志强—刘芳`). */
  missing: string[]
  status: CoverageStatus
}

interface Unit {
  label: string
  a: ReadonlySet<string>
  b: ReadonlySet<string>
}

export function talkCoverage(input: {
  talks: readonly TalkRecord[]
  frequencies: Pick<Profile['talks'], TalkRequirement>
  secretaryId: string | null
  /** 支委 other than the 书记 (副书记 and 委员). */
  committeeIds: readonly string[]
  members: readonly { id: string; name: string }[]
  year: number
  today: DateString
}): TalkCoverageRow[] {
  const today = assertDate(input.today)
  const name = new Map(input.members.map((m) => [m.id, m.name]))
  const nameOf = (id: string) => name.get(id) ?? id
  const sec = input.secretaryId && name.has(input.secretaryId) ? input.secretaryId : null
  const committee = input.committeeIds.filter((id) => name.has(id) && id !== sec)
  const committeeSet = new Set(committee)
  const one = (id: string): ReadonlySet<string> => new Set([id])
  const units: Record<TalkRequirement, Unit[]> = {
    secretaryWithCommittee: sec ? committee.map((c) => ({ label: nameOf(c), a: one(sec), b: one(c) })) : [],
    secretaryWithMembers: sec ? input.members.filter((m) => m.id !== sec).map((m) => ({ label: m.name, a: one(sec), b: one(m.id) })) : [],
    committeeWithEachOther: committee.flatMap((c, i) => committee.slice(i + 1).map((d) => ({ label: `${nameOf(c)}—${nameOf(d)}`, a: one(c), b: one(d) }))),
    committeeWithLinkedMembers:
      committee.length === 0
        ? []
        : input.members.filter((m) => m.id !== sec && !committeeSet.has(m.id)).map((m) => ({ label: m.name, a: one(m.id), b: committeeSet })),
  }
  const rows: TalkCoverageRow[] = []
  for (const requirement of TALK_REQUIREMENTS) {
    const freq = input.frequencies[requirement]
    for (const period of periodsBetween(freq.per, `${input.year}-01-01`, `${input.year}-12-31`)) {
      const inPeriod = input.talks.filter((t) => t.date >= period.start && t.date <= period.end)
      const missing: string[] = []
      for (const u of units[requirement]) {
        const n = inPeriod.filter((t) => (u.a.has(t.byId) && u.b.has(t.withId)) || (u.a.has(t.withId) && u.b.has(t.byId))).length
        if (n < freq.min) missing.push(u.label)
      }
      const expected = units[requirement].length
      const status: CoverageStatus = missing.length === 0 ? 'done' : period.end < today ? 'overdue' : period.start > today ? 'upcoming' : 'missing'
      rows.push({
        requirement,
        label: TALK_REQUIREMENT_LABELS[requirement],
        periodKey: period.key,
        periodLabel: period.label,
        min: freq.min,
        expected,
        covered: expected - missing.length,
        missing,
        status,
      })
    }
  }
  return rows
}

// ---------------------------------------------------------------------------------------------------
// 学时: each member ≥32 a year; 书记 and 支委 ≥56 [N plan][HN].

export interface StudyRow {
  memberId: string
  name: string
  committee: boolean
  hours: number
  target: number
  met: boolean
}

export function studyProgress(input: {
  members: readonly { id: string; name: string; committee: boolean }[]
  hoursByMember: Readonly<Record<string, number>>
  targets: Pick<Profile['study'], 'memberHours' | 'committeeHours'>
}): { rows: StudyRow[]; met: number; total: number } {
  const rows = input.members.map((m) => {
    const hours = input.hoursByMember[m.id] ?? 0
    if (!Number.isFinite(hours) || hours < 0) throw new RuleInputError('INVALID_COUNT', '学时应为非负数', { memberId: m.id, hours })
    const target = m.committee ? input.targets.committeeHours : input.targets.memberHours
    return { memberId: m.id, name: m.name, committee: m.committee, hours, target, met: hours >= target }
  })
  return { rows, met: rows.filter((r) => r.met).length, total: rows.length }
}

// ---------------------------------------------------------------------------------------------------
// 政治生日: the anniversary of the day the 支部大会 accepted the member (seed `004_…`).

export function politicalBirthdaysInMonth(
  members: readonly { id: string; name: string; joinedAt: DateString }[],
  month: MonthString,
): { memberId: string; name: string; date: DateString; years: number }[] {
  const year = Number(assertMonth(month).slice(0, 4))
  return members
    .map((m) => ({ memberId: m.id, name: m.name, date: politicalBirthday(m.joinedAt, year), years: year - parseDate(m.joinedAt).year }))
    .filter((b) => b.years >= 1 && b.date.startsWith(month))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.name.localeCompare(b.name)))
}

// ---------------------------------------------------------------------------------------------------
// 党费 of a year: what the months up to the last due month owed, what was collected for them, and who is
// behind (3 months: remind; 6: flag for the 支部, never acted on) [N].

export interface DuesMemberYear {
  id: string
  name: string
  joinedAt: DateString
  bases: readonly DuesBaseRecord[]
  paidMonths: readonly MonthString[]
  reportedMonths: readonly MonthString[]
}

export interface DuesArrearsRow {
  memberId: string
  name: string
  run: number
  unpaidMonths: number
  owedFen: number
  flag: 'warn' | 'lapse-review'
}

export interface DuesYearSummary {
  /** The last month counted (the year's December, or the last month due now). Null: nothing due yet. */
  throughMonth: MonthString | null
  dueFen: number
  paidFen: number
  months: { month: MonthString; dueFen: number; paidFen: number }[]
  /** Members whose current run of unpaid months reaches the warning; longest first. */
  arrears: DuesArrearsRow[]
  /** Members with any 核定 (tracked by the dues ledger). */
  tracked: number
}

export function duesYearSummary(input: {
  members: readonly DuesMemberYear[]
  terms: Pick<DuesMemberTerms, 'firstMonth' | 'rounding'>
  thresholds: DuesThresholds
  year: number
  /** The last month whose collection day has passed (`lastDueMonth`). */
  lastDue: MonthString
  /** Paid amounts of confirmed ledger entries, by month. */
  paidFenByMonth: Readonly<Record<string, number>>
}): DuesYearSummary {
  const lastDue = assertMonth(input.lastDue)
  const dec = `${input.year}-12`
  const through = lastDue < `${input.year}-01` ? null : lastDue < dec ? lastDue : dec
  const months = through ? monthsBetween(`${input.year}-01`, through) : []
  const dueBy = new Map(months.map((m) => [m, 0]))
  const arrears: DuesArrearsRow[] = []
  let tracked = 0
  for (const m of input.members) {
    if (m.bases.length > 0) tracked += 1
    const terms: DuesMemberTerms = { joinedAt: m.joinedAt, firstMonth: input.terms.firstMonth, rounding: input.terms.rounding }
    for (const month of months) dueBy.set(month, (dueBy.get(month) ?? 0) + (duesDueFen(m.bases, month, terms) ?? 0))
    const standing = duesStanding({
      bases: m.bases,
      terms,
      paidMonths: m.paidMonths,
      pendingMonths: m.reportedMonths,
      throughMonth: lastDue,
      thresholds: input.thresholds,
    })
    const flag = standing.arrears.flag
    if (flag !== 'none') {
      arrears.push({ memberId: m.id, name: m.name, run: standing.arrears.currentRun, unpaidMonths: standing.arrears.unpaidMonths.length, owedFen: standing.owedFen, flag })
    }
  }
  const rows = months.map((month) => ({ month, dueFen: dueBy.get(month) ?? 0, paidFen: input.paidFenByMonth[month] ?? 0 }))
  arrears.sort((a, b) => b.run - a.run || a.name.localeCompare(b.name))
  return {
    throughMonth: through,
    dueFen: rows.reduce((s, r) => s + r.dueFen, 0),
    paidFen: rows.reduce((s, r) => s + r.paidFen, 0),
    months: rows,
    arrears,
    tracked,
  }
}

// ---------------------------------------------------------------------------------------------------
// 达标 self-assessment: the standard's auto checks against the branch's records, plus hand scores.

export type EvaluationState = 'none' | 'open' | 'closed' | 'published'

/** What the records say, gathered by the caller. */
export interface AssessmentFacts {
  setupFindings: readonly { code: string; message: string }[]
  reelection: ReelectionStatus
  /** Compliance rows as judged for the gaps (per-group 党小组会 rows where the branch has groups). */
  meetingRows: readonly (ComplianceRow & { groupName?: string })[]
  /** Meetings held in the year, by kind. */
  heldByKind: Readonly<Partial<Record<MeetingKind, number>>>
  evaluation: EvaluationState
  /** Members whose dues arrears reach the warning. */
  duesArrears: readonly { name: string; run: number }[]
}

export interface HandScore {
  /** Points deducted by hand (0 … the item's maximum, in steps of 0.5). */
  deduction: number
}

export interface AutoDeduction {
  label: string
  points: number
  /** What in the records caused it, one line each. */
  evidence: string[]
}

export type ItemStatus = 'scored' | 'partial' | 'pending'

export interface ScoredItem {
  item: AssessmentItem
  auto: AutoDeduction[]
  autoDeduction: number
  handDeduction: number | null
  /** Null until a hand-scored item is scored. */
  score: number | null
  status: ItemStatus
}

export interface AssessmentScore {
  areas: { code: string; title: string; max: number; score: number; items: ScoredItem[] }[]
  total: number
  max: number
  autoDeduction: number
  handDeduction: number
  /** Hand-scored items not yet scored (their points are not in `total`). */
  pending: number
  pendingMax: number
}

/** A deduction in steps of 0.5 within `[0, max]`? */
export const isValidDeduction = (points: number, max: number): boolean => Number.isFinite(points) && points >= 0 && points <= max && Number.isInteger(points * 2)

const half = (n: number): number => Math.round(n * 2) / 2

function autoDeduction(check: AutoCheck, facts: AssessmentFacts): AutoDeduction | null {
  switch (check.check) {
    case 'setup': {
      const hits = facts.setupFindings.filter((f) => check.codes.includes(f.code))
      if (hits.length === 0) return null
      return { label: check.label, points: Math.min(check.max, hits.length * check.points), evidence: hits.map((f) => f.message) }
    }
    case 'reelection':
      return facts.reelection === 'overdue' || facts.reelection === 'hard-overdue' ? { label: check.label, points: check.points, evidence: ['支部委员会任期已满，尚未换届'] } : null
    case 'meetings': {
      const bySecretary = check.bySecretary === true
      const gaps = facts.meetingRows.filter(
        (r) => check.kinds.includes(r.requirement.kind) && (r.requirement.by === 'secretary') === bySecretary && r.status === 'overdue',
      )
      if (gaps.length === 0) return null
      const held = check.kinds.reduce((n, k) => n + (facts.heldByKind[k] ?? 0), 0)
      const evidence = gaps.map(
        (r) => `${r.period.label}${r.groupName ? ` ${r.groupName}` : ''}${bySecretary ? '书记讲' : ''}${MEETING_KIND_SHORT_LABELS[r.requirement.kind]}：应${r.required}次，实${r.held}次`,
      )
      const points = check.noneHeld !== undefined && held === 0 ? check.noneHeld : gaps.length * check.perGap
      return { label: check.label, points, evidence }
    }
    case 'evaluation':
      if (facts.evaluation === 'published') return null
      return facts.evaluation === 'none'
        ? { label: `${check.label}未开展`, points: check.none, evidence: ['本年度尚未开展民主评议党员'] }
        : { label: `${check.label}尚未完成`, points: check.unfinished, evidence: ['本年度民主评议结果尚未公示'] }
    case 'dues':
      if (facts.duesArrears.length === 0) return null
      return {
        label: check.label,
        points: Math.min(check.max, facts.duesArrears.length * check.perMember),
        evidence: facts.duesArrears.map((a) => `${a.name}：连续${a.run}个月未交纳党费`),
      }
  }
}

/** Scores every item: auto deductions from the facts, hand deductions from `hand`, each capped at the item's points. */
export function scoreAssessment(standard: AssessmentStandard, facts: AssessmentFacts, hand: Readonly<Record<string, HandScore>>): AssessmentScore {
  for (const [code, h] of Object.entries(hand)) {
    const item = standardItems(standard).find((i) => i.code === code)
    if (!item) throw new RuleInputError('INVALID_ARGUMENT', '没有该评分项', { code })
    if (item.mode === 'auto') throw new RuleInputError('INVALID_ARGUMENT', '该项由系统根据记录自动评分', { code })
    if (!isValidDeduction(h.deduction, item.max)) throw new RuleInputError('INVALID_COUNT', `扣分应在0至${item.max}分之间，以0.5分为单位`, { code })
  }
  const areas = standard.areas.map((area) => {
    const items = area.items.map((item): ScoredItem => {
      const auto = item.auto.map((c) => autoDeduction(c, facts)).filter((d): d is AutoDeduction => d !== null)
      const autoSum = half(auto.reduce((s, d) => s + d.points, 0))
      const handDeduction = hand[item.code]?.deduction ?? null
      const status: ItemStatus = item.mode === 'auto' || handDeduction !== null ? 'scored' : item.mode === 'mixed' ? 'partial' : 'pending'
      const score = status === 'pending' ? null : Math.max(0, item.max - autoSum - (handDeduction ?? 0))
      return { item, auto, autoDeduction: Math.min(item.max, autoSum), handDeduction, score, status }
    })
    return { code: area.code, title: area.title, max: area.max, score: items.reduce((s, i) => s + (i.score ?? 0), 0), items }
  })
  const all = areas.flatMap((a) => a.items)
  const pending = all.filter((i) => i.status === 'pending')
  return {
    areas,
    total: areas.reduce((s, a) => s + a.score, 0),
    max: standard.total,
    autoDeduction: all.reduce((s, i) => s + i.autoDeduction, 0),
    handDeduction: all.reduce((s, i) => s + (i.handDeduction ?? 0), 0),
    pending: pending.length,
    pendingMax: pending.reduce((s, i) => s + i.item.max, 0),
  }
}
