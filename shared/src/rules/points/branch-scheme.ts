/**
 * A branch's editable 积分 scheme (docs/DOMAIN.md §4): 志愿服务 as an automatic source, evidence, the monthly
 * 申报 deadline day, 党小组 first review; the presets a branch starts from, the domain event → item mapping,
 * and which members are left out of ranking (离退休, 长期卧病, 长期外出).
 */
import * as z from 'zod/mini'
import type { MeetingKind } from '../meetings/kinds'
import { MeetingKindSchema } from '../meetings/kind-schema'
import { POINTS_AUTO_SOURCES, POINTS_BANDS, POINTS_EXCLUSIONS, POINTS_SCHEME_PRESETS, type PointsExclusion, type PointsScheme } from './scheme'

/** `points/scheme.ts` sources plus 志愿服务 recorded by the branch (the `volunteer.recorded` event). */
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

/** A `points/scheme.ts` scheme as an editable branch scheme: 志愿服务 becomes declarable and recordable by the branch. */
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
