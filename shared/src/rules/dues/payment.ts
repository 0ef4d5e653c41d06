/**
 * The months one 党费 payment may cover (docs/DOMAIN.md §3): 预交 and 补交 at most 6 months [N], never
 * before the member owes dues, never a month already paid.
 */
import { assertMonth, type MonthString, shiftMonth } from '../time'

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
