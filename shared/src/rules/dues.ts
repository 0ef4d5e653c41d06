/**
 * 党费 rules (中组发〔2008〕3号, docs/DOMAIN.md §3): the monthly amount from a member's base (whole-base bands,
 * upper bounds inclusive), arrears and the 6-month lapse flag, the 预交 / 补交 window, publication
 * periods, the yearly 核定 of the base and the first month a 预备党员 pays. Money is integer fen; the
 * app records payments and never withholds or pays for a member.
 */
import { DUES_CATEGORIES, type DuesCategory } from '../contract/org'
import { RuleInputError } from './errors'
import { assertFen } from './money'
import {
  assertDate,
  assertMonth,
  daysInMonth,
  diffDays,
  monthOf,
  monthRange,
  parseDate,
  periodOf,
  periodsBetween,
  shiftMonth,
  type DateString,
  type MonthString,
  type Period,
} from './time'

export { DUES_CATEGORIES, type DuesCategory }

/** How a computed amount with a fraction of a fen is rounded. The rules are silent; see docs/DOMAIN.md §3. */
export const DUES_ROUNDING_MODES = ['ceil-fen', 'half-up-fen', 'ceil-jiao'] as const
export type DuesRounding = (typeof DUES_ROUNDING_MODES)[number]

export const DUES_ROUNDING_LABELS: Record<DuesRounding, string> = {
  'ceil-fen': '不足1分按1分计（默认）',
  'half-up-fen': '四舍五入到分',
  'ceil-jiao': '向上取整到角',
}

export const DUES_CATEGORY_LABELS: Record<DuesCategory, string> = {
  employed: '在职党员',
  'annual-salary': '实行年薪制的党员',
  'self-employed': '个体经营者等',
  retired: '离退休党员',
  farmer: '农民党员',
  student: '学生党员',
  unemployed: '下岗失业党员',
  relief: '依靠抚恤或救济生活的党员',
  'low-income': '领取低保的党员',
}

/** What the base is for each category (shown next to the input). */
export const DUES_BASE_LABELS: Partial<Record<DuesCategory, string>> = {
  employed: '每月工资收入（税后）',
  'annual-salary': '当月实际领取的薪酬（税后）',
  'self-employed': '上季度月平均纯收入（税后）',
  retired: '每月离退休费（养老金）总额',
}

/** One band of a whole-base (全额累进) table: the whole base pays `rateBp` ten-thousandths. */
export interface DuesRateBand {
  /** Upper bound of the band, inclusive, in fen; null = no upper bound. */
  upToFen: number | null
  /** Rate in basis points (1/10000): 50 = 0.5 %. */
  rateBp: number
}

/** 在职 / 年薪制 / 个体经营者等: ≤3000.00 0.5 %, ≤5000.00 1 %, ≤10000.00 1.5 %, above 2 % [N]. */
export const WAGE_RATE_BANDS: readonly DuesRateBand[] = [
  { upToFen: 300_000, rateBp: 50 },
  { upToFen: 500_000, rateBp: 100 },
  { upToFen: 1_000_000, rateBp: 150 },
  { upToFen: null, rateBp: 200 },
]

/** 离退休: ≤5000.00 0.5 %, above 1 % [N]. */
export const RETIRED_RATE_BANDS: readonly DuesRateBand[] = [
  { upToFen: 500_000, rateBp: 50 },
  { upToFen: null, rateBp: 100 },
]

/** 学生, 下岗失业, 依靠抚恤或救济, 领取低保: 0.20 元 a month [N]. */
export const FIXED_DUES_FEN = 20
/** 农民党员: 0.20–1.00 元 a month, set by the branch [N]. */
export const FARMER_DUES_RANGE_FEN = { min: 20, max: 100 } as const

const RATE_CATEGORIES: ReadonlySet<DuesCategory> = new Set(['employed', 'annual-salary', 'self-employed', 'retired'])

export interface MonthlyDuesInput {
  category: DuesCategory
  /** The base in fen: 税后 wage, that month's pay, last quarter's monthly average, or the pension. */
  baseFen?: number
  /** A 农民党员's monthly amount set by the branch, 20–100 fen (default 20). */
  farmerFen?: number
}

export interface MonthlyDuesOptions {
  rounding?: DuesRounding
}

/** How a member's monthly dues are determined: a rate on a base, a fixed amount, or the farmer range. */
export type DuesRule =
  | { kind: 'rate'; rateBp: number; aboveFen: number; upToFen: number | null; baseFen: number }
  | { kind: 'fixed'; fen: number }
  | { kind: 'farmer'; fen: number; minFen: number; maxFen: number }

/**
 * Rounds `numerator / denominator` fen (both non-negative integers) to a whole fen.
 * `ceil-fen` never undercharges (seed `003_…` names 四舍五入 as why members underpaid); `ceil-jiao`
 * rounds up to a whole 角 (10 fen).
 */
export function roundFen(numerator: number, denominator: number, mode: DuesRounding = 'ceil-fen'): number {
  switch (mode) {
    case 'ceil-fen':
      return Math.ceil(numerator / denominator)
    case 'half-up-fen':
      return Math.floor((2 * numerator + denominator) / (2 * denominator))
    case 'ceil-jiao':
      return Math.ceil(numerator / (10 * denominator)) * 10
    default:
      throw new RuleInputError('INVALID_ARGUMENT', '未知的党费取整方式', { rounding: String(mode) })
  }
}

/** The band and rate (or fixed amount) that applies to a member. Throws `RuleInputError` on bad input. */
export function duesRuleOf(input: MonthlyDuesInput): DuesRule {
  if (typeof input !== 'object' || input === null) throw new RuleInputError('INVALID_ARGUMENT', '党费计算参数不正确')
  const { category } = input
  if (!(DUES_CATEGORIES as readonly string[]).includes(category)) {
    throw new RuleInputError('INVALID_ARGUMENT', '未知的党费类别', { category: String(category) })
  }
  if (input.baseFen !== undefined) assertFen(input.baseFen, '党费基数')
  if (RATE_CATEGORIES.has(category)) {
    if (input.baseFen === undefined) throw new RuleInputError('MISSING_BASE', '请填写党费基数', { category })
    const baseFen = input.baseFen
    const bands = category === 'retired' ? RETIRED_RATE_BANDS : WAGE_RATE_BANDS
    // Upper bounds are inclusive: 3000.00 元 pays 0.5 %, 3000.01 元 pays 1 % on the whole base.
    // The last band is open-ended, so one always matches.
    const index = bands.findIndex((b) => b.upToFen === null || baseFen <= b.upToFen)
    const band = bands[index] as DuesRateBand
    const aboveFen = index === 0 ? 0 : ((bands[index - 1] as DuesRateBand).upToFen as number)
    return { kind: 'rate', rateBp: band.rateBp, aboveFen, upToFen: band.upToFen, baseFen }
  }
  if (category === 'farmer') {
    const fen = input.farmerFen ?? FARMER_DUES_RANGE_FEN.min
    if (!Number.isInteger(fen) || fen < FARMER_DUES_RANGE_FEN.min || fen > FARMER_DUES_RANGE_FEN.max) {
      throw new RuleInputError('FARMER_AMOUNT_OUT_OF_RANGE', '农民党员每月交纳党费应为0.20元至1.00元', { farmerFen: fen })
    }
    return { kind: 'farmer', fen, minFen: FARMER_DUES_RANGE_FEN.min, maxFen: FARMER_DUES_RANGE_FEN.max }
  }
  return { kind: 'fixed', fen: FIXED_DUES_FEN }
}

/**
 * The monthly dues in fen. Rate categories compute `base × rate` exactly and round any fraction of a
 * fen by `options.rounding` (default `ceil-fen`): 3000.00 → 1500, 3000.01 → 3001, 3333.33 → 3334,
 * 离退休 5000.00 → 2500. Fixed and farmer amounts are not rounded.
 * Throws `RuleInputError` for a missing, negative or non-integer base, or a farmer amount outside 20–100.
 */
export function monthlyDuesFen(input: MonthlyDuesInput, options: MonthlyDuesOptions = {}): number {
  const rule = duesRuleOf(input)
  if (rule.kind !== 'rate') return rule.fen
  const numerator = rule.baseFen * rule.rateBp
  if (!Number.isSafeInteger(numerator)) throw new RuleInputError('AMOUNT_TOO_LARGE', '党费基数过大', { baseFen: rule.baseFen })
  return roundFen(numerator, 10_000, options.rounding ?? 'ceil-fen')
}

/**
 * The dues base: the fixed, regular wage items minus 个人所得税 only [N-QA]; deducting 五险一金 too is a
 * local variant (`deductSocialInsurance`, default off). Never below zero.
 */
export function duesBaseFen(
  input: { wageFen: number; incomeTaxFen: number; socialInsuranceFen?: number },
  options: { deductSocialInsurance?: boolean } = {},
): number {
  const wage = assertFen(input.wageFen, '工资')
  const tax = assertFen(input.incomeTaxFen, '个人所得税')
  const social = options.deductSocialInsurance ? assertFen(input.socialInsuranceFen ?? 0, '五险一金') : 0
  return Math.max(0, wage - tax - social)
}

// ---------------------------------------------------------------------------------------------------
// Months owed, arrears and the payment window.

/**
 * The latest month whose collection day has passed on `today`: on or before the branch's dues day
 * the current month is not yet late. A dues day past the month's end means its last day.
 */
export function lastDueMonth(today: DateString, duesDay: number): MonthString {
  if (!Number.isInteger(duesDay) || duesDay < 1 || duesDay > 31) {
    throw new RuleInputError('INVALID_ARGUMENT', '党费收缴日应为1—31日', { duesDay })
  }
  const month = monthOf(today)
  const collectionDay = Math.min(duesDay, daysInMonth(month))
  return parseDate(today).day > collectionDay ? month : shiftMonth(month, -1)
}

/** The collection date of a month on the branch's dues day (clamped to the month's last day). */
export function duesDayOf(month: MonthString, duesDay: number): DateString {
  const { end } = monthRange(month)
  return `${month}-${String(Math.min(duesDay, Number(end.slice(8, 10)))).padStart(2, '0')}`
}

export interface DuesArrearsInput {
  /** First month the member owes dues (see `duesStartMonth`). */
  startMonth: MonthString
  /** Last month that is due now (see `lastDueMonth`). */
  throughMonth: MonthString
  paidMonths: Iterable<MonthString>
  /** Months approved as 免交 (困难党员, 支部研究 and 上级批准): settled, not owed. */
  exemptMonths?: Iterable<MonthString>
}

export interface DuesThresholds {
  /** Consecutive unpaid months that trigger a reminder / warning (3). */
  warnMonths: number
  /** Consecutive unpaid months that are flagged for the branch (6: 视为自行脱党 — flag only) [N]. */
  flagMonths: number
}

export const DEFAULT_DUES_THRESHOLDS: DuesThresholds = { warnMonths: 3, flagMonths: 6 }

export type DuesArrearsFlag = 'none' | 'warn' | 'lapse-review'

export interface DuesArrears {
  unpaidMonths: MonthString[]
  /** Unpaid months in a row ending at `throughMonth`. */
  currentRun: number
  longestRun: number
  /** `lapse-review`: the 支部 should look into it (连续6个月不交纳党费); the software never acts. */
  flag: DuesArrearsFlag
}

/** Unpaid months between `startMonth` and `throughMonth` and the consecutive-months flags. */
export function duesArrears(input: DuesArrearsInput, thresholds: DuesThresholds = DEFAULT_DUES_THRESHOLDS): DuesArrears {
  assertMonth(input.startMonth)
  assertMonth(input.throughMonth)
  const settled = new Set<string>([...input.paidMonths, ...(input.exemptMonths ?? [])])
  const unpaidMonths: MonthString[] = []
  let run = 0
  let longestRun = 0
  for (let m = input.startMonth; m <= input.throughMonth; m = shiftMonth(m, 1)) {
    if (settled.has(m)) {
      run = 0
    } else {
      unpaidMonths.push(m)
      run += 1
      longestRun = Math.max(longestRun, run)
    }
  }
  const flag: DuesArrearsFlag = run >= thresholds.flagMonths ? 'lapse-review' : run >= thresholds.warnMonths ? 'warn' : 'none'
  return { unpaidMonths, currentRun: run, longestRun, flag }
}

/**
 * The last month up to which the member has paid without a gap from `startMonth` (`已交至`), counting
 * 预交 months ahead; null when `startMonth` itself is unpaid.
 */
export function duesPaidThrough(input: { startMonth: MonthString; paidMonths: Iterable<MonthString>; exemptMonths?: Iterable<MonthString> }): MonthString | null {
  assertMonth(input.startMonth)
  const settled = new Set<string>([...input.paidMonths, ...(input.exemptMonths ?? [])])
  let last: MonthString | null = null
  for (let m = input.startMonth; settled.has(m); m = shiftMonth(m, 1)) last = m
  return last
}

export interface DuesPaymentWindowRule {
  /** 预交: months ahead of the current month a payment may cover (≤6) [N]. */
  prepayMaxMonths: number
  /** 补交: months behind the current month a payment may cover (≤6) [N]. */
  backpayMaxMonths: number
}

/** The months a payment recorded in `currentMonth` may cover, never before the member's start month. */
export function duesPaymentWindow(
  currentMonth: MonthString,
  rule: DuesPaymentWindowRule,
  startMonth?: MonthString,
): { earliest: MonthString; latest: MonthString } {
  const back = shiftMonth(currentMonth, -rule.backpayMaxMonths)
  const earliest = startMonth !== undefined && assertMonth(startMonth) > back ? startMonth : back
  return { earliest, latest: shiftMonth(currentMonth, rule.prepayMaxMonths) }
}

export type DuesPaymentCheck =
  | { ok: true }
  | {
      ok: false
      reason: 'NO_MONTHS' | 'DUPLICATE_MONTH' | 'MONTH_ALREADY_PAID' | 'BEFORE_DUES_START' | 'BACKPAY_BEYOND_WINDOW' | 'PREPAY_BEYOND_WINDOW'
      months: MonthString[]
    }

/**
 * Whether one payment may cover `months`: each once, none already paid, none before the member owes
 * dues, none beyond the 补交 / 预交 window. A refusal beyond the window is a rule outcome: the 支部 may
 * still decide a special case by hand.
 */
export function checkDuesPaymentMonths(input: {
  currentMonth: MonthString
  months: readonly MonthString[]
  paidMonths?: Iterable<MonthString>
  startMonth?: MonthString
  window: DuesPaymentWindowRule
}): DuesPaymentCheck {
  const months = input.months.map((m) => assertMonth(m))
  if (months.length === 0) return { ok: false, reason: 'NO_MONTHS', months: [] }
  const seen = new Set<string>()
  const duplicates = months.filter((m) => (seen.has(m) ? true : (seen.add(m), false)))
  if (duplicates.length > 0) return { ok: false, reason: 'DUPLICATE_MONTH', months: duplicates }
  const paid = new Set<string>(input.paidMonths ?? [])
  const already = months.filter((m) => paid.has(m))
  if (already.length > 0) return { ok: false, reason: 'MONTH_ALREADY_PAID', months: already }
  if (input.startMonth !== undefined) {
    const start = assertMonth(input.startMonth)
    const early = months.filter((m) => m < start)
    if (early.length > 0) return { ok: false, reason: 'BEFORE_DUES_START', months: early }
  }
  const { earliest, latest } = duesPaymentWindow(input.currentMonth, input.window)
  const tooOld = months.filter((m) => m < earliest)
  if (tooOld.length > 0) return { ok: false, reason: 'BACKPAY_BEYOND_WINDOW', months: tooOld }
  const tooFar = months.filter((m) => m > latest)
  if (tooFar.length > 0) return { ok: false, reason: 'PREPAY_BEYOND_WINDOW', months: tooFar }
  return { ok: true }
}

// ---------------------------------------------------------------------------------------------------
// The first month a 预备党员 pays, publication and the yearly 核定.

/**
 * How the month the 支部大会 accepted a 预备党员 is charged ([N]: from that day on): `full` (the whole
 * month, the usual practice), `prorated` (days from the acceptance day to the month's end), or
 * `next-month` (from the following month).
 */
export const DUES_FIRST_MONTH_MODES = ['full', 'prorated', 'next-month'] as const
export type DuesFirstMonth = (typeof DUES_FIRST_MONTH_MODES)[number]

/** The first month a member owes dues, given the date the 支部大会 accepted them. */
export function duesStartMonth(joinedAt: DateString, firstMonth: DuesFirstMonth = 'full'): MonthString {
  const month = monthOf(joinedAt)
  return firstMonth === 'next-month' ? shiftMonth(month, 1) : month
}

/**
 * The dues owed for one `month` by a member accepted on `joinedAt`: 0 before, the pro-rated share in
 * the first month when `firstMonth` is `prorated` (acceptance day included), the full amount otherwise.
 */
export function duesForMonthFen(input: {
  monthlyFen: number
  month: MonthString
  joinedAt: DateString
  firstMonth?: DuesFirstMonth
  rounding?: DuesRounding
}): number {
  const monthlyFen = assertFen(input.monthlyFen, '月党费')
  const firstMonth = input.firstMonth ?? 'full'
  const start = duesStartMonth(input.joinedAt, firstMonth)
  if (assertMonth(input.month) < start) return 0
  if (input.month > start || firstMonth !== 'prorated') return monthlyFen
  const { end } = monthRange(input.month)
  const days = diffDays(assertDate(input.joinedAt), end) + 1
  return Math.min(monthlyFen, roundFen(monthlyFen * days, daysInMonth(input.month), input.rounding ?? 'ceil-fen'))
}

/** Publication periods for dues collection: 每半年公布1次 [HN]; national minimum once a year. */
export type DuesPublicationUnit = 'half-year' | 'year'

/** The publication period a date belongs to. */
export function duesPublicationPeriod(date: DateString, unit: DuesPublicationUnit): Period {
  return periodOf(unit, date)
}

/** All publication periods of a year, in order. */
export function duesPublicationPeriods(year: number, unit: DuesPublicationUnit): Period[] {
  return periodsBetween(unit, `${year}-01-01`, `${year}-12-31`)
}

export interface DuesAssessmentStatus {
  /** The 核定 year: the base is re-determined once each calendar year. */
  year: number
  /** Deadline for the year's 《党员缴纳党费核算表》 (seed `003_…`: end of March). */
  deadline: DateString
  done: boolean
  overdue: boolean
}

/**
 * Whether this year's 核定 of the base is done (an assessment dated this calendar year) and whether its
 * deadline (`MM-DD`, default `03-31`) has passed. A pay change needs its own re-assessment besides this.
 */
export function duesAssessmentStatus(input: { today: DateString; lastAssessedOn: DateString | null; deadline?: string }): DuesAssessmentStatus {
  const { year } = parseDate(input.today)
  const deadline = assertDate(`${year}-${input.deadline ?? '03-31'}`, '核定截止日期')
  const done = input.lastAssessedOn !== null && assertDate(input.lastAssessedOn) >= `${year}-01-01`
  return { year, deadline, done, overdue: !done && input.today > deadline }
}
