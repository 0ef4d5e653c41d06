/**
 * The shape of a rule-set profile (docs/DOMAIN.md §0): every number the rules use is a default in here,
 * never a constant buried in code. One zod/mini schema validates the shipped profiles and each
 * branch's profile after its overrides are merged on top.
 */
import * as z from 'zod/mini'
import { DUES_FIRST_MONTH_MODES } from '../rules/dues/months'
import { DUES_ROUNDING_MODES } from '../rules/dues/amount'
import { DevelopmentRuleSchema } from '../rules/development/rule'
import { EvaluationGradeSchema } from '../rules/evaluation/grades'
import { MeetingRequirementSchema } from '../rules/meetings/compliance'
import { PointsSchemeSchema } from '../rules/points/scheme'
import { ThemeDayRuleSchema } from '../rules/theme-day-rule'
import { PERIOD_UNITS } from '../rules/time'
import { PROFILE_IDS } from './ids'

const Int = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max))
const Ratio = z.number().check(z.gt(0), z.lte(1))
const Frequency = z.strictObject({ min: Int(1, 31), per: z.enum(PERIOD_UNITS) })

/** Where a value comes from: a docs/DOMAIN.md tag and the document (or seed file). */
export const SourceSchema = z.string().check(z.minLength(3))

export const ProfileSchema = z.strictObject({
  id: z.enum(PROFILE_IDS),
  /** Chinese name shown in settings. */
  name: z.string().check(z.minLength(1)),
  /** One line on who follows this profile. */
  description: z.string(),
  /** Documents the profile is built from. */
  sources: z.array(SourceSchema).check(z.minLength(1)),

  /** Required meetings per kind and period (三会一课, 组织生活会, 主题党日, 民主评议). */
  meetings: z.strictObject({ requirements: z.array(MeetingRequirementSchema), source: SourceSchema }),

  themeDay: z.strictObject({ rule: ThemeDayRuleSchema, note: z.string(), source: SourceSchema }),

  dues: z.strictObject({
    rounding: z.enum(DUES_ROUNDING_MODES),
    /** 预交 / 补交 ≤6 months [N]. */
    prepayMaxMonths: Int(0, 12),
    backpayMaxMonths: Int(0, 12),
    /** 每半年公布1次 [HN]; national minimum once a year. */
    publicationPeriod: z.enum(['half-year', 'year']),
    /** 核定 deadline each year, `MM-DD` (seed `003_…`: end of March). */
    assessmentDeadline: z.string().check(z.regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/)),
    arrearsWarnMonths: Int(1, 24),
    arrearsFlagMonths: Int(1, 24),
    /** Deduct 五险一金 from the base too (local variant; default off). */
    deductSocialInsurance: z.boolean(),
    firstMonth: z.enum(DUES_FIRST_MONTH_MODES),
    /** Default monthly amount for 农民党员 (20–100 fen, branch sets). */
    farmerDefaultFen: Int(20, 100),
    source: SourceSchema,
  }),

  points: z.strictObject({
    /** Whether the profile requires 积分管理. */
    required: z.boolean(),
    scheme: PointsSchemeSchema,
    /** Rankings visible to all members (off: anti-形式主义; 支委 always see them). */
    publicRanking: z.boolean(),
    source: SourceSchema,
  }),

  evaluation: z.strictObject({
    grades: z.array(EvaluationGradeSchema).check(z.minLength(2)),
    excellentRatio: Ratio,
    /** Share of 不合格 votes that flags a member for 支委会 review (local: 1/3 or 1/2). */
    unqualifiedFlagShare: Ratio,
    /** Unit practice: limit 优秀 ticks on each ballot to the quota (default off). */
    perBallotExcellentLimit: z.boolean(),
    /** Whether voters grade themselves (default: self excluded). */
    includeSelf: z.boolean(),
    source: SourceSchema,
  }),

  /** 学时: each member ≥32 / year; 书记 and 支委 ≥56. */
  study: z.strictObject({ memberHours: Int(0, 500), committeeHours: Int(0, 500), source: SourceSchema }),

  /** 谈心谈话 coverage [HN]. */
  talks: z.strictObject({
    secretaryWithCommittee: Frequency,
    secretaryWithMembers: Frequency,
    committeeWithEachOther: Frequency,
    committeeWithLinkedMembers: Frequency,
    source: SourceSchema,
  }),

  branch: z.strictObject({
    minFormalForBranch: Int(1, 100),
    committeeFromFormal: Int(1, 100),
    committeeMin: Int(1, 15),
    committeeUsualMax: Int(1, 15),
    committeeMax: Int(1, 15),
    maxMembers: Int(1, 1000),
    nearMaxMembers: Int(1, 1000),
    groupMinMembers: Int(1, 100),
    groupsRecommendedFrom: Int(1, 1000),
    secretaryMinPartyYears: Int(0, 10),
    source: SourceSchema,
  }),

  term: z.strictObject({
    years: Int(1, 10),
    reminders: z.array(z.strictObject({ offsetMonths: Int(-24, 0), label: z.string().check(z.minLength(1)) })),
    hardOverdueMonths: Int(1, 60),
    source: SourceSchema,
  }),

  signIn: z.strictObject({ opensBeforeMinutes: Int(0, 24 * 60), closesAfterMinutes: Int(0, 24 * 60), source: SourceSchema }),

  attendance: z.strictObject({ warnMonths: Int(1, 24), escalateMonths: Int(1, 24), flagMonths: Int(1, 24), source: SourceSchema }),

  /** 公示 days (积分, 民主评议 results) — 7 by default. */
  publicity: z.strictObject({ days: Int(1, 60), source: SourceSchema }),

  reminders: z.strictObject({ themeDayLeadDays: Int(0, 7), politicalBirthdayLeadDays: Int(0, 60), source: SourceSchema }),

  /** 发展党员: ages, intervals, deadlines, people and the 公示 (《中国共产党发展党员工作细则》); `source` inside. */
  development: DevelopmentRuleSchema,
}).check(
  z.refine((p) => p.dues.arrearsWarnMonths < p.dues.arrearsFlagMonths, { message: '党费欠交提醒月数应小于提示脱党月数', path: ['dues'] }),
  z.refine((p) => p.attendance.warnMonths <= p.attendance.escalateMonths && p.attendance.escalateMonths <= p.attendance.flagMonths, {
    message: '缺席提醒月数应逐级递增',
    path: ['attendance'],
  }),
  z.refine((p) => p.branch.committeeMin <= p.branch.committeeUsualMax && p.branch.committeeUsualMax <= p.branch.committeeMax, {
    message: '支委会人数范围不正确',
    path: ['branch'],
  }),
  z.refine((p) => p.branch.nearMaxMembers <= p.branch.maxMembers, { message: '接近上限的人数不能大于上限', path: ['branch'] }),
  z.refine((p) => new Set(p.evaluation.grades).size === p.evaluation.grades.length, { message: '评议等次重复', path: ['evaluation', 'grades'] }),
)
export type Profile = z.infer<typeof ProfileSchema>

/** Per-branch overrides: any part of a profile, deeply partial; arrays replace, objects merge. */
export type ProfileOverrides = DeepPartial<Omit<Profile, 'id'>>

export type DeepPartial<T> = T extends readonly (infer _U)[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T
