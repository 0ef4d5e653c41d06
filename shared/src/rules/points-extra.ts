/**
 * 积分 workflow rules on top of `points.ts` (docs/DOMAIN.md §4; [HN] 每月申报登记、每季评定公示、每年汇总排名):
 * a branch's editable scheme (志愿服务 as an automatic source, evidence, the monthly 申报 deadline, 党小组
 * first review), caps applied when an entry is approved (with a note the member can read), totals from the
 * capped monthly sums, publication periods and the domain event → item mapping. Pure: no clock, no I/O.
 */
import * as z from 'zod/mini'
import { MeetingKindSchema, type MeetingKind } from './meetings'
import {
  POINTS_AUTO_SOURCES,
  POINTS_BAND_LABELS,
  POINTS_BANDS,
  POINTS_EXCLUSIONS,
  POINTS_SCHEME_PRESETS,
  pointsBand,
  type PointsBand,
  type PointsExclusion,
  type PointsScheme,
} from './points'
import { addDays, monthOf, monthsBetween, periodOf, periodsBetween, shiftMonth, type DateString, type MonthString, type Period } from './time'

// ---------------------------------------------------------------------------------------------------
// The branch scheme

/** `points.ts` sources plus 志愿服务 recorded by the branch (the `volunteer.recorded` event). */
export const SCHEME_AUTO_SOURCES = [...POINTS_AUTO_SOURCES, 'volunteer'] as const
export type SchemeAutoSource = (typeof SCHEME_AUTO_SOURCES)[number]

export const SCHEME_AUTO_SOURCE_LABELS: Record<SchemeAutoSource, string> = {
  attendance: '参加组织生活（签到）',
  absence: '无故缺席组织生活',
  'dues-on-time': '按时交纳党费',
  'dues-late': '未按时交纳党费',
  volunteer: '支部登记的志愿服务',
}

/** Publication (公示) periods a branch can choose; 每季 is the [HN] default. */
export const SCHEME_PUBLICATION_PERIODS = ['quarter', 'half-year'] as const

/**
 * The 申报 deadline: members declare a month's items until this day of the following month. Not fixed by
 * [HN] (it says only 每月申报登记); the 5th is common local practice [L] — each branch sets its own.
 */
export const DEFAULT_DECLARE_DEADLINE_DAY = 5

/** 公示 lasts at least 7 days (docs/DOMAIN.md §4, "公示 ≥7 days"). */
export const MIN_PUBLICITY_DAYS = 7

const PointsValue = z.number().check(
  z.gt(0, '分值应大于0'),
  z.lte(1000, '分值不能超过1000'),
  z.refine((n) => Math.round(n * 100) === n * 100, '分值最多两位小数'),
)
const Cap = z.nullable(PointsValue)

export const SchemeItemSchema = z
  .strictObject({
    code: z.string().check(z.regex(/^[a-z0-9-]{1,32}$/, '项目编码只能含小写字母、数字和-')),
    name: z.string().check(z.trim(), z.minLength(1, '请填写项目名称'), z.maxLength(30, '项目名称不能超过30个字')),
    kind: z.enum(['add', 'deduct']),
    /** Points per occurrence. */
    points: PointsValue,
    capPerMonth: Cap,
    capPerYear: Cap,
    /** Entries a member declares wait for 党小组 / 支委 approval (automatic entries never do). */
    needsApproval: z.boolean(),
    /** A member must attach a photo or document as evidence when declaring. */
    evidenceRequired: z.boolean(),
    /** Members may declare it in their monthly 申报 (加分 items only). */
    declarable: z.boolean(),
    auto: z.nullable(z.strictObject({ source: z.enum(SCHEME_AUTO_SOURCES), kinds: z.nullable(z.array(MeetingKindSchema).check(z.maxLength(8))) })),
    /** 一票否决: an approved entry puts the year in the lowest band. */
    veto: z.boolean(),
  })
  .check(
    z.refine((i) => !(i.declarable && i.kind === 'deduct'), { message: '扣分项目不能由党员申报', path: ['declarable'] }),
    z.refine((i) => !(i.veto && i.kind === 'add'), { message: '一票否决只能用于扣分项目', path: ['veto'] }),
    z.refine((i) => i.capPerYear === null || i.capPerMonth === null || i.capPerYear >= i.capPerMonth, {
      message: '年度上限不能低于每月上限',
      path: ['capPerYear'],
    }),
  )
export type SchemeItem = z.infer<typeof SchemeItemSchema>

export const SchemeBandSchema = z.strictObject({ band: z.enum(POINTS_BANDS), min: z.number().check(z.gte(0), z.lte(1000)) })

export const BranchSchemeSchema = z
  .strictObject({
    /** The preset it started from (`percent-quarterly`, `base-60`, or a profile's scheme id). */
    presetId: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)),
    name: z.string().check(z.trim(), z.minLength(1, '请填写方案名称'), z.maxLength(30, '方案名称不能超过30个字')),
    /** Starting score of each scoring period (60, 100 …). */
    base: z.number().check(z.gte(0), z.lte(1000)),
    max: z.nullable(z.number().check(z.gt(0), z.lte(1000))),
    floor: z.number().check(z.gte(0), z.lte(1000)),
    scorePeriod: z.enum(['quarter', 'half-year', 'year']),
    yearly: z.enum(['average', 'sum']),
    items: z.array(SchemeItemSchema).check(
      z.minLength(1, '至少需要一个积分项目'),
      z.maxLength(40, '积分项目不能超过40个'),
      z.refine((items) => new Set(items.map((i) => i.code)).size === items.length, '积分项目编码重复'),
    ),
    /** Highest first. */
    bands: z.array(SchemeBandSchema).check(
      z.minLength(1),
      z.maxLength(4),
      z.refine((bands) => bands.every((b, i) => i === 0 || (bands[i - 1] as { min: number }).min > b.min), '积分等次应从高到低排列'),
      z.refine((bands) => new Set(bands.map((b) => b.band)).size === bands.length, '积分等次重复'),
    ),
    publication: z.strictObject({
      period: z.enum(SCHEME_PUBLICATION_PERIODS),
      days: z.number().check(z.int(), z.gte(MIN_PUBLICITY_DAYS, `公示期不少于${MIN_PUBLICITY_DAYS}天`), z.lte(30, '公示期不超过30天')),
    }),
    exclusions: z.array(z.enum(POINTS_EXCLUSIONS)).check(z.maxLength(3)),
    /** Members declare month M until this day of month M+1. */
    declareDeadlineDay: z.number().check(z.int(), z.gte(1, '截止日应在1—28日之间'), z.lte(28, '截止日应在1—28日之间')),
    /** 党小组长 first review before the 支委's final review. */
    groupReview: z.boolean(),
    source: z.string().check(z.maxLength(300)),
  })
  .check(
    z.refine((s) => s.max === null || s.max >= s.base, { message: '最高分不能低于基础分', path: ['max'] }),
    z.refine((s) => s.floor <= s.base, { message: '最低分不能高于基础分', path: ['floor'] }),
  )
export type BranchScheme = z.infer<typeof BranchSchemeSchema>

export interface SchemePreset {
  id: string
  name: string
  description: string
  scheme: BranchScheme
}

/** A `points.ts` scheme as an editable branch scheme: 志愿服务 becomes declarable and recordable by the branch. */
export function toBranchScheme(s: PointsScheme, options: { publicityDays?: number } = {}): BranchScheme {
  return {
    presetId: s.id,
    name: s.name,
    base: s.base,
    max: s.max,
    floor: s.floor,
    scorePeriod: s.scorePeriod,
    yearly: s.yearly,
    items: s.items.map((i): SchemeItem => {
      const volunteer = i.code === 'volunteer'
      return {
        code: i.code,
        name: i.name,
        kind: i.kind,
        points: i.points,
        capPerMonth: i.capPerMonth ?? null,
        capPerYear: i.capPerYear ?? null,
        needsApproval: i.auto ? false : i.needsApproval,
        // A photo backs a 岗位 or 表彰 claim; 志愿服务 is mostly recorded by the branch, a description suffices.
        evidenceRequired: !i.auto && i.kind === 'add' && !volunteer,
        declarable: i.kind === 'add' && (!i.auto || volunteer),
        auto: volunteer ? { source: 'volunteer', kinds: null } : i.auto ? { source: i.auto.source, kinds: i.auto.kinds ? [...i.auto.kinds] : null } : null,
        veto: i.veto === true,
      }
    }),
    bands: s.bands.map((b) => ({ ...b })),
    publication: {
      period: s.publication.period === 'half-year' ? 'half-year' : 'quarter',
      days: Math.max(MIN_PUBLICITY_DAYS, options.publicityDays ?? s.publication.days),
    },
    exclusions: [...s.exclusions],
    declareDeadlineDay: DEFAULT_DECLARE_DEADLINE_DAY,
    groupReview: true,
    source: s.source,
  }
}

/**
 * Presets a branch starts its scheme from: its profile's scheme first (docs/DOMAIN.md §0: 积分 scheme per
 * profile), then the shipped presets — at least 百分制 (quarterly) and 基础分60 + 履职 + 奖励 − 负面.
 */
export function schemePresets(profile?: { points: { scheme: PointsScheme }; publicity?: { days: number } }): SchemePreset[] {
  const days = profile?.publicity?.days
  const list: PointsScheme[] = [...(profile ? [profile.points.scheme] : []), ...POINTS_SCHEME_PRESETS]
  const seen = new Set<string>()
  const out: SchemePreset[] = []
  for (const s of list) {
    if (seen.has(s.id)) continue
    seen.add(s.id)
    const scheme = toBranchScheme(s, { publicityDays: days })
    const adds = scheme.items.filter((i) => i.kind === 'add').length
    const deducts = scheme.items.length - adds
    const description =
      scheme.scorePeriod === 'year'
        ? `基础分${s.base}分 + 履职、奖励加分（${adds}项）− 负面扣分（${deducts}项），按年度累计`
        : `百分制：每${scheme.scorePeriod === 'quarter' ? '季' : '半年'}从${s.base}分起评，${deducts}项扣分、${adds}项加分，年度取${scheme.yearly === 'average' ? '平均' : '合计'}`
    out.push({ id: s.id, name: s.name, description, scheme })
  }
  return out
}

/** Items a member can pick in the monthly 申报. */
export const declarableItems = (scheme: BranchScheme): SchemeItem[] => scheme.items.filter((i) => i.declarable && i.kind === 'add')

// ---------------------------------------------------------------------------------------------------
// Automatic entries from domain events

/** Event types (see cloudfunctions/_kit/collections.ts `EventType`) and the item source each feeds. */
export const EVENT_AUTO_SOURCE: Readonly<Record<string, SchemeAutoSource>> = {
  'attendance.present': 'attendance',
  'attendance.absent': 'absence',
  'dues.paid-on-time': 'dues-on-time',
  'dues.overdue': 'dues-late',
  'volunteer.recorded': 'volunteer',
}

/**
 * The one item an event scores under (the first matching item of the scheme), or null. One item per
 * event keeps automatic credits idempotent across scheme versions: the entry id derives from the event.
 */
export function autoItemFor(scheme: BranchScheme, event: { type: string; data: Record<string, unknown> }): SchemeItem | null {
  const source = EVENT_AUTO_SOURCE[event.type]
  if (!source) return null
  const kind = typeof event.data.kind === 'string' ? (event.data.kind as MeetingKind) : null
  return (
    scheme.items.find((i) => {
      if (!i.auto || i.auto.source !== source) return false
      if (source === 'attendance' || source === 'absence') return i.auto.kinds === null || (kind !== null && i.auto.kinds.includes(kind))
      return true
    }) ?? null
  )
}

// ---------------------------------------------------------------------------------------------------
// Caps, applied when an entry is approved

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
 * this year (monthly cap first, then yearly — the same order as `points.ts`).
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
 * Equals `points.ts` `yearlyPoints` when entries were approved in month order (tested).
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

// ---------------------------------------------------------------------------------------------------
// Calendar: the 申报 window and publication periods

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

/** The publication period (每季 / 每半年) containing a date. */
export const publicationPeriodOf = (scheme: Pick<BranchScheme, 'publication'>, date: DateString): Period => periodOf(scheme.publication.period, date)

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

// ---------------------------------------------------------------------------------------------------
// Exclusions from ranking (离退休, 长期卧病, 长期外出) — shown apart, never ranked

/**
 * Which exclusion of the scheme applies to a member, from the org record: 离退休 ← 党费 category
 * `retired`; 长期卧病 ← the 年老体弱 / 重病 flag; 长期外出 ← the 流动党员 flag (docs/DOMAIN.md §4 "Exclusions").
 */
export function exclusionOf(
  member: { duesCategory: string | null; flags: { elderly: boolean; mobile: boolean } },
  exclusions: readonly PointsExclusion[],
): PointsExclusion | null {
  if (exclusions.includes('retired') && member.duesCategory === 'retired') return 'retired'
  if (exclusions.includes('long-sick') && member.flags.elderly) return 'long-sick'
  if (exclusions.includes('long-away') && member.flags.mobile) return 'long-away'
  return null
}
