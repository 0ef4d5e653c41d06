/**
 * When reminders go out, in Beijing time (docs/DOMAIN.md §6): 主题党日 the day before at 18:00 and on the
 * day at 08:00, the 党费 collection day and the 书记's reminders at 09:00 — each worth sending for a limited
 * time only — plus the 积分 申报 deadline, 民主评议 voting and the monthly 谈心谈话 reminder. Pure: the
 * caller passes `now`.
 */
import { themeDayOf, type ThemeDayRule } from '../theme-day'
import {
  addDays,
  beijingDate,
  beijingDateTime,
  type DateString,
  formatDateCN,
  type InstantInput,
  monthOf,
  type MonthString,
  shiftMonth,
  type TimeString,
  toEpochMs,
} from '../time'
import { reminderCalendar, type ReminderContext, type ReminderEvent, type ReminderKind } from './calendar'

export interface ReminderTiming {
  /** Beijing wall-clock time on the reminder's date. */
  at: TimeString
  /** How long after `at` the reminder is still worth sending (a late tick catches up within it). */
  validHours: number
}

/**
 * Defaults ("主题党日 T−1 day 18:00 and day-of 08:00"): the eve reminder stays valid until the
 * day-of one takes over; reminders for the 书记 may go out up to three days late rather than not at all.
 */
export const DEFAULT_REMINDER_TIMING: Readonly<Record<ReminderKind, ReminderTiming>> = {
  'theme-day-eve': { at: '18:00', validHours: 14 },
  'theme-day': { at: '08:00', validHours: 10 },
  'dues-day': { at: '09:00', validHours: 12 },
  'political-birthday': { at: '09:00', validHours: 72 },
  reelection: { at: '09:00', validHours: 72 },
  'reelection-overdue': { at: '09:00', validHours: 72 },
  'reelection-hard-overdue': { at: '09:00', validHours: 72 },
}

/** Meetings are reminded 2 hours before they start, until they start. */
export const MEETING_LEAD_MINUTES = 120

export interface DueReminder extends ReminderEvent {
  /** ISO UTC instant the reminder becomes due. */
  dueAt: string
  /** ISO UTC instant after which it is no longer sent (the to-do remains). */
  expiresAt: string
}

/** The instants a calendar reminder is due from and valid until. */
export function reminderWindow(e: Pick<ReminderEvent, 'kind' | 'date'>, timing: Readonly<Record<ReminderKind, ReminderTiming>> = DEFAULT_REMINDER_TIMING): { dueAt: string; expiresAt: string } {
  const t = timing[e.kind]
  const dueAt = beijingDateTime(e.date, t.at)
  return { dueAt, expiresAt: new Date(toEpochMs(dueAt) + t.validHours * 3_600_000).toISOString() }
}

/**
 * Calendar reminders due at `now`: `dueAt ≤ now < expiresAt`. Looks back as many days as the longest
 * validity, so the eve reminder of 18:00 is still found at 07:50 the next morning.
 */
export function dueReminders(
  ctx: ReminderContext,
  now: InstantInput,
  timing: Readonly<Record<ReminderKind, ReminderTiming>> = DEFAULT_REMINDER_TIMING,
): DueReminder[] {
  const nowMs = toEpochMs(now)
  const today = beijingDate(nowMs)
  const lookbackDays = Math.ceil(Math.max(...Object.values(timing).map((t) => t.validHours)) / 24)
  return reminderCalendar(ctx, addDays(today, -lookbackDays), today)
    .map((e) => ({ ...e, ...reminderWindow(e, timing) }))
    .filter((e) => toEpochMs(e.dueAt) <= nowMs && nowMs < toEpochMs(e.expiresAt))
}

/** 积分 申报: members are reminded this many days before the month's deadline (a local choice [L]). */
export const POINTS_DEADLINE_LEAD_DAYS = 2

/** Reminders about a date (申报 deadline, voting opening) go out at this Beijing time. */
export const TASK_REMINDER_TIME: TimeString = '09:00'

/**
 * The 积分 申报 reminder due at `now`, if any: month M is declared until `deadlineDay` of month M+1
 * (`declareDeadline` in rules/points/calendar.ts); the reminder is due `POINTS_DEADLINE_LEAD_DAYS` before at 09:00 and
 * valid until the deadline day ends.
 */
export function duePointsDeadline(deadlineDay: number, now: InstantInput): { month: string; deadline: DateString; dueAt: string; expiresAt: string } | null {
  const nowMs = toEpochMs(now)
  const today = beijingDate(nowMs)
  // The deadline of last month's 申报 falls in this month.
  const month = shiftMonth(monthOf(today), -1)
  const deadline = `${monthOf(today)}-${String(deadlineDay).padStart(2, '0')}`
  const dueAt = beijingDateTime(addDays(deadline, -POINTS_DEADLINE_LEAD_DAYS), TASK_REMINDER_TIME)
  const expiresAt = beijingDateTime(addDays(deadline, 1))
  return toEpochMs(dueAt) <= nowMs && nowMs < toEpochMs(expiresAt) ? { month, deadline, dueAt, expiresAt } : null
}

/** 民主评议: voting opens on `votingFrom` — remind at 09:00 that day, valid until voting closes (`votingTo` ends). */
export function evaluationOpenWindow(votingFrom: DateString, votingTo: DateString): { dueAt: string; expiresAt: string } {
  return { dueAt: beijingDateTime(votingFrom, TASK_REMINDER_TIME), expiresAt: beijingDateTime(addDays(votingTo, 1)) }
}

/** The Beijing date of the 主题党日 of a month when a planned meeting or the published plan names one. */
export interface ThemeDayOverride {
  date: DateString
  /** `HH:mm` when known (a planned meeting or a plan item). */
  time: TimeString | null
  place: string | null
  topic: string | null
}

export interface ThemeDayReminder extends DueReminder {
  kind: 'theme-day-eve' | 'theme-day'
  override: ThemeDayOverride | null
}

/**
 * 主题党日 reminders due at `now`: each month's day comes from the planned meeting or the published plan
 * (`overrides`, by month) if there is one, else from the branch's fixed-day rule; reminded the day before
 * at 18:00 and on the day at 08:00 (docs/DOMAIN.md §6), whatever the process time zone.
 */
export function dueThemeDayReminders(
  rule: ThemeDayRule | null,
  overrides: Readonly<Record<MonthString, ThemeDayOverride>>,
  now: InstantInput,
  timing: Readonly<Record<ReminderKind, ReminderTiming>> = DEFAULT_REMINDER_TIMING,
): ThemeDayReminder[] {
  const nowMs = toEpochMs(now)
  const today = beijingDate(nowMs)
  const out: ThemeDayReminder[] = []
  // Last month (an eve on the 31st for a day on the 1st) to next month (an eve today for tomorrow the 1st).
  for (let m = shiftMonth(monthOf(today), -1); m <= shiftMonth(monthOf(today), 1); m = shiftMonth(m, 1)) {
    const override = overrides[m] ?? null
    const day = override?.date ?? (rule ? themeDayOf(rule, m) : null)
    if (!day) continue
    const when = formatDateCN(day)
    const events: ThemeDayReminder[] = [
      { kind: 'theme-day-eve', date: addDays(day, -1), subjectDate: day, audience: 'members', key: `theme-day-eve:${day}`, title: `明天（${when}）是主题党日`, dueAt: '', expiresAt: '', override },
      { kind: 'theme-day', date: day, subjectDate: day, audience: 'members', key: `theme-day:${day}`, title: `今天（${when}）是主题党日`, dueAt: '', expiresAt: '', override },
    ]
    for (const e of events) {
      const w = reminderWindow(e, timing)
      if (toEpochMs(w.dueAt) <= nowMs && nowMs < toEpochMs(w.expiresAt)) out.push({ ...e, ...w })
    }
  }
  return out
}

/**
 * The 主题党日 reminders whose reminder date is `date` (due at any time that day), for looking ahead: a
 * member who will hear about the 主题党日 at 18:00 should not spend the day's one push on something
 * less important at 09:00.
 */
export function themeDayRemindersOn(
  rule: ThemeDayRule | null,
  overrides: Readonly<Record<MonthString, ThemeDayOverride>>,
  date: DateString,
  timing: Readonly<Record<ReminderKind, ReminderTiming>> = DEFAULT_REMINDER_TIMING,
): ThemeDayReminder[] {
  const out: ThemeDayReminder[] = []
  for (const m of [monthOf(date), shiftMonth(monthOf(date), 1)]) {
    const override = overrides[m] ?? null
    const day = override?.date ?? (rule ? themeDayOf(rule, m) : null)
    if (!day) continue
    const when = formatDateCN(day)
    const candidates: ThemeDayReminder[] = [
      { kind: 'theme-day-eve', date: addDays(day, -1), subjectDate: day, audience: 'members', key: `theme-day-eve:${day}`, title: `明天（${when}）是主题党日`, dueAt: '', expiresAt: '', override },
      { kind: 'theme-day', date: day, subjectDate: day, audience: 'members', key: `theme-day:${day}`, title: `今天（${when}）是主题党日`, dueAt: '', expiresAt: '', override },
    ]
    for (const e of candidates) if (e.date === date) out.push({ ...e, ...reminderWindow(e, timing) })
  }
  return out
}

/** 谈心谈话 gaps: the 书记 hears on this day of every month ("to the 书记, monthly") at 09:00. */
export const TALKS_REMINDER_DAY = 1

/** The monthly 谈心谈话 reminder due at `now`, if any: the 1st at 09:00, valid three days. */
export function dueMonthlyTalksReminder(now: InstantInput): { month: MonthString; dueAt: string; expiresAt: string } | null {
  const nowMs = toEpochMs(now)
  const month = monthOf(beijingDate(nowMs))
  const dueAt = beijingDateTime(`${month}-${String(TALKS_REMINDER_DAY).padStart(2, '0')}`, TASK_REMINDER_TIME)
  const expiresAt = new Date(toEpochMs(dueAt) + DEFAULT_REMINDER_TIMING['political-birthday'].validHours * 3_600_000).toISOString()
  return toEpochMs(dueAt) <= nowMs && nowMs < toEpochMs(expiresAt) ? { month, dueAt, expiresAt } : null
}
