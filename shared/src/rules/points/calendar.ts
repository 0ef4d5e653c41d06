/**
 * The 积分 calendar (docs/DOMAIN.md §4): the monthly 申报 window and its deadline, publication (公示)
 * periods and their keys, and the last day of a 公示.
 */
import { addDays, type DateString, monthOf, type MonthString, type Period, periodOf, periodsBetween, shiftMonth } from '../time'
import type { BranchScheme } from './branch-scheme'

export type DeclareRefusal = 'FUTURE_MONTH' | 'DEADLINE_PASSED'

/** The last day a month can be declared: `deadlineDay` of the following month. */
export const declareDeadline = (month: MonthString, deadlineDay: number): DateString =>
  `${shiftMonth(month, 1)}-${String(deadlineDay).padStart(2, '0')}`

/** Whether a member may declare (or edit a declaration for) `month` on `today`. */
export function canDeclare(month: MonthString, today: DateString, deadlineDay: number): { ok: true } | { ok: false; reason: DeclareRefusal; message: string } {
  if (month > monthOf(today)) return { ok: false, reason: 'FUTURE_MONTH', message: '不能申报尚未到来的月份' }
  const deadline = declareDeadline(month, deadlineDay)
  if (today > deadline) {
    return { ok: false, reason: 'DEADLINE_PASSED', message: `${Number(month.slice(5))}月的积分申报已于${Number(deadline.slice(5, 7))}月${Number(deadline.slice(8))}日截止` }
  }
  return { ok: true }
}

/** The publication periods of a year. */
export const publicationPeriods = (scheme: Pick<BranchScheme, 'publication'>, year: number): Period[] =>
  periodsBetween(scheme.publication.period, `${year}-01-01`, `${year}-12-31`)

/** A period from its key (`2026-Q3`, `2026-H1`), or null for a malformed key. */
export function periodFromKey(key: string): Period | null {
  const m = /^(\d{4})-(Q([1-4])|H([12]))$/.exec(key)
  if (!m) return null
  const year = Number(m[1])
  if (m[3]) return periodOf('quarter', `${year}-${String((Number(m[3]) - 1) * 3 + 1).padStart(2, '0')}-01`)
  return periodOf('half-year', `${year}-${m[4] === '1' ? '01' : '07'}-01`)
}

/** The last day of the 公示 that starts on `publishedOn`. */
export const publicityEnds = (publishedOn: DateString, days: number): DateString => addDays(publishedOn, days - 1)
