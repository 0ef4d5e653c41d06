/**
 * 党费 arrears (docs/DOMAIN.md §3): unpaid months, the current and longest run, 党费交至, and the flags —
 * warn at 3 months, 连续6个月 flagged for the 支部 (党章第九条; the software never acts).
 */
import { assertMonth, type MonthString, shiftMonth } from '../time'

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

/** The rule shown with a 6-month flag: the software never acts on it [N]. */
export const DUES_LAPSE_RULE_TEXT =
  '《中国共产党章程》第九条及中组发〔2008〕3号：党员连续6个月不交纳党费又没有正当理由的，视为自动脱党。是否认定须经支部大会讨论决定并报上级党组织批准，本系统仅作提示。'

export const DUES_WARN_RULE_TEXT = '党员连续3个月未交纳党费的，党支部应及时了解情况、提醒教育。'
