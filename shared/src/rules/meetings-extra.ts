/**
 * 组织生活 rules the meetings feature needs beyond `rules/meetings.ts` (docs/DOMAIN.md §2): the rotating
 * sign-in code's timing, the optional distance check, who is 应到 at a meeting, a meeting's attendance
 * summary (应到 / 实到 / 请假 / 缺席, quorum), the annual plan drafted from a profile, and each member's
 * year × month attendance with absence flags (flags for the 支委 only; the software never acts).
 */
import { COMMITTEE_ROLES, type BranchRole, type MemberStatus } from '../contract/roles'
import { RuleInputError } from './errors'
import {
  absenceStreak,
  attendanceFlag,
  monthParticipation,
  quorum,
  type AttendanceFlag,
  type AttendanceStatus,
  type AttendanceThresholds,
  type MeetingKind,
  type MeetingRequirement,
  type MonthParticipation,
  type QuorumResult,
} from './meetings'
import { themeDayOf, type ThemeDayRule } from './theme-day'
import {
  assertMonth,
  formatMonth,
  isValidDate,
  monthOf,
  monthRange,
  monthsBetween,
  nextWorkingDay,
  periodsBetween,
  previousWorkingDay,
  type DateString,
  type MonthString,
  type Period,
  type TimeString,
} from './time'

// ---------------------------------------------------------------------------------------------------
// The rotating sign-in code. Not in the profiles (it is an anti-cheating design, not a party rule):
// the host's QR code changes every `windowSeconds`; a code is accepted in its own window and the next
// (`acceptWindows` = 2 → at most 30 s old), so a screenshot forwarded home stops working within 30 s.

export const SIGN_IN_CODE_RULE = {
  windowSeconds: 15,
  acceptWindows: 2,
  source: '[?] 本系统防代签设计：签到二维码每15秒更换，接受当前及上一时段（不超过30秒）',
} as const

export interface SignInCodeRule {
  windowSeconds: number
  acceptWindows: number
}

const assertPositiveInt = (n: number, what: string): number => {
  if (!Number.isSafeInteger(n) || n < 1) throw new RuleInputError('INVALID_ARGUMENT', `${what}应为正整数`, { value: n })
  return n
}

/** The code window of an instant: floor(epochSeconds / windowSeconds). */
export function codeWindowOf(epochMs: number, rule: SignInCodeRule = SIGN_IN_CODE_RULE): number {
  if (!Number.isFinite(epochMs)) throw new RuleInputError('INVALID_INSTANT', '时间格式不正确', { value: epochMs })
  return Math.floor(epochMs / 1000 / assertPositiveInt(rule.windowSeconds, '签到码时段秒数'))
}

/** Whether a code of `codeWindow` is still accepted at `nowWindow`: `ok`, `expired`, or `future` (never issued yet). */
export function codeWindowState(codeWindow: number, nowWindow: number, rule: SignInCodeRule = SIGN_IN_CODE_RULE): 'ok' | 'expired' | 'future' {
  if (!Number.isSafeInteger(codeWindow) || !Number.isSafeInteger(nowWindow)) return 'expired'
  if (codeWindow > nowWindow) return 'future'
  return nowWindow - codeWindow < assertPositiveInt(rule.acceptWindows, '可接受时段数') ? 'ok' : 'expired'
}

/** Epoch ms when the host should show the next code, and when the current one stops being accepted. */
export function codeTimes(window: number, rule: SignInCodeRule = SIGN_IN_CODE_RULE): { refreshAt: number; expiresAt: number } {
  const ms = rule.windowSeconds * 1000
  return { refreshAt: (window + 1) * ms, expiresAt: (window + rule.acceptWindows) * ms }
}

// ---------------------------------------------------------------------------------------------------
// Optional distance check when a meeting has coordinates.

export const SIGN_IN_DISTANCE_RULE = {
  /** Default radius around the meeting place, metres (phone GPS indoors is often 50–200 m off). */
  defaultRadiusMeters: 500,
  source: '[?] 本系统默认：会场坐标半径500米内可签到（室内定位误差较大），支部可按会议调整',
} as const

export interface LatLng {
  lat: number
  lng: number
}

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function distanceMeters(a: LatLng, b: LatLng): number {
  for (const p of [a, b]) {
    if (!Number.isFinite(p.lat) || !Number.isFinite(p.lng) || Math.abs(p.lat) > 90 || Math.abs(p.lng) > 180) {
      throw new RuleInputError('INVALID_ARGUMENT', '坐标不正确', { lat: p.lat, lng: p.lng })
    }
  }
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)))
}

// ---------------------------------------------------------------------------------------------------
// 应到: who is expected at a meeting.

/** A member as a meeting's roster records them (a snapshot taken when the meeting is set up). */
export interface RosterMember {
  id: string
  name: string
  groupId: string | null
  status: MemberStatus
  roles: BranchRole[]
  /** 年老体弱、行动不便、重病 [N]: not counted absent; a recorder may sign them in. */
  exempt: boolean
  /** 流动党员 [HN]: may take part remotely. */
  mobile: boolean
}

/**
 * The roster of a meeting: 支委会 → the 支委 (members holding a committee role); a meeting scoped to a
 * 党小组 (党小组会) → that group's members; anything else → the whole branch. Sorted by name order given.
 */
export function meetingRoster<T extends RosterMember>(members: readonly T[], scope: { kind: MeetingKind; groupId: string | null }): T[] {
  if (scope.kind === 'committee') return members.filter((m) => m.roles.some((r) => COMMITTEE_ROLES.includes(r)))
  if (scope.groupId !== null) return members.filter((m) => m.groupId === scope.groupId)
  return [...members]
}

export type MemberMeetingStatus = 'present' | 'leave' | 'absent' | 'exempt' | 'pending'

export const MEMBER_MEETING_STATUS_LABELS: Record<MemberMeetingStatus, string> = {
  present: '已参加',
  leave: '请假',
  absent: '缺席',
  exempt: '免于参会',
  pending: '待参加',
}

/**
 * A member's status at a meeting. `final`: the meeting is over (its record locked or sign-in closed);
 * before that an expected member is `pending`, not absent. Presence wins over leave.
 */
export function memberMeetingStatus(
  m: { rosterIds: readonly string[]; exemptIds: readonly string[]; presentIds: readonly string[]; leaveIds: readonly string[]; final: boolean },
  memberId: string,
): MemberMeetingStatus | null {
  if (m.presentIds.includes(memberId)) return 'present'
  if (!m.rosterIds.includes(memberId)) return null
  if (m.exemptIds.includes(memberId)) return 'exempt'
  if (m.leaveIds.includes(memberId)) return 'leave'
  return m.final ? 'absent' : 'pending'
}

export interface AttendanceSummary {
  /** 应到: the roster less exempt members who did not come (an exempt member who came counts). */
  due: number
  /** 实到 among 应到. */
  present: number
  /** 请假 (approved, did not come). */
  leave: number
  /** 缺席 without leave (only meaningful once the meeting is over). */
  absent: number
  absentIds: string[]
  leaveIds: string[]
  /** Exempt members who did not come (not counted). */
  exemptIds: string[]
  /** Present but not on the roster (列席: a 支委 at a 党小组会, a late joiner). */
  observers: number
  /** 正式党员 only: those with 表决权 [N]. */
  voting: { due: number; present: number }
}

/** 应到 / 实到 / 请假 / 缺席 of a meeting from its roster, who came and whose leave was approved. */
export function attendanceSummary(input: {
  roster: readonly Pick<RosterMember, 'id' | 'status' | 'exempt'>[]
  presentIds: readonly string[]
  leaveIds: readonly string[]
}): AttendanceSummary {
  const present = new Set(input.presentIds)
  const leave = new Set(input.leaveIds)
  const rosterIds = new Set(input.roster.map((r) => r.id))
  const due = input.roster.filter((r) => !r.exempt || present.has(r.id))
  const out: AttendanceSummary = {
    due: due.length,
    present: 0,
    leave: 0,
    absent: 0,
    absentIds: [],
    leaveIds: [],
    exemptIds: input.roster.filter((r) => r.exempt && !present.has(r.id)).map((r) => r.id),
    observers: [...present].filter((id) => !rosterIds.has(id)).length,
    voting: { due: 0, present: 0 },
  }
  for (const r of due) {
    if (r.status === 'formal') out.voting.due += 1
    if (present.has(r.id)) {
      out.present += 1
      if (r.status === 'formal') out.voting.present += 1
    } else if (leave.has(r.id)) {
      out.leave += 1
      out.leaveIds.push(r.id)
    } else {
      out.absent += 1
      out.absentIds.push(r.id)
    }
  }
  return out
}

/**
 * The quorum that applies to a meeting, or null: 支部党员大会 (and 民主评议大会, a 党员大会) need more than
 * half of 应到 with 表决权 (正式党员) present; 支委会 more than half of its 委员 [N].
 */
export function meetingQuorum(kind: MeetingKind, summary: AttendanceSummary): QuorumResult | null {
  if (kind === 'party-congress' || kind === 'evaluation') return quorum(summary.voting.due, summary.voting.present)
  if (kind === 'committee') return quorum(summary.due, summary.present)
  return null
}

// ---------------------------------------------------------------------------------------------------
// The annual plan [HN: 年初制定、向全体党员公布], drafted from the profile's requirements.

export interface PlanItemDraft {
  /** Stable within a plan: `${kind}-${periodKey}-${n}` (+ `-${groupId}`). */
  key: string
  kind: MeetingKind
  date: DateString
  time: TimeString
  groupId: string | null
  topic: string
  /** Led by the 书记 (the profile's 书记讲党课 requirement). */
  bySecretary: boolean
}

/** Default start times: 支委会 in the morning, the rest in the afternoon [?]. */
export const PLAN_DEFAULT_TIMES: Record<MeetingKind, TimeString> = {
  'party-congress': '15:00',
  committee: '09:00',
  group: '15:00',
  lecture: '15:00',
  'life-meeting': '14:30',
  'theme-day': '14:30',
  evaluation: '14:30',
  other: '15:00',
}

/** The day of its month each kind is put on in a draft (moved to a working day); 支委 edit afterwards [?]. */
const PLAN_ANCHOR_DAYS: Record<MeetingKind, number> = {
  'party-congress': 15,
  committee: 5,
  group: 12,
  lecture: 20,
  'life-meeting': 18,
  'theme-day': 26,
  evaluation: 25,
  other: 10,
}

const monthsOfPeriod = (p: Period): MonthString[] => monthsBetween(monthOf(p.start), monthOf(p.end))

const workingDayWithin = (date: DateString, p: Period): DateString => {
  const next = nextWorkingDay(date)
  if (next <= p.end) return next
  const prev = previousWorkingDay(date)
  return prev >= p.start ? prev : date
}

const topicFor = (kind: MeetingKind, p: Period, month: MonthString, n: number, of: number, groupName: string, bySecretary: boolean): string => {
  const mm = Number(month.slice(5, 7))
  const nth = of > 1 ? `（${n + 1}）` : ''
  switch (kind) {
    case 'theme-day':
      return `${mm}月主题党日${nth}`
    case 'committee':
      return `${mm}月支部委员会会议${nth}`
    case 'group':
      return `${groupName}${mm}月党小组会${nth}`
    case 'party-congress':
      return `${p.label}支部党员大会${nth}`
    case 'lecture':
      return bySecretary ? `${p.label}书记讲党课` : `${p.label}专题党课${nth}`
    case 'life-meeting':
      return `${p.label}组织生活会${nth}`
    case 'evaluation':
      return `${p.label}民主评议党员大会`
    default:
      return `${mm}月学习活动${nth}`
  }
}

/**
 * A draft of the year's meetings: for every requirement of the profile and every period of `year`,
 * `min` meetings (党小组会 once per 党小组). 主题党日 fall on the branch's fixed day; other kinds on an
 * anchor day of the period, moved to a working day. A 书记-led 党课 requirement is met by marking the
 * year's first 党课 as the 书记's (adding one only if the profile has no other 党课 requirement).
 */
export function draftAnnualPlan(input: {
  year: number
  requirements: readonly MeetingRequirement[]
  themeDayRule: ThemeDayRule
  groups: readonly { id: string; name: string }[]
}): PlanItemDraft[] {
  const { year } = input
  if (!Number.isSafeInteger(year) || year < 2000 || year > 2100) throw new RuleInputError('INVALID_ARGUMENT', '年份不正确', { year })
  const from = `${year}-01-01`
  const to = `${year}-12-31`
  const items: PlanItemDraft[] = []
  const plain = input.requirements.filter((r) => r.by !== 'secretary')
  const secretaryReqs = input.requirements.filter((r) => r.by === 'secretary')

  for (const req of plain) {
    for (const p of periodsBetween(req.per, from, to)) {
      const months = monthsOfPeriod(p)
      for (let n = 0; n < req.min; n++) {
        // Spread several meetings over the period; one meeting sits at the kind's natural place.
        const startAnchored = req.kind === 'committee' || req.kind === 'group' || req.kind === 'party-congress' || req.kind === 'theme-day'
        const endAnchored = req.kind === 'life-meeting' || req.kind === 'evaluation'
        const index = startAnchored
          ? Math.floor((months.length * n) / req.min)
          : endAnchored && req.min === 1
            ? months.length - 1
            : Math.floor((months.length * (2 * n + 1)) / (2 * req.min))
        const month = months[Math.min(index, months.length - 1)] as MonthString
        let date: DateString
        if (req.kind === 'theme-day') {
          date = themeDayOf(input.themeDayRule, month)
        } else {
          const { end } = monthRange(month)
          const anchor = `${month}-${String(PLAN_ANCHOR_DAYS[req.kind]).padStart(2, '0')}`
          date = workingDayWithin(anchor > end ? end : anchor, p)
        }
        if (date < from || date > to || !isValidDate(date)) continue
        const scopes = req.kind === 'group' ? input.groups.map((g) => ({ groupId: g.id as string | null, groupName: g.name })) : [{ groupId: null, groupName: '' }]
        for (const s of scopes) {
          items.push({
            key: `${req.kind}-${p.key}-${n + 1}${s.groupId ? `-${s.groupId}` : ''}`,
            kind: req.kind,
            date,
            time: PLAN_DEFAULT_TIMES[req.kind],
            groupId: s.groupId,
            topic: topicFor(req.kind, p, month, n, req.min, s.groupName, false),
            bySecretary: false,
          })
        }
      }
    }
  }

  // 书记讲党课: mark existing 党课 as the 书记's, one per required period; add one where none exists.
  for (const req of secretaryReqs) {
    for (const p of periodsBetween(req.per, from, to)) {
      const inPeriod = items.filter((i) => i.kind === req.kind && i.date >= p.start && i.date <= p.end)
      for (let n = 0; n < req.min; n++) {
        const existing = inPeriod[n]
        if (existing) {
          existing.bySecretary = true
          if (existing.kind === 'lecture') existing.topic = `${p.label}书记讲党课`
          continue
        }
        const months = monthsOfPeriod(p)
        const month = months[Math.floor((months.length * (2 * n + 1)) / (2 * req.min))] as MonthString
        const date = workingDayWithin(`${month}-${String(PLAN_ANCHOR_DAYS[req.kind]).padStart(2, '0')}`, p)
        if (date < from || date > to) continue
        items.push({
          key: `${req.kind}-${p.key}-s${n + 1}`,
          kind: req.kind,
          date,
          time: PLAN_DEFAULT_TIMES[req.kind],
          groupId: null,
          topic: topicFor(req.kind, p, month, n, req.min, '', true),
          bySecretary: true,
        })
      }
    }
  }
  return items.sort((a, b) => (a.date === b.date ? a.key.localeCompare(b.key) : a.date < b.date ? -1 : 1))
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
