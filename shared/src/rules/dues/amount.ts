/**
 * The monthly 党费 amount (中组发〔2008〕3号, docs/DOMAIN.md §3): whole-base rate bands (upper bounds
 * inclusive), fixed and farmer amounts, rounding of a fraction of a fen, and the band in words. Money is
 * integer fen.
 */
import { RuleInputError } from '../errors'
import { assertFen, formatFen } from '../money'
import { DUES_CATEGORIES, type DuesCategory } from './categories'

/** How a computed amount with a fraction of a fen is rounded. The rules are silent; see docs/DOMAIN.md §3. */
export const DUES_ROUNDING_MODES = ['ceil-fen', 'half-up-fen', 'ceil-jiao'] as const

export type DuesRounding = (typeof DUES_ROUNDING_MODES)[number]

export const DUES_ROUNDING_LABELS: Record<DuesRounding, string> = {
  'ceil-fen': '不足1分按1分计（默认）',
  'half-up-fen': '四舍五入到分',
  'ceil-jiao': '向上取整到角',
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

/** `50` basis points → `0.5%`. */
export const rateText = (rateBp: number): string => `${rateBp / 100}%`

/** The band a member falls in, in words: `3000.00＜基数≤5000.00元，按1%交纳`, `每月0.20元（固定）`. */
export function duesBandText(rule: DuesRule): string {
  switch (rule.kind) {
    case 'rate': {
      const lower = rule.aboveFen > 0 ? `${formatFen(rule.aboveFen)}＜` : ''
      const upper = rule.upToFen === null ? `＞${formatFen(rule.aboveFen)}元` : `≤${formatFen(rule.upToFen)}元`
      const range = rule.upToFen === null ? `基数${upper}` : `${lower}基数${upper}`
      return `${range}，按${rateText(rule.rateBp)}交纳`
    }
    case 'fixed':
      return `每月${formatFen(rule.fen)}元（固定）`
    case 'farmer':
      return `每月${formatFen(rule.minFen)}—${formatFen(rule.maxFen)}元，支部确定为${formatFen(rule.fen)}元`
  }
}
