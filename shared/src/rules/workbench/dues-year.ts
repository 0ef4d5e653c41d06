/**
 * 党费 of a year for the workbench (docs/DOMAIN.md §3): what the months up to the last due month owed, what
 * was collected for them, and who is behind (3 months: remind; 6: flag for the 支部, never acted on) [N].
 */
import type { DuesThresholds } from '../dues/arrears'
import { type DuesBaseRecord, duesDueFen, type DuesMemberTerms, duesStanding } from '../dues/ledger'
import { assertMonth, type DateString, monthsBetween, type MonthString } from '../time'

export interface DuesMemberYear {
  id: string
  name: string
  joinedAt: DateString
  bases: readonly DuesBaseRecord[]
  paidMonths: readonly MonthString[]
  reportedMonths: readonly MonthString[]
}

export interface DuesArrearsRow {
  memberId: string
  name: string
  run: number
  unpaidMonths: number
  owedFen: number
  flag: 'warn' | 'lapse-review'
}

export interface DuesYearSummary {
  /** The last month counted (the year's December, or the last month due now). Null: nothing due yet. */
  throughMonth: MonthString | null
  dueFen: number
  paidFen: number
  months: { month: MonthString; dueFen: number; paidFen: number }[]
  /** Members whose current run of unpaid months reaches the warning; longest first. */
  arrears: DuesArrearsRow[]
  /** Members with any 核定 (tracked by the dues ledger). */
  tracked: number
}

export function duesYearSummary(input: {
  members: readonly DuesMemberYear[]
  terms: Pick<DuesMemberTerms, 'firstMonth' | 'rounding'>
  thresholds: DuesThresholds
  year: number
  /** The last month whose collection day has passed (`lastDueMonth`). */
  lastDue: MonthString
  /** Paid amounts of confirmed ledger entries, by month. */
  paidFenByMonth: Readonly<Record<string, number>>
}): DuesYearSummary {
  const lastDue = assertMonth(input.lastDue)
  const dec = `${input.year}-12`
  const through = lastDue < `${input.year}-01` ? null : lastDue < dec ? lastDue : dec
  const months = through ? monthsBetween(`${input.year}-01`, through) : []
  const dueBy = new Map(months.map((m) => [m, 0]))
  const arrears: DuesArrearsRow[] = []
  let tracked = 0
  for (const m of input.members) {
    if (m.bases.length > 0) tracked += 1
    const terms: DuesMemberTerms = { joinedAt: m.joinedAt, firstMonth: input.terms.firstMonth, rounding: input.terms.rounding }
    for (const month of months) dueBy.set(month, (dueBy.get(month) ?? 0) + (duesDueFen(m.bases, month, terms) ?? 0))
    const standing = duesStanding({
      bases: m.bases,
      terms,
      paidMonths: m.paidMonths,
      pendingMonths: m.reportedMonths,
      throughMonth: lastDue,
      thresholds: input.thresholds,
    })
    const flag = standing.arrears.flag
    if (flag !== 'none') {
      arrears.push({ memberId: m.id, name: m.name, run: standing.arrears.currentRun, unpaidMonths: standing.arrears.unpaidMonths.length, owedFen: standing.owedFen, flag })
    }
  }
  const rows = months.map((month) => ({ month, dueFen: dueBy.get(month) ?? 0, paidFen: input.paidFenByMonth[month] ?? 0 }))
  arrears.sort((a, b) => b.run - a.run || a.name.localeCompare(b.name))
  return {
    throughMonth: through,
    dueFen: rows.reduce((s, r) => s + r.dueFen, 0),
    paidFen: rows.reduce((s, r) => s + r.paidFen, 0),
    months: rows,
    arrears,
    tracked,
  }
}
