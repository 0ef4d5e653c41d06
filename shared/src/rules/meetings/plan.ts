/**
 * The annual meeting plan [HN: 年初制定、向全体党员公布], drafted from the profile's requirements: dates,
 * default times and topics for every required meeting of the year.
 */
import { RuleInputError } from '../errors'
import { themeDayOf, type ThemeDayRule } from '../theme-day'
import {
  type DateString,
  isValidDate,
  monthOf,
  monthRange,
  monthsBetween,
  type MonthString,
  type Period,
  periodsBetween,
  type TimeString,
} from '../time'
import { nextWorkingDay, previousWorkingDay } from '../calendar'
import type { MeetingRequirement } from './compliance'
import type { MeetingKind } from './kinds'

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
