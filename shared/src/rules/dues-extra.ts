/**
 * 党费 ledger rules on top of `dues.ts` (中组发〔2008〕3号, docs/DOMAIN.md §3): a member's bases over time (a new
 * base applies from the month pay changed, 第十条), what each month owes, the band shown next to a base,
 * reading categories typed in a 《党员缴纳党费核算表》, and the 公示 periods. Pure: callers pass "today".
 */
import { DUES_CATEGORIES, type DuesCategory } from '../contract/org'
import {
  DUES_CATEGORY_LABELS,
  duesArrears,
  duesForMonthFen,
  duesPaidThrough,
  duesRuleOf,
  duesStartMonth,
  monthlyDuesFen,
  type DuesArrears,
  type DuesFirstMonth,
  type DuesRounding,
  type DuesRule,
  type DuesThresholds,
} from './dues'
import { RuleInputError } from './errors'
import { formatFen } from './money'
import { assertMonth, monthsBetween, periodOf, shiftMonth, type DateString, type MonthString, type Period } from './time'

/** Short category names as written in a 核算表 (and in our exports, so a file round-trips). */
export const DUES_CATEGORY_SHORT: Record<DuesCategory, string> = {
  employed: '在职',
  'annual-salary': '年薪制',
  'self-employed': '个体经营',
  retired: '离退休',
  farmer: '农民',
  student: '学生',
  unemployed: '下岗失业',
  relief: '抚恤救济',
  'low-income': '低保',
}

/** Categories whose monthly amount is a rate on a base (the others pay a fixed amount). */
export const RATE_DUES_CATEGORIES: readonly DuesCategory[] = ['employed', 'annual-salary', 'self-employed', 'retired']
export const isRateCategory = (c: DuesCategory): boolean => RATE_DUES_CATEGORIES.includes(c)

/** Extra words a 核算表 may use for a category, beyond the full and short names. */
const CATEGORY_ALIASES: Record<string, DuesCategory> = {
  在职人员: 'employed',
  在岗: 'employed',
  工资: 'employed',
  年薪: 'annual-salary',
  个体: 'self-employed',
  个体户: 'self-employed',
  个体经营者: 'self-employed',
  退休: 'retired',
  离休: 'retired',
  离退休人员: 'retired',
  农民党员: 'farmer',
  学生党员: 'student',
  下岗: 'unemployed',
  失业: 'unemployed',
  抚恤: 'relief',
  救济: 'relief',
  领取低保: 'low-income',
}

/** Reads a category as typed in a spreadsheet (`在职`, `离退休党员`, `低保` …); null when unknown. */
export function parseDuesCategory(text: string): DuesCategory | null {
  const t = text.replace(/\s+/g, '')
  if (t === '') return null
  for (const c of DUES_CATEGORIES) if (t === c || t === DUES_CATEGORY_SHORT[c] || t === DUES_CATEGORY_LABELS[c]) return c
  return CATEGORY_ALIASES[t] ?? CATEGORY_ALIASES[t.replace(/党员$/, '')] ?? null
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

/** 困难党员: a reduced amount or an exemption, approved (支部研究，上级批准) [N]. */
export interface DuesRelief {
  kind: 'reduced' | 'exempt'
  /** The approved monthly amount (0 when exempt). */
  monthlyFen: number
  /** The approval's reference (文号 or 会议记录). */
  approvalRef: string
}

/** One 核定 of a member's dues, in force from `fromMonth` until the next record. */
export interface DuesBaseRecord {
  fromMonth: MonthString
  category: DuesCategory
  /** The base in fen for rate categories; null for the fixed categories. */
  baseFen: number | null
  /** A 农民党员's amount set by the branch; null otherwise. */
  farmerFen: number | null
  /** `monthlyDuesFen` of the base with the branch's rounding. */
  standardFen: number
  relief: DuesRelief | null
  /** What is owed each month: `standardFen`, or the approved reduced amount, or 0 when exempt. */
  monthlyFen: number
  assessedOn: DateString
  note: string | null
}

export interface DuesBaseInput {
  fromMonth: MonthString
  category: DuesCategory
  baseFen?: number | null
  farmerFen?: number | null
  relief?: { kind: 'reduced'; monthlyFen: number; approvalRef: string } | { kind: 'exempt'; approvalRef: string } | null
  note?: string | null
}

/**
 * A base record from what the 党费管理员 entered: the amount always from `monthlyDuesFen` with the
 * branch's rounding; a reduction must be lower than the standard amount. Throws `RuleInputError`
 * (INVALID_INPUT) with a Chinese message for a missing base, a farmer amount outside 0.20–1.00 元 …
 */
export function makeDuesBase(
  input: DuesBaseInput,
  options: { rounding: DuesRounding; farmerDefaultFen: number; assessedOn: DateString },
): DuesBaseRecord {
  assertMonth(input.fromMonth, '生效月份')
  const rate = isRateCategory(input.category)
  const baseFen = rate ? (input.baseFen ?? undefined) : undefined
  const farmerFen = input.category === 'farmer' ? (input.farmerFen ?? options.farmerDefaultFen) : undefined
  const standardFen = monthlyDuesFen({ category: input.category, baseFen, farmerFen }, { rounding: options.rounding })
  let relief: DuesRelief | null = null
  if (input.relief) {
    const monthly = input.relief.kind === 'exempt' ? 0 : input.relief.monthlyFen
    if (input.relief.kind === 'reduced' && !(monthly < standardFen)) {
      throw new RuleInputError('INVALID_ARGUMENT', '减交后的金额应低于按基数计算的金额', { monthlyFen: monthly, standardFen })
    }
    relief = { kind: input.relief.kind, monthlyFen: monthly, approvalRef: input.relief.approvalRef }
  }
  return {
    fromMonth: input.fromMonth,
    category: input.category,
    baseFen: baseFen ?? null,
    farmerFen: farmerFen ?? null,
    standardFen,
    relief,
    monthlyFen: relief ? relief.monthlyFen : standardFen,
    assessedOn: options.assessedOn,
    note: input.note ?? null,
  }
}

/** The band of a record (for display). */
export const duesBandOf = (r: Pick<DuesBaseRecord, 'category' | 'baseFen' | 'farmerFen'>): string =>
  duesBandText(duesRuleOf({ category: r.category, baseFen: r.baseFen ?? undefined, farmerFen: r.farmerFen ?? undefined }))

/** `bases` with `record` added (replacing one with the same `fromMonth`), ordered by month. */
export function upsertDuesBase(bases: readonly DuesBaseRecord[], record: DuesBaseRecord): DuesBaseRecord[] {
  return [...bases.filter((b) => b.fromMonth !== record.fromMonth), record].sort((a, b) => (a.fromMonth < b.fromMonth ? -1 : 1))
}

/** The record in force in `month` (the latest starting on or before it), or null. */
export function duesBaseInForce(bases: readonly DuesBaseRecord[], month: MonthString): DuesBaseRecord | null {
  let found: DuesBaseRecord | null = null
  for (const b of bases) if (b.fromMonth <= month && (found === null || b.fromMonth > found.fromMonth)) found = b
  return found
}

/** The month a base record stops applying (exclusive): the next record's `fromMonth`, or null. */
export function duesBaseUntil(bases: readonly DuesBaseRecord[], fromMonth: MonthString): MonthString | null {
  const later = bases.filter((b) => b.fromMonth > fromMonth).map((b) => b.fromMonth).sort()
  return later[0] ?? null
}

export interface DuesMemberTerms {
  /** The day the 支部大会 accepted the member (预备党员 owe from then on) [N]. */
  joinedAt: DateString
  firstMonth: DuesFirstMonth
  rounding: DuesRounding
}

/** The first month the ledger tracks: the later of the first 核定 and the month the member starts owing. */
export function duesLedgerStart(bases: readonly DuesBaseRecord[], terms: Pick<DuesMemberTerms, 'joinedAt' | 'firstMonth'>): MonthString | null {
  const first = bases.reduce<MonthString | null>((m, b) => (m === null || b.fromMonth < m ? b.fromMonth : m), null)
  if (first === null) return null
  const start = duesStartMonth(terms.joinedAt, terms.firstMonth)
  return first > start ? first : start
}

/**
 * What `month` owes under the base in force then (pro-rated in the acceptance month when the profile says
 * so); null when the ledger does not track the month (before the first 核定 or before the member owes).
 */
export function duesDueFen(bases: readonly DuesBaseRecord[], month: MonthString, terms: DuesMemberTerms): number | null {
  const start = duesLedgerStart(bases, terms)
  if (start === null || month < start) return null
  const base = duesBaseInForce(bases, month)
  if (!base) return null
  return duesForMonthFen({ monthlyFen: base.monthlyFen, month, joinedAt: terms.joinedAt, firstMonth: terms.firstMonth, rounding: terms.rounding })
}

export interface DuesStanding {
  startMonth: MonthString | null
  /** 党费交至: the last month paid (or exempt) without a gap from the start, as on the 党员证. */
  paidThrough: MonthString | null
  arrears: DuesArrears
  /** Sum owed for the unpaid months (not counting reported ones). */
  owedFen: number
}

/**
 * A member's standing on `throughMonth` (the last month due): exempt months (owing 0) count as settled;
 * `pendingMonths` (self-reported, awaiting confirmation) do not raise arrears but do not move 党费交至.
 */
export function duesStanding(input: {
  bases: readonly DuesBaseRecord[]
  terms: DuesMemberTerms
  paidMonths: readonly MonthString[]
  pendingMonths?: readonly MonthString[]
  throughMonth: MonthString
  thresholds: DuesThresholds
}): DuesStanding {
  const { bases, terms } = input
  const startMonth = duesLedgerStart(bases, terms)
  const empty: DuesArrears = { unpaidMonths: [], currentRun: 0, longestRun: 0, flag: 'none' }
  if (startMonth === null) return { startMonth, paidThrough: null, arrears: empty, owedFen: 0 }
  const horizon = input.paidMonths.reduce((m, p) => (p > m ? p : m), input.throughMonth)
  const exempt = monthsBetween(startMonth, horizon).filter((m) => duesDueFen(bases, m, terms) === 0)
  const paidThrough = duesPaidThrough({ startMonth, paidMonths: input.paidMonths, exemptMonths: exempt })
  if (input.throughMonth < startMonth) return { startMonth, paidThrough, arrears: empty, owedFen: 0 }
  const arrears = duesArrears(
    { startMonth, throughMonth: input.throughMonth, paidMonths: [...input.paidMonths, ...(input.pendingMonths ?? [])], exemptMonths: exempt },
    input.thresholds,
  )
  const owedFen = arrears.unpaidMonths.reduce((sum, m) => sum + (duesDueFen(bases, m, terms) ?? 0), 0)
  return { startMonth, paidThrough, arrears, owedFen }
}

/** The rule shown with a 6-month flag: the software never acts on it [N]. */
export const DUES_LAPSE_RULE_TEXT =
  '《中国共产党章程》第九条及中组发〔2008〕3号：党员连续6个月不交纳党费又没有正当理由的，视为自动脱党。是否认定须经支部大会讨论决定并报上级党组织批准，本系统仅作提示。'

export const DUES_WARN_RULE_TEXT = '党员连续3个月未交纳党费的，党支部应及时了解情况、提醒教育。'

/** A 公示 period key: `2026-H1`, `2026-H2` (每半年) or `2026` (每年). */
export const DUES_PERIOD_KEY_RE = /^(\d{4})(?:-H([12]))?$/

/** The period of a key (`2026-H1` → Jan–Jun 2026). Throws `RuleInputError` for a malformed key. */
export function duesPeriodOf(key: string): Period {
  const m = DUES_PERIOD_KEY_RE.exec(key)
  if (!m) throw new RuleInputError('INVALID_ARGUMENT', '公示期间格式应为 2026-H1、2026-H2 或 2026', { key })
  const year = m[1] as string
  if (m[2] === undefined) return periodOf('year', `${year}-01-01`)
  return periodOf('half-year', `${year}-${m[2] === '1' ? '01' : '07'}-01`)
}

/** The months of a period, in order. */
export const periodMonths = (p: Pick<Period, 'start' | 'end'>): MonthString[] => monthsBetween(p.start.slice(0, 7), p.end.slice(0, 7))

/** The last completed publication period on `today` (the one to publish next), for a unit. */
export function lastClosedDuesPeriod(today: DateString, unit: 'half-year' | 'year'): Period {
  const current = periodOf(unit, today)
  return periodOf(unit, shiftMonth(current.start.slice(0, 7), -1) + '-01')
}
