/**
 * The 党费 ledger of a member (docs/DOMAIN.md §3): the bases over time (a new base applies from the month
 * pay changed, 第十条), 困难党员 relief, what each month owes, the member's standing (党费交至, arrears, owed),
 * and the yearly 核定 of the base.
 */
import { RuleInputError } from '../errors'
import { assertDate, assertMonth, type DateString, monthsBetween, type MonthString, parseDate } from '../time'
import { duesBandText, type DuesRounding, duesRuleOf, monthlyDuesFen } from './amount'
import { type DuesArrears, duesArrears, duesPaidThrough, type DuesThresholds } from './arrears'
import { type DuesCategory, isRateCategory } from './categories'
import { type DuesFirstMonth, duesForMonthFen, duesStartMonth } from './months'

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
export function baseReviewStatus(input: { today: DateString; lastAssessedOn: DateString | null; deadline?: string }): DuesAssessmentStatus {
  const { year } = parseDate(input.today)
  const deadline = assertDate(`${year}-${input.deadline ?? '03-31'}`, '核定截止日期')
  const done = input.lastAssessedOn !== null && assertDate(input.lastAssessedOn) >= `${year}-01-01`
  return { year, deadline, done, overdue: !done && input.today > deadline }
}
