/**
 * 积分 schemes (docs/DOMAIN.md §4; [HN] 每月申报登记、每季评定公示、每年汇总排名): the scheme schema (base,
 * max, floor, score period, items with caps, approval, automatic sources, 一票否决, bands, publication,
 * exclusions) and the shipped presets. 积分 is an input to 民主评议, never the grade itself.
 */
import * as z from 'zod/mini'
import { MeetingKindSchema } from '../meetings/kind-schema'
import { type MonthString, PERIOD_UNITS } from '../time'

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
