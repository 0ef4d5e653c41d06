/**
 * 党费 publication periods (每半年公布1次 [HN]; national minimum once a year): period keys, their months,
 * and the last closed period to publish next.
 */
import { RuleInputError } from '../errors'
import { type DateString, monthsBetween, type MonthString, type Period, periodOf, shiftMonth } from '../time'

/** A 公示 period key: `2026-H1`, `2026-H2` (每半年) or `2026` (每年). */
export const DUES_PERIOD_KEY_RE = /^(\d{4})(?:-H([12]))?$/

/** The period of a key (`2026-H1` → Jan–Jun 2026). Throws `RuleInputError` for a malformed key. */
export function duesPeriodOf(key: string): Period {
  const m = DUES_PERIOD_KEY_RE.exec(key)
  if (!m) throw new RuleInputError('INVALID_ARGUMENT', '公示期间格式应为 2026-H1、2026-H2 或 2026', { key })
  const year = m[1] as string
  if (m[2] === undefined) return periodOf('year', `${year}-01-01`)
  return periodOf('half-year', `${year}-${m[2] === '1' ? '01' : '07'}-01`)
}

/** The months of a period, in order. */
export const periodMonths = (p: Pick<Period, 'start' | 'end'>): MonthString[] => monthsBetween(p.start.slice(0, 7), p.end.slice(0, 7))

/** The last completed publication period on `today` (the one to publish next), for a unit. */
export function lastClosedDuesPeriod(today: DateString, unit: 'half-year' | 'year'): Period {
  const current = periodOf(unit, today)
  return periodOf(unit, shiftMonth(current.start.slice(0, 7), -1) + '-01')
}
