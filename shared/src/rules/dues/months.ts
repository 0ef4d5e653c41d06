/**
 * Which months a member owes 党费 and what each owes (docs/DOMAIN.md §3): the collection day, the last
 * month that is due, the first month a 预备党员 pays and the pro-rated first month.
 */
import { RuleInputError } from '../errors'
import { assertFen } from '../money'
import {
  assertDate,
  assertMonth,
  type DateString,
  daysInMonth,
  diffDays,
  monthOf,
  monthRange,
  type MonthString,
  parseDate,
  shiftMonth,
} from '../time'
import { type DuesRounding, roundFen } from './amount'

/**
 * The latest month whose collection day has passed on `today`: on or before the branch's dues day
 * the current month is not yet late. A dues day past the month's end means its last day.
 */
export function lastDueMonth(today: DateString, duesDay: number): MonthString {
  if (!Number.isInteger(duesDay) || duesDay < 1 || duesDay > 31) {
    throw new RuleInputError('INVALID_ARGUMENT', '党费收缴日应为1—31日', { duesDay })
  }
  const month = monthOf(today)
  const collectionDay = Math.min(duesDay, daysInMonth(month))
  return parseDate(today).day > collectionDay ? month : shiftMonth(month, -1)
}

/** The collection date of a month on the branch's dues day (clamped to the month's last day). */
export function duesDayOf(month: MonthString, duesDay: number): DateString {
  const { end } = monthRange(month)
  return `${month}-${String(Math.min(duesDay, Number(end.slice(8, 10)))).padStart(2, '0')}`
}

// ---------------------------------------------------------------------------------------------------
// The first month a 预备党员 pays, publication and the yearly 核定.

/**
 * How the month the 支部大会 accepted a 预备党员 is charged ([N]: from that day on): `full` (the whole
 * month, the usual practice), `prorated` (days from the acceptance day to the month's end), or
 * `next-month` (from the following month).
 */
export const DUES_FIRST_MONTH_MODES = ['full', 'prorated', 'next-month'] as const

export type DuesFirstMonth = (typeof DUES_FIRST_MONTH_MODES)[number]

/** The first month a member owes dues, given the date the 支部大会 accepted them. */
export function duesStartMonth(joinedAt: DateString, firstMonth: DuesFirstMonth = 'full'): MonthString {
  const month = monthOf(joinedAt)
  return firstMonth === 'next-month' ? shiftMonth(month, 1) : month
}

/**
 * The dues owed for one `month` by a member accepted on `joinedAt`: 0 before, the pro-rated share in
 * the first month when `firstMonth` is `prorated` (acceptance day included), the full amount otherwise.
 */
export function duesForMonthFen(input: {
  monthlyFen: number
  month: MonthString
  joinedAt: DateString
  firstMonth?: DuesFirstMonth
  rounding?: DuesRounding
}): number {
  const monthlyFen = assertFen(input.monthlyFen, '月党费')
  const firstMonth = input.firstMonth ?? 'full'
  const start = duesStartMonth(input.joinedAt, firstMonth)
  if (assertMonth(input.month) < start) return 0
  if (input.month > start || firstMonth !== 'prorated') return monthlyFen
  const { end } = monthRange(input.month)
  const days = diffDays(assertDate(input.joinedAt), end) + 1
  return Math.min(monthlyFen, roundFen(monthlyFen * days, daysInMonth(input.month), input.rounding ?? 'ceil-fen'))
}
