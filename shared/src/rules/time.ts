/**
 * Beijing-time calendar helpers. Dates are `YYYY-MM-DD` strings on the Beijing calendar, months
 * `YYYY-MM`, instants ISO UTC. Everything is computed with UTC arithmetic on a fixed +08:00 offset
 * (China has no DST), so results never depend on the process time zone (cloud functions run in UTC,
 * phones anywhere). Nothing here reads the clock: callers pass `today` / `now` (docs/DOMAIN.md §8).
 */
import { RuleInputError } from './errors'

/** A Beijing calendar date, `YYYY-MM-DD`. */
export type DateString = string
/** A Beijing calendar month, `YYYY-MM`. */
export type MonthString = string
/** A wall-clock time of day, `HH:mm` (24 h). */
export type TimeString = string
/** An ISO 8601 instant with `Z` or an explicit offset, a `Date`, or epoch milliseconds. */
export type InstantInput = string | Date | number

export const BEIJING_OFFSET_MINUTES = 480
const OFFSET_MS = BEIJING_OFFSET_MINUTES * 60_000
const DAY_MS = 86_400_000

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/
const INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

export interface DateParts {
  year: number
  month: number
  day: number
}

const pad2 = (n: number): string => String(n).padStart(2, '0')
const pad4 = (n: number): string => String(n).padStart(4, '0')

/** Whether `s` is a real calendar date `YYYY-MM-DD` (years 1000–9999). */
export function isValidDate(s: unknown): s is DateString {
  if (typeof s !== 'string') return false
  const m = DATE_RE.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return false
  return d <= monthLength(y, mo)
}

/** Whether `s` is a month `YYYY-MM`. */
export function isValidMonth(s: unknown): s is MonthString {
  return typeof s === 'string' && MONTH_RE.test(s) && Number(s.slice(0, 4)) >= 1000
}

/** Whether `s` is a time of day `HH:mm`. */
export function isValidTime(s: unknown): s is TimeString {
  return typeof s === 'string' && TIME_RE.test(s)
}

/** Throws `RuleInputError` unless `s` is a real `YYYY-MM-DD` date; returns it typed. */
export function assertDate(s: unknown, what = '日期'): DateString {
  if (!isValidDate(s)) throw new RuleInputError('INVALID_DATE', `${what}格式应为 YYYY-MM-DD`, { value: String(s) })
  return s
}

/** Throws `RuleInputError` unless `s` is a `YYYY-MM` month; returns it typed. */
export function assertMonth(s: unknown, what = '月份'): MonthString {
  if (!isValidMonth(s)) throw new RuleInputError('INVALID_MONTH', `${what}格式应为 YYYY-MM`, { value: String(s) })
  return s
}

function monthLength(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Year, month (1–12) and day of a date. */
export function parseDate(date: DateString): DateParts {
  assertDate(date)
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) }
}

/** `{ year, month }` of a month string. */
export function parseMonth(month: MonthString): { year: number; month: number } {
  assertMonth(month)
  return { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) }
}

/** Builds a date string; the parts must form a real date. */
export function formatDate(year: number, month: number, day: number): DateString {
  return assertDate(`${pad4(year)}-${pad2(month)}-${pad2(day)}`)
}

/** Builds a month string from a year and a month number that may overflow (month 13 = January next year). */
export function formatMonth(year: number, month: number): MonthString {
  const index = year * 12 + (month - 1)
  return assertMonth(`${pad4(Math.floor(index / 12))}-${pad2((index % 12) + 1)}`)
}

// Day numbers: days since 1970-01-01 on the proleptic Gregorian calendar. Pure arithmetic.
function toDayNumber(date: DateString): number {
  const { year, month, day } = parseDate(date)
  return Date.UTC(year, month - 1, day) / DAY_MS
}

function fromDayNumber(n: number): DateString {
  const d = new Date(n * DAY_MS)
  return formatDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

/** Epoch milliseconds of an instant; strings must carry `Z` or an offset (a bare date is ambiguous). */
export function toEpochMs(instant: InstantInput): number {
  let ms: number
  if (instant instanceof Date) ms = instant.getTime()
  else if (typeof instant === 'number') ms = instant
  else if (typeof instant === 'string' && INSTANT_RE.test(instant)) ms = Date.parse(instant)
  else ms = Number.NaN
  if (!Number.isFinite(ms)) {
    throw new RuleInputError('INVALID_INSTANT', '时间格式不正确', { value: String(instant) })
  }
  return ms
}

/** The Beijing calendar date of an instant. `2024-04-30T16:00:00Z` → `2024-05-01`. */
export function beijingDate(instant: InstantInput): DateString {
  return fromDayNumber(Math.floor((toEpochMs(instant) + OFFSET_MS) / DAY_MS))
}

/** The Beijing calendar month of an instant, `YYYY-MM`. */
export function beijingMonth(instant: InstantInput): MonthString {
  return beijingDate(instant).slice(0, 7)
}

/** The Beijing wall-clock time of an instant, `HH:mm`. */
export function beijingTime(instant: InstantInput): TimeString {
  const d = new Date(toEpochMs(instant) + OFFSET_MS)
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`
}

/** The Beijing calendar year of an instant. `2024-12-31T16:00:00Z` → 2025. */
export function beijingYear(instant: InstantInput): number {
  return Number(beijingDate(instant).slice(0, 4))
}

/** The Beijing wall-clock date and time of an instant to the second, `YYYY-MM-DD HH:mm:ss`. `2025-06-25T10:00:00Z` → `2025-06-25 18:00:00`. */
export function beijingTimestamp(instant: InstantInput): string {
  return new Date(toEpochMs(instant) + OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ')
}

/** The instant (ISO UTC) of a Beijing date and wall-clock time. `('2024-05-01', '09:30')` → `2024-05-01T01:30:00.000Z`. */
export function beijingDateTime(date: DateString, time: TimeString = '00:00'): string {
  if (!isValidTime(time)) throw new RuleInputError('INVALID_TIME', '时间格式应为 HH:mm', { value: String(time) })
  const ms = toDayNumber(date) * DAY_MS + (Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) * 60_000 - OFFSET_MS
  return new Date(ms).toISOString()
}

/** `date` moved by `days` (negative goes back). */
export function addDays(date: DateString, days: number): DateString {
  assertInteger(days, 'days')
  return fromDayNumber(toDayNumber(date) + days)
}

/** Days from `from` to `to` (`to − from`; negative when `to` is earlier). */
export function diffDays(from: DateString, to: DateString): number {
  return toDayNumber(to) - toDayNumber(from)
}

/** `date` moved by whole months; a day past the target month's end clamps (01-31 + 1 month → 02-28/29). */
export function addMonths(date: DateString, months: number): DateString {
  assertInteger(months, 'months')
  const { year, month, day } = parseDate(date)
  const target = formatMonth(year, month + months)
  const { year: ty, month: tm } = parseMonth(target)
  return formatDate(ty, tm, Math.min(day, monthLength(ty, tm)))
}

/** `date` moved by whole years (02-29 → 02-28 in a common year). */
export function addYears(date: DateString, years: number): DateString {
  assertInteger(years, 'years')
  return addMonths(date, years * 12)
}

/** ISO weekday of a date: Monday = 1 … Sunday = 7. */
export function weekdayOf(date: DateString): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1
}

/** The month `YYYY-MM` a date falls in. */
export function monthOf(date: DateString): MonthString {
  return assertDate(date).slice(0, 7)
}

/** A month moved by `n` months. */
export function shiftMonth(month: MonthString, n: number): MonthString {
  assertInteger(n, 'n')
  const { year, month: m } = parseMonth(month)
  return formatMonth(year, m + n)
}

/** Months from `from` to `to` (`2024-01` → `2024-03` is 2; negative when `to` is earlier). */
export function diffMonths(from: MonthString, to: MonthString): number {
  const a = parseMonth(from)
  const b = parseMonth(to)
  return (b.year - a.year) * 12 + (b.month - a.month)
}

/** Number of days in a month (28–31). */
export function daysInMonth(month: MonthString): number {
  const { year, month: m } = parseMonth(month)
  return monthLength(year, m)
}

/** First and last date of a month. */
export function monthRange(month: MonthString): { start: DateString; end: DateString } {
  return { start: `${assertMonth(month)}-01`, end: `${month}-${pad2(daysInMonth(month))}` }
}

/** Every month from `from` to `to`, both included (empty when `from` is later). */
export function monthsBetween(from: MonthString, to: MonthString): MonthString[] {
  const count = diffMonths(from, to)
  return Array.from({ length: Math.max(0, count + 1) }, (_, i) => shiftMonth(from, i))
}

/** Every date from `from` to `to`, both included (empty when `from` is later). */
export function datesBetween(from: DateString, to: DateString): DateString[] {
  const count = diffDays(from, to)
  return Array.from({ length: Math.max(0, count + 1) }, (_, i) => addDays(from, i))
}

/** Quarter (1–4) of a date or month. */
export function quarterOf(dateOrMonth: DateString | MonthString): 1 | 2 | 3 | 4 {
  return (Math.floor((monthNumberOf(dateOrMonth) - 1) / 3) + 1) as 1 | 2 | 3 | 4
}

/** Half-year (1 = 上半年 Jan–Jun, 2 = 下半年 Jul–Dec) of a date or month. */
export function halfOf(dateOrMonth: DateString | MonthString): 1 | 2 {
  return monthNumberOf(dateOrMonth) <= 6 ? 1 : 2
}

function monthNumberOf(dateOrMonth: string): number {
  return isValidDate(dateOrMonth) ? parseDate(dateOrMonth).month : parseMonth(dateOrMonth).month
}

function assertInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RuleInputError('INVALID_ARGUMENT', `${what} 应为整数`, { value: n })
}

// ---------------------------------------------------------------------------------------------------
// Periods: the calendar units rules are stated in ("每季度", "每半年", "每学期" …).

export const PERIOD_UNITS = ['month', 'bimonth', 'quarter', 'half-year', 'semester', 'year'] as const
export type PeriodUnit = (typeof PERIOD_UNITS)[number]

export const PERIOD_UNIT_LABELS: Record<PeriodUnit, string> = {
  month: '每月',
  bimonth: '每两个月',
  quarter: '每季度',
  'half-year': '每半年',
  semester: '每学期',
  year: '每年',
}

/** One calendar period: a stable key (`2024-Q2`), its first and last date, and a Chinese label. */
export interface Period {
  unit: PeriodUnit
  key: string
  start: DateString
  end: DateString
  label: string
}

/**
 * The period of `unit` containing `date`. Keys: month `2024-03`, bimonth `2024-B2` (Mar–Apr),
 * quarter `2024-Q1`, half-year `2024-H1`, year `2024`, semester `2024-S1` (spring, Mar–Aug) or
 * `2024-S2` (autumn, Sep 2024–Feb 2025; January and February belong to the previous year's S2).
 */
export function periodOf(unit: PeriodUnit, date: DateString): Period {
  const { year, month } = parseDate(date)
  const span = (startMonth: number, months: number): { start: DateString; end: DateString } => {
    const first = formatMonth(year, startMonth)
    const last = shiftMonth(first, months - 1)
    return { start: monthRange(first).start, end: monthRange(last).end }
  }
  switch (unit) {
    case 'month':
      return { unit, key: `${monthOf(date)}`, ...span(month, 1), label: `${year}年${month}月` }
    case 'bimonth': {
      const b = Math.floor((month - 1) / 2) + 1
      return { unit, key: `${year}-B${b}`, ...span(2 * b - 1, 2), label: `${year}年${2 * b - 1}—${2 * b}月` }
    }
    case 'quarter': {
      const q = quarterOf(date)
      return { unit, key: `${year}-Q${q}`, ...span(3 * q - 2, 3), label: `${year}年第${q}季度` }
    }
    case 'half-year': {
      const h = halfOf(date)
      return { unit, key: `${year}-H${h}`, ...span(h === 1 ? 1 : 7, 6), label: `${year}年${h === 1 ? '上' : '下'}半年` }
    }
    case 'semester': {
      if (month >= 3 && month <= 8) return { unit, key: `${year}-S1`, ...span(3, 6), label: `${year}年春季学期` }
      // Sep–Dec start the autumn semester of this year; Jan–Feb finish last year's.
      const y = month >= 9 ? year : year - 1
      const start = `${pad4(y)}-09-01`
      return { unit, key: `${pad4(y)}-S2`, start, end: addDays(`${pad4(y + 1)}-03-01`, -1), label: `${y}年秋季学期` }
    }
    case 'year':
      return { unit, key: pad4(year), start: `${pad4(year)}-01-01`, end: `${pad4(year)}-12-31`, label: `${year}年` }
    default:
      throw new RuleInputError('INVALID_ARGUMENT', '未知的周期单位', { unit: String(unit) })
  }
}

/** Every period of `unit` that overlaps `[from, to]`, in order. */
export function periodsBetween(unit: PeriodUnit, from: DateString, to: DateString): Period[] {
  assertDate(from)
  assertDate(to)
  const out: Period[] = []
  let cursor = from
  while (cursor <= to) {
    const p = periodOf(unit, cursor)
    out.push(p)
    cursor = addDays(p.end, 1)
  }
  return out
}

// ---------------------------------------------------------------------------------------------------
// Chinese formatting (also the WeChat subscribe-message `date` / `time` formats).

/** `2019-10-01` → `2019年10月1日`. */
export function formatDateCN(date: DateString): string {
  const { year, month, day } = parseDate(date)
  return `${year}年${month}月${day}日`
}

/** `2019-10` → `2019年10月`. */
export function formatMonthCN(month: MonthString): string {
  const p = parseMonth(month)
  return `${p.year}年${p.month}月`
}

/** An instant in Beijing time as `2019年10月1日 15:01`. */
export function formatDateTimeCN(instant: InstantInput): string {
  return `${formatDateCN(beijingDate(instant))} ${beijingTime(instant)}`
}
