/**
 * 党员积分管理 (docs/DOMAIN.md §4; [HN] 每月申报登记、每季评定公示、每年汇总排名): a configurable scheme (base,
 * items with caps, approval, automatic sources, floor, bands, 一票否决, exclusions), monthly and period
 * totals, yearly totals and ranking with ties. 积分 is an input to 民主评议, never the grade itself.
 */
import * as z from 'zod/mini'
import { RuleInputError } from './errors'
import { MeetingKindSchema, type MeetingKind } from './meetings'
import { assertMonth, monthOf, monthsBetween, periodsBetween, PERIOD_UNITS, type DateString, type MonthString, type Period } from './time'

export const POINTS_BANDS = ['excellent', 'good', 'qualified', 'unqualified'] as const
export type PointsBand = (typeof POINTS_BANDS)[number]

export const POINTS_BAND_LABELS: Record<PointsBand, string> = {
  excellent: '优秀',
  good: '良好',
  qualified: '合格',
  unqualified: '不合格',
}

/** Where an item's entries come from automatically: meeting attendance, unexcused absence, dues timing. */
export const POINTS_AUTO_SOURCES = ['attendance', 'absence', 'dues-on-time', 'dues-late'] as const
export type PointsAutoSource = (typeof POINTS_AUTO_SOURCES)[number]

/** Members a branch may leave out of 积分 and ranking: 离退休, 长期卧病, 长期外出. */
export const POINTS_EXCLUSIONS = ['retired', 'long-sick', 'long-away'] as const
export type PointsExclusion = (typeof POINTS_EXCLUSIONS)[number]

export const POINTS_EXCLUSION_LABELS: Record<PointsExclusion, string> = {
  retired: '离退休党员',
  'long-sick': '长期卧病党员',
  'long-away': '长期外出党员',
}

const Points = z.number().check(z.gt(0), z.lte(1000))

export const PointsItemSchema = z.strictObject({
  code: z.string().check(z.regex(/^[a-z0-9-]{1,32}$/)),
  name: z.string().check(z.minLength(1), z.maxLength(40)),
  kind: z.enum(['add', 'deduct']),
  /** Points per occurrence. */
  points: Points,
  capPerMonth: z.optional(z.nullable(Points)),
  capPerYear: z.optional(z.nullable(Points)),
  /** Entries declared by a member wait for 党小组 / 支委 approval. */
  needsApproval: z.boolean(),
  auto: z.optional(z.nullable(z.strictObject({ source: z.enum(POINTS_AUTO_SOURCES), kinds: z.optional(z.array(MeetingKindSchema)) }))),
  /** 一票否决: any approved entry puts the year's 积分 in the lowest band. */
  veto: z.optional(z.boolean()),
})
export type PointsItem = z.infer<typeof PointsItemSchema>

export const PointsSchemeSchema = z
  .strictObject({
    id: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)),
    name: z.string(),
    /** Starting score of each scoring period (60, 70, 80, 100 …). */
    base: z.number().check(z.gte(0), z.lte(1000)),
    /** Highest score (100 for 百分制), null for none. */
    max: z.nullable(z.number().check(z.gt(0), z.lte(1000))),
    /** Lowest score (0). */
    floor: z.number().check(z.gte(0)),
    /** The base is given per `scorePeriod`; a year of several periods is their average or sum. */
    scorePeriod: z.enum(['quarter', 'half-year', 'year']),
    yearly: z.enum(['average', 'sum']),
    items: z.array(PointsItemSchema).check(
      z.minLength(1),
      z.refine((items) => new Set(items.map((i) => i.code)).size === items.length, '积分项目编码重复'),
    ),
    /** Bands, highest first: a total at or above `min` is in `band`. The last band should have min = floor. */
    bands: z.array(z.strictObject({ band: z.enum(POINTS_BANDS), min: z.number().check(z.gte(0)) })).check(
      z.minLength(1),
      z.refine((bands) => bands.every((b, i) => i === 0 || (bands[i - 1] as { min: number }).min > b.min), '积分等次应从高到低排列'),
    ),
    /** 每季评定公示 [HN]: the publication period and how many days the 公示 lasts (≥7). */
    publication: z.strictObject({ period: z.enum(PERIOD_UNITS), days: z.number().check(z.int(), z.gte(1), z.lte(60)) }),
    exclusions: z.array(z.enum(POINTS_EXCLUSIONS)),
    source: z.string(),
  })
  .check(z.refine((s) => s.max === null || s.max >= s.base, '最高分不能低于基础分'))
export type PointsScheme = z.infer<typeof PointsSchemeSchema>

export type PointsEntryStatus = 'pending' | 'approved' | 'rejected'

/** One declared or automatic occurrence of an item for a member in a month. */
export interface PointsEntry {
  itemCode: string
  month: MonthString
  /** Occurrences (default 1). */
  count?: number
  status: PointsEntryStatus
}

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

export interface MonthlyPoints {
  month: MonthString
  adds: number
  deducts: number
  /** adds − deducts, after caps; no base. */
  net: number
  items: { itemCode: string; points: number }[]
}

/** One member's approved points in a month, after month and year caps (每月申报登记). */
export function monthlyPoints(scheme: PointsScheme, entries: readonly PointsEntry[], month: MonthString): MonthlyPoints {
  const year = Number(assertMonth(month).slice(0, 4))
  const items = [...(cappedByMonth(scheme, entries, [year]).get(month) ?? [])].map(([itemCode, points]) => ({ itemCode, points: round2(points) }))
  const adds = round2(items.filter((i) => i.points > 0).reduce((s, i) => s + i.points, 0))
  const deducts = round2(items.filter((i) => i.points < 0).reduce((s, i) => s - i.points, 0))
  return { month, adds, deducts, net: round2(adds - deducts), items }
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

/** The publication periods (每季公示) of a year. */
export function pointsPublicationPeriods(scheme: PointsScheme, year: number): Period[] {
  return periodsBetween(scheme.publication.period, `${year}-01-01`, `${year}-12-31`)
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

/** Automatic events a scheme may turn into approved entries. */
export interface PointsAutoEvents {
  attendance?: readonly { date: DateString; kind: MeetingKind; status: 'present' | 'leave' | 'absent' }[]
  dues?: readonly { month: MonthString; onTime: boolean }[]
}

/** Approved entries for the scheme's automatic items from attendance and dues records. */
export function autoPointsEntries(scheme: PointsScheme, events: PointsAutoEvents): PointsEntry[] {
  const out: PointsEntry[] = []
  for (const item of scheme.items) {
    const auto = item.auto
    if (!auto) continue
    const kindOk = (kind: MeetingKind): boolean => auto.kinds === undefined || auto.kinds.includes(kind)
    for (const a of events.attendance ?? []) {
      const hit = (auto.source === 'attendance' && a.status === 'present') || (auto.source === 'absence' && a.status === 'absent')
      if (hit && kindOk(a.kind)) out.push({ itemCode: item.code, month: monthOf(a.date), status: 'approved' })
    }
    for (const d of events.dues ?? []) {
      if ((auto.source === 'dues-on-time' && d.onTime) || (auto.source === 'dues-late' && !d.onTime)) {
        out.push({ itemCode: item.code, month: assertMonth(d.month), status: 'approved' })
      }
    }
  }
  return out
}

// ---------------------------------------------------------------------------------------------------
// Presets (data). Item values are typical of published local schemes [L]; a branch edits its own.

const COMMON_BANDS: PointsScheme['bands'] = [
  { band: 'excellent', min: 90 },
  { band: 'good', min: 80 },
  { band: 'qualified', min: 60 },
  { band: 'unqualified', min: 0 },
]

/** 百分制, scored each quarter from 100 with deductions (and capped credits), yearly = average of quarters. */
export const PERCENT_QUARTERLY_SCHEME: PointsScheme = {
  id: 'percent-quarterly',
  name: '百分制（按季评定）',
  base: 100,
  max: 100,
  floor: 0,
  scorePeriod: 'quarter',
  yearly: 'average',
  items: [
    { code: 'absence', name: '无故缺席组织生活', kind: 'deduct', points: 5, needsApproval: false, auto: { source: 'absence' } },
    { code: 'dues-late', name: '未按时交纳党费', kind: 'deduct', points: 3, needsApproval: false, auto: { source: 'dues-late' } },
    { code: 'duty-failed', name: '未完成党组织分配的任务', kind: 'deduct', points: 5, needsApproval: true },
    { code: 'discipline', name: '受到党纪政务处分', kind: 'deduct', points: 40, needsApproval: true, veto: true },
    { code: 'volunteer', name: '参加志愿服务', kind: 'add', points: 2, capPerMonth: 4, needsApproval: true },
    { code: 'honor', name: '受到表彰奖励', kind: 'add', points: 5, capPerYear: 10, needsApproval: true },
  ],
  bands: COMMON_BANDS,
  publication: { period: 'quarter', days: 7 },
  exclusions: ['retired', 'long-sick', 'long-away'],
  source: '[HN] 湘组发〔2018〕6号 (每月申报登记、每季评定公示、每年汇总排名); items and bands [L] (docs/DOMAIN.md §4)',
}

/** 基础分60: a yearly score from 60 with credits and deductions, capped at 100. */
export const BASE_60_SCHEME: PointsScheme = {
  id: 'base-60',
  name: '基础分60分（年度累计）',
  base: 60,
  max: 100,
  floor: 0,
  scorePeriod: 'year',
  yearly: 'sum',
  items: [
    {
      code: 'attendance',
      name: '参加组织生活',
      kind: 'add',
      points: 1,
      capPerMonth: 3,
      needsApproval: false,
      auto: { source: 'attendance', kinds: ['party-congress', 'group', 'lecture', 'life-meeting', 'theme-day', 'evaluation'] },
    },
    { code: 'dues-on-time', name: '按时足额交纳党费', kind: 'add', points: 0.5, capPerYear: 6, needsApproval: false, auto: { source: 'dues-on-time' } },
    { code: 'duty', name: '岗位建功、承诺践诺', kind: 'add', points: 2, capPerMonth: 2, needsApproval: true },
    { code: 'volunteer', name: '参加志愿服务', kind: 'add', points: 2, capPerMonth: 4, needsApproval: true },
    { code: 'honor', name: '受到表彰奖励', kind: 'add', points: 5, capPerYear: 10, needsApproval: true },
    { code: 'absence', name: '无故缺席组织生活', kind: 'deduct', points: 3, needsApproval: false, auto: { source: 'absence' } },
    { code: 'dues-late', name: '未按时交纳党费', kind: 'deduct', points: 2, needsApproval: false, auto: { source: 'dues-late' } },
    { code: 'discipline', name: '受到党纪政务处分', kind: 'deduct', points: 20, needsApproval: true, veto: true },
  ],
  bands: COMMON_BANDS,
  publication: { period: 'quarter', days: 7 },
  exclusions: ['retired', 'long-sick', 'long-away'],
  source: '[HN] 湘组发〔2018〕6号 (每月申报登记、每季评定公示、每年汇总排名); base 60 and items [L] (docs/DOMAIN.md §4)',
}

export const POINTS_SCHEME_PRESETS: readonly PointsScheme[] = [PERCENT_QUARTERLY_SCHEME, BASE_60_SCHEME]
