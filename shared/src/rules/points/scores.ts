/**
 * 积分 as the workflow keeps it (docs/DOMAIN.md §4): caps applied when an entry is approved (with a note the
 * member can read), and the year's and a 公示's scores from the capped monthly sums.
 */
import { monthOf, monthsBetween, type MonthString, type Period, periodOf, periodsBetween } from '../time'
import type { BranchScheme, SchemeItem } from './branch-scheme'
import { POINTS_BAND_LABELS, type PointsBand, type PointsScheme } from './scheme'
import { pointsBand } from './totals'

export interface CapResult {
  /** The points that count (≥0, magnitude; the item's kind gives the sign). */
  counted: number
  cappedBy: 'month' | 'year' | null
  /** A sentence for the member when capped, else null. */
  note: string | null
}

const round2 = (x: number): number => Math.round(x * 100) / 100

/**
 * How much of `requested` counts, given what this item already counted for the member this month and
 * this year (monthly cap first, then yearly — the same order as `totals.ts`).
 */
export function applyCaps(item: Pick<SchemeItem, 'name' | 'capPerMonth' | 'capPerYear'>, requested: number, used: { month: number; year: number }): CapResult {
  const req = round2(Math.max(0, requested))
  const roomMonth = item.capPerMonth === null ? Infinity : Math.max(0, item.capPerMonth - used.month)
  const roomYear = item.capPerYear === null ? Infinity : Math.max(0, item.capPerYear - used.year)
  const counted = round2(Math.min(req, roomMonth, roomYear))
  if (counted === req) return { counted, cappedBy: null, note: null }
  const byMonth = roomMonth <= roomYear
  const cap = byMonth ? item.capPerMonth : item.capPerYear
  return {
    counted,
    cappedBy: byMonth ? 'month' : 'year',
    note: `“${item.name}”${byMonth ? '每月' : '每年'}最多计${cap}分，已计${byMonth ? round2(used.month) : round2(used.year)}分，本次按${counted}分计入（原${req}分）`,
  }
}

// ---------------------------------------------------------------------------------------------------
// Totals from capped monthly sums

/** Capped points of one member in one month: credits and deductions as magnitudes. */
export interface MonthSums {
  adds: number
  deducts: number
}

const netOf = (months: Readonly<Record<string, MonthSums>>, list: readonly MonthString[]): { adds: number; deducts: number } => {
  let adds = 0
  let deducts = 0
  for (const m of list) {
    adds += months[m]?.adds ?? 0
    deducts += months[m]?.deducts ?? 0
  }
  return { adds: round2(adds), deducts: round2(deducts) }
}

const clamp = (scheme: Pick<BranchScheme, 'floor' | 'max'>, x: number): number => round2(Math.min(scheme.max ?? Infinity, Math.max(scheme.floor, x)))

/** `pointsBand` reads only the bands. */
export const bandOf = (scheme: Pick<BranchScheme, 'bands'>, total: number, vetoed = false): PointsBand =>
  pointsBand({ bands: scheme.bands } as PointsScheme, total, vetoed)

export const bandLabel = (band: PointsBand): string => POINTS_BAND_LABELS[band]

export interface PeriodScore {
  key: string
  label: string
  adds: number
  deducts: number
  total: number
}

export interface YearScore {
  total: number
  band: PointsBand
  vetoed: boolean
  adds: number
  deducts: number
  /** The scoring periods (quarters / halves) when the scheme scores by period; empty for a yearly scheme. */
  periods: PeriodScore[]
}

const scoringPeriods = (scheme: Pick<BranchScheme, 'scorePeriod'>, year: number): Period[] =>
  scheme.scorePeriod === 'year' ? [periodOf('year', `${year}-01-01`)] : periodsBetween(scheme.scorePeriod, `${year}-01-01`, `${year}-12-31`)

const monthsOf = (p: Period): MonthString[] => monthsBetween(monthOf(p.start), monthOf(p.end))

/**
 * The year's score from capped monthly sums: each scoring period starts at the base, adds its months and
 * is clamped to [floor, max]; the year is that period (yearly schemes) or the average / sum of the periods.
 * Equals `totals.ts` `yearlyPoints` when entries were approved in month order (tested).
 */
export function yearScore(
  scheme: Pick<BranchScheme, 'base' | 'floor' | 'max' | 'scorePeriod' | 'yearly' | 'bands'>,
  year: number,
  months: Readonly<Record<string, MonthSums>>,
  vetoed = false,
): YearScore {
  const periods = scoringPeriods(scheme, year).map((p): PeriodScore => {
    const { adds, deducts } = netOf(months, monthsOf(p))
    return { key: p.key, label: p.label, adds, deducts, total: clamp(scheme, scheme.base + adds - deducts) }
  })
  const all = netOf(months, monthsBetween(`${year}-01`, `${year}-12`))
  const sum = periods.reduce((s, p) => s + p.total, 0)
  const total = periods.length === 1 ? (periods[0] as PeriodScore).total : round2(scheme.yearly === 'average' ? sum / periods.length : sum)
  const bandBasis = periods.length === 1 || scheme.yearly === 'average' ? total : total / periods.length
  return {
    total,
    band: bandOf(scheme, bandBasis, vetoed),
    vetoed,
    adds: all.adds,
    deducts: all.deducts,
    periods: scheme.scorePeriod === 'year' ? [] : periods,
  }
}

export interface PublicationScore {
  adds: number
  deducts: number
  net: number
  /**
   * The member's score at the end of the publication period: that scoring period's score (quarterly
   * schemes) or the year-to-date score (yearly schemes), clamped.
   */
  score: number
  band: PointsBand
}

/** What a 公示 shows for one member: the period's credits and deductions and the score reached. */
export function publicationScore(
  scheme: Pick<BranchScheme, 'base' | 'floor' | 'max' | 'scorePeriod' | 'bands'>,
  period: Pick<Period, 'start' | 'end'>,
  months: Readonly<Record<string, MonthSums>>,
  vetoed = false,
): PublicationScore {
  const inPeriod = netOf(months, monthsBetween(monthOf(period.start), monthOf(period.end)))
  const scoring = periodOf(scheme.scorePeriod, period.end)
  const soFar = netOf(months, monthsBetween(monthOf(scoring.start), monthOf(period.end)))
  const score = clamp(scheme, scheme.base + soFar.adds - soFar.deducts)
  return { ...inPeriod, net: round2(inPeriod.adds - inPeriod.deducts), score, band: bandOf(scheme, score, vetoed) }
}
