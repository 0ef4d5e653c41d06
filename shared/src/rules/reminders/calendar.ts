/**
 * The reminder calendar (docs/DOMAIN.md §6) as pure functions of the branch's rules and a date range:
 * 主题党日 T−1 and the day itself, 政治生日 T−7 for the 书记, the dues collection day, and 换届 reminder /
 * overdue dates. Each event carries a stable `key` for the send log (`${key}_${memberId}`), so a rerun
 * sends nothing twice.
 */
import { reelectionSchedule, type TermRule } from '../branch'
import { duesDayOf } from '../dues/months'
import { RuleInputError } from '../errors'
import { themeDayOf, type ThemeDayRule } from '../theme-day'
import { addDays, addYears, assertDate, type DateString, diffDays, formatDateCN, monthOf, monthsBetween, parseDate, shiftMonth } from '../time'

export const REMINDER_KINDS = [
  'theme-day-eve',
  'theme-day',
  'political-birthday',
  'dues-day',
  'reelection',
  'reelection-overdue',
  'reelection-hard-overdue',
] as const

export type ReminderKind = (typeof REMINDER_KINDS)[number]

/** Who a reminder is for: every member, the 书记, or the 支委. */
export type ReminderAudience = 'members' | 'secretary' | 'committee'

export interface ReminderEvent {
  kind: ReminderKind
  /** The day to remind on. */
  date: DateString
  /** The day the reminder is about (the 主题党日, the anniversary, the term end …). */
  subjectDate: DateString
  audience: ReminderAudience
  /** Unique per occurrence: `theme-day:2024-05-26`, `political-birthday:m1:2024`. */
  key: string
  /** A short Chinese sentence for the to-do list. */
  title: string
  memberId?: string
  /** 党龄 in years on the anniversary. */
  years?: number
}

export interface ReminderContext {
  themeDayRule?: ThemeDayRule | null
  /** Day of month dues are collected. */
  duesDay?: number | null
  /** Members for 政治生日: `joinedAt` is the day the 支部大会 accepted them. */
  members?: readonly { id: string; name?: string; joinedAt: DateString }[]
  termEndsAt?: DateString | null
  term?: Pick<TermRule, 'reminders' | 'hardOverdueMonths'>
  /** Days before a 政治生日 the 书记 is told (7). */
  politicalBirthdayLeadDays?: number
}

const MAX_RANGE_DAYS = 800

/** The anniversary of `joinedAt` in `year` (02-29 falls on 02-28 in a common year). */
export function politicalBirthday(joinedAt: DateString, year: number): DateString {
  return addYears(joinedAt, year - parseDate(joinedAt).year)
}

/** Every reminder whose `date` falls in `[from, to]`, ordered by date, then kind, then key. */
export function reminderCalendar(ctx: ReminderContext, from: DateString, to: DateString): ReminderEvent[] {
  const span = diffDays(assertDate(from), assertDate(to))
  if (span < 0 || span > MAX_RANGE_DAYS) throw new RuleInputError('INVALID_RANGE', `日期范围应在${MAX_RANGE_DAYS}天以内`, { from, to })
  const out: ReminderEvent[] = []
  const add = (e: ReminderEvent): void => {
    if (e.date >= from && e.date <= to) out.push(e)
  }
  // One month beyond `to`: the eve of a 主题党日 on the 1st falls in the month before.
  const months = monthsBetween(monthOf(from), shiftMonth(monthOf(to), 1))

  if (ctx.themeDayRule) {
    for (const month of months) {
      const day = themeDayOf(ctx.themeDayRule, month)
      const when = formatDateCN(day)
      add({ kind: 'theme-day-eve', date: addDays(day, -1), subjectDate: day, audience: 'members', key: `theme-day-eve:${day}`, title: `明天（${when}）是主题党日` })
      add({ kind: 'theme-day', date: day, subjectDate: day, audience: 'members', key: `theme-day:${day}`, title: `今天（${when}）是主题党日` })
    }
  }

  if (ctx.duesDay) {
    for (const month of months) {
      const day = duesDayOf(month, ctx.duesDay)
      add({ kind: 'dues-day', date: day, subjectDate: day, audience: 'members', key: `dues-day:${month}`, title: `今天是党费收缴日（${month.slice(5).replace(/^0/, '')}月）` })
    }
  }

  const lead = ctx.politicalBirthdayLeadDays ?? 7
  for (const m of ctx.members ?? []) {
    for (let year = parseDate(from).year; year <= parseDate(to).year + 1; year += 1) {
      const years = year - parseDate(m.joinedAt).year
      if (years < 1) continue
      const day = politicalBirthday(m.joinedAt, year)
      add({
        kind: 'political-birthday',
        date: addDays(day, -lead),
        subjectDate: day,
        audience: 'secretary',
        key: `political-birthday:${m.id}:${year}`,
        title: `${m.name ?? '党员'}${formatDateCN(day)}入党${years}周年（政治生日）`,
        memberId: m.id,
        years,
      })
    }
  }

  if (ctx.termEndsAt && ctx.term) {
    const s = reelectionSchedule(ctx.termEndsAt, ctx.term)
    const end = formatDateCN(s.termEndsAt)
    for (const r of s.reminders) {
      add({ kind: 'reelection', date: r.date, subjectDate: s.termEndsAt, audience: 'committee', key: `reelection:${s.termEndsAt}:${r.offsetMonths}`, title: `支部委员会任期${end}届满：${r.label}` })
    }
    add({ kind: 'reelection-overdue', date: s.overdueFrom, subjectDate: s.termEndsAt, audience: 'committee', key: `reelection-overdue:${s.termEndsAt}`, title: `支部委员会任期已于${end}届满，应尽快换届` })
    add({ kind: 'reelection-hard-overdue', date: s.hardOverdueFrom, subjectDate: s.termEndsAt, audience: 'committee', key: `reelection-hard-overdue:${s.termEndsAt}`, title: `支部委员会超期未换届已满一年（${end}届满）` })
  }

  const order = (k: ReminderKind): number => REMINDER_KINDS.indexOf(k)
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : order(a.kind) - order(b.kind) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)))
}
