/**
 * The official calendar: holidays, 调休 working days and 农历 (chinese-days: State Council notices,
 * 2004 onwards; 农历 1900–2100). Kept apart from `time.ts` so that date arithmetic does not carry the
 * holiday tables into every bundle (the mini-program's main package imports `time.ts`, not this).
 */
import { getDayDetail, getLunarDate } from 'chinese-days'
import { RuleInputError } from './errors'
import { addDays, assertDate, parseDate, weekdayOf, type DateString } from './time'


// chinese-days builds its tables and reads weekdays through local-time Date getters. Given a
// `YYYY-MM-DD` string, its table keys and lookups shift together (so membership is consistent in every
// time zone) but its weekday is off by one west of UTC. So we ask it only whether the date is in the
// holiday / 调休 tables (those entries carry a "English,中文,days" name) and compute weekends ourselves.
function tableEntry(date: DateString): { work: boolean; name: string } | null {
  const detail = getDayDetail(assertDate(date))
  return detail.name.includes(',') ? { work: detail.work, name: detail.name } : null
}

/**
 * Whether a date is a working day under the official holiday and 调休 calendar: a 调休 Saturday is a
 * working day, a holiday Monday is not. Years the calendar does not cover fall back to Monday–Friday.
 */
export function isWorkingDay(date: DateString): boolean {
  const entry = tableEntry(date)
  return entry ? entry.work : weekdayOf(date) <= 5
}

/** The first working day on or after `date` (`includeSelf` false: strictly after). */
export function nextWorkingDay(date: DateString, includeSelf = true): DateString {
  let d = includeSelf ? date : addDays(date, 1)
  while (!isWorkingDay(d)) d = addDays(d, 1)
  return d
}

/** The last working day on or before `date` (`includeSelf` false: strictly before). */
export function previousWorkingDay(date: DateString, includeSelf = true): DateString {
  let d = includeSelf ? date : addDays(date, -1)
  while (!isWorkingDay(d)) d = addDays(d, -1)
  return d
}

export interface LunarDate {
  /** 农历 year (the year 正月初一 falls in). */
  year: number
  month: number
  day: number
  isLeapMonth: boolean
  /** `正月初八`, `闰四月十五`. */
  label: string
}

/** The 农历 date of a Gregorian date (1900-01-31 … 2100-12-31). */
export function lunarDateOf(date: DateString): LunarDate {
  const { year } = parseDate(date)
  if (date < '1900-01-31' || year > 2100) {
    throw new RuleInputError('INVALID_DATE', '农历只支持1900—2100年', { value: date })
  }
  // chinese-days measures whole days between two UTC-parsed strings here, so it is zone-independent.
  const l = getLunarDate(date)
  return {
    year: l.lunarYear,
    month: l.lunarMon,
    day: l.lunarDay,
    isLeapMonth: l.isLeap,
    label: `${l.isLeap ? '闰' : ''}${l.lunarMonCN}${l.lunarDayCN}`,
  }
}
