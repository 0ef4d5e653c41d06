/**
 * 积分 totals from a scheme and a member's entries (docs/DOMAIN.md §4): only approved entries count, month
 * caps then year caps in month order, clamped to [floor, max], 一票否决 → the lowest band; period and yearly
 * scores, and the ranking with ties (1, 2, 2, 4).
 */
import { RuleInputError } from '../errors'
import { assertMonth, monthOf, monthsBetween, type MonthString, type Period, periodsBetween } from '../time'
import type { PointsBand, PointsEntry, PointsItem, PointsScheme } from './scheme'

const round2 = (x: number): number => Math.round(x * 100) / 100

function itemOf(scheme: PointsScheme, code: string): PointsItem {
  const item = scheme.items.find((i) => i.code === code)
  if (!item) throw new RuleInputError('INVALID_ARGUMENT', '积分项目不存在', { itemCode: code })
  return item
}

/**
 * Signed, capped points per month and item for one member over whole calendar years: month caps first,
 * then year caps consumed in month order (so a quarter's total sees what earlier months used).
 */
function cappedByMonth(scheme: PointsScheme, entries: readonly PointsEntry[], years: readonly number[]): Map<MonthString, Map<string, number>> {
  const raw = new Map<MonthString, Map<string, number>>()
  for (const e of entries) {
    if (e.status !== 'approved') continue
    const item = itemOf(scheme, e.itemCode)
    const count = e.count ?? 1
    if (!Number.isSafeInteger(count) || count < 0) throw new RuleInputError('INVALID_COUNT', '次数应为非负整数', { count })
    const month = raw.get(assertMonth(e.month)) ?? new Map<string, number>()
    month.set(item.code, (month.get(item.code) ?? 0) + item.points * count)
    raw.set(e.month, month)
  }
  const out = new Map<MonthString, Map<string, number>>()
  for (const year of years) {
    const usedThisYear = new Map<string, number>()
    for (const m of monthsBetween(`${year}-01`, `${year}-12`)) {
      const items = new Map<string, number>()
      for (const [code, amount] of raw.get(m) ?? []) {
        const item = itemOf(scheme, code)
        const monthCapped = Math.min(amount, item.capPerMonth ?? Infinity)
        const used = usedThisYear.get(code) ?? 0
        const counted = Math.max(0, Math.min(monthCapped, (item.capPerYear ?? Infinity) - used))
        usedThisYear.set(code, used + counted)
        items.set(code, item.kind === 'add' ? counted : 0 - counted)
      }
      out.set(m, items)
    }
  }
  return out
}

export interface PointsTotal {
  /** base + net over the range, clamped to [floor, max]. */
  total: number
  adds: number
  deducts: number
  vetoed: boolean
  band: PointsBand
}

/** The band of a total (the lowest band when vetoed or below every band). */
export function pointsBand(scheme: PointsScheme, total: number, vetoed = false): PointsBand {
  const lowest = (scheme.bands[scheme.bands.length - 1] as { band: PointsBand }).band
  if (vetoed) return lowest
  return scheme.bands.find((b) => total >= b.min)?.band ?? lowest
}

function clampTotal(scheme: PointsScheme, x: number): number {
  return round2(Math.min(scheme.max ?? Infinity, Math.max(scheme.floor, x)))
}

/** One member's score over the months `[from, to]`: the base once, plus the capped items, clamped. */
export function pointsTotal(scheme: PointsScheme, entries: readonly PointsEntry[], range: { from: MonthString; to: MonthString }): PointsTotal {
  const months = monthsBetween(assertMonth(range.from), assertMonth(range.to))
  if (months.length === 0) throw new RuleInputError('INVALID_RANGE', '开始月份不能晚于结束月份', range)
  const years = [...new Set(months.map((m) => Number(m.slice(0, 4))))]
  const capped = cappedByMonth(scheme, entries, years)
  let adds = 0
  let deducts = 0
  for (const m of months) {
    for (const points of capped.get(m)?.values() ?? []) {
      if (points > 0) adds += points
      else deducts -= points
    }
  }
  const inRange = new Set(months)
  const vetoed = entries.some((e) => e.status === 'approved' && inRange.has(e.month) && itemOf(scheme, e.itemCode).veto === true)
  const total = clampTotal(scheme, scheme.base + adds - deducts)
  return { total, adds: round2(adds), deducts: round2(deducts), vetoed, band: pointsBand(scheme, total, vetoed) }
}

/** The score of one scoring or publication period (每季评定). */
export function periodPoints(scheme: PointsScheme, entries: readonly PointsEntry[], period: Period): PointsTotal {
  return pointsTotal(scheme, entries, { from: monthOf(period.start), to: monthOf(period.end) })
}

/**
 * The year's score (每年汇总): with a yearly `scorePeriod` the total of the year; otherwise the average
 * (or sum) of its quarters / halves, each with its own base. A veto anywhere in the year holds.
 */
export function yearlyPoints(scheme: PointsScheme, entries: readonly PointsEntry[], year: number): PointsTotal & { periods: PointsTotal[] } {
  if (scheme.scorePeriod === 'year') {
    return { ...pointsTotal(scheme, entries, { from: `${year}-01`, to: `${year}-12` }), periods: [] }
  }
  const periods = periodsBetween(scheme.scorePeriod, `${year}-01-01`, `${year}-12-31`).map((p) => periodPoints(scheme, entries, p))
  const sum = periods.reduce((s, p) => s + p.total, 0)
  const total = round2(scheme.yearly === 'average' ? sum / periods.length : sum)
  const vetoed = periods.some((p) => p.vetoed)
  return {
    total,
    adds: round2(periods.reduce((s, p) => s + p.adds, 0)),
    deducts: round2(periods.reduce((s, p) => s + p.deducts, 0)),
    vetoed,
    band: pointsBand(scheme, scheme.yearly === 'average' ? total : total / periods.length, vetoed),
    periods,
  }
}

export interface RankedPoints {
  memberId: string
  total: number
  /** Competition ranking: equal totals share a rank and the next rank skips (1, 2, 2, 4). */
  rank: number
}

/** Ranks members by total, highest first, leaving out `exclude` (离退休, 长期卧病, 长期外出 …). */
export function rankPoints(rows: readonly { memberId: string; total: number }[], options: { exclude?: Iterable<string> } = {}): RankedPoints[] {
  const excluded = new Set(options.exclude ?? [])
  const sorted = rows
    .filter((r) => !excluded.has(r.memberId))
    .map((r) => ({ memberId: r.memberId, total: round2(r.total) }))
    .sort((a, b) => b.total - a.total || (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0))
  let rank = 0
  return sorted.map((r, i) => {
    if (i === 0 || (sorted[i - 1] as { total: number }).total !== r.total) rank = i + 1
    return { ...r, rank }
  })
}
