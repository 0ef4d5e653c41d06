/**
 * The date of a branch's 主题党日 in a month (每月相对固定1天 [N]; docs/DOMAIN.md §2): from its fixed-day rule,
 * optionally moved off holidays and weekends using the official holiday and 调休 calendar.
 */
import { RuleInputError } from './errors'
import { ThemeDayRuleSchema, type ThemeDayRule } from './theme-day-rule'
import {
  addDays,
  assertDate,
  assertMonth,
  datesBetween,
  daysInMonth,
  monthOf,
  monthRange,
  shiftMonth,
  weekdayOf,
  type DateString,
  type MonthString,
} from './time'
import { isWorkingDay, lunarDateOf } from './calendar'

export { ThemeDayRuleSchema, type ThemeDayRule }

const pad2 = (n: number): string => String(n).padStart(2, '0')

/**
 * The 主题党日 of `month` (`YYYY-MM`) as `YYYY-MM-DD`:
 * - `day-of-month`: that day; a day past the month's end clamps to the last day (31 → 02-28/29);
 * - `nth-weekday`: the nth weekday (Monday = 1); `n = -1` is the last one; a 5th that does not exist
 *   clamps to the last one;
 * - `lunar-day`: the first date in the month whose 农历 day is `day` (30 in a 29-day 农历 month means
 *   its last day, 29); a short February can skip a 农历 day entirely (it fell just before the month
 *   began) — then the month's first day.
 * With `shiftIfHoliday`, a day that is not a working day moves to the next working day, or to the
 * previous one if the next would leave the month.
 * Throws `RuleInputError` for an invalid rule or month.
 */
export function themeDayOf(rule: ThemeDayRule, month: MonthString): DateString {
  const parsed = ThemeDayRuleSchema.safeParse(rule)
  if (!parsed.success) throw new RuleInputError('INVALID_RULE', '主题党日规则不正确', { rule: JSON.stringify(rule) })
  assertMonth(month)
  const r = parsed.data
  const base = r.kind === 'day-of-month' ? dayOfMonth(month, r.day) : r.kind === 'nth-weekday' ? nthWeekday(month, r.n, r.weekday) : lunarDay(month, r.day)
  return r.shiftIfHoliday ? shiftOffHoliday(base) : base
}

function dayOfMonth(month: MonthString, day: number): DateString {
  return `${month}-${pad2(Math.min(day, daysInMonth(month)))}`
}

function nthWeekday(month: MonthString, n: number, weekday: number): DateString {
  const { start, end } = monthRange(month)
  const first = addDays(start, (weekday - weekdayOf(start) + 7) % 7)
  const last = addDays(end, -((weekdayOf(end) - weekday + 7) % 7))
  if (n === -1) return last
  const nth = addDays(first, 7 * (n - 1))
  return nth > last ? last : nth
}

function lunarDay(month: MonthString, day: number): DateString {
  const { start, end } = monthRange(month)
  for (let d = start; d <= end; d = addDays(d, 1)) {
    const lunar = lunarDateOf(d)
    if (lunar.day === day) return d
    // Day 30 asked but this 农历 month has 29 days: its last day stands in (tomorrow is 初一).
    if (day === 30 && lunar.day === 29 && lunarDateOf(addDays(d, 1)).day === 1) return d
  }
  return start
}

/** The next working day within the month, else the previous one, else the day itself. */
function shiftOffHoliday(date: DateString): DateString {
  const { start, end } = monthRange(monthOf(date))
  const candidates = [...datesBetween(date, end), ...datesBetween(start, addDays(date, -1)).reverse()]
  return candidates.find((d) => isWorkingDay(d)) ?? date
}

/** The first 主题党日 on or after `today` (this month's if not yet passed, else next month's). */
export function nextThemeDay(rule: ThemeDayRule, today: DateString): DateString {
  const thisMonth = themeDayOf(rule, monthOf(assertDate(today)))
  return thisMonth >= today ? thisMonth : themeDayOf(rule, shiftMonth(monthOf(today), 1))
}
