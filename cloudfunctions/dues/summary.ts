/**
 * The 公示 of a period computed from accounts and the ledger: per member the months and amount due and
 * paid in the period, and totals. Never includes a base or category (visible to all members).
 */
import type { Publication } from '@shared/contract/dues'
import { duesPeriodOf, periodMonths } from '@shared/rules/dues/publication'
import type { Period } from '@shared/rules/time'
import type { DuesLedgerDoc } from './documents'
import type { HandlerContext } from '../_kit/create-main'
import { dueOf, loadBranchAccounts, type BranchDues } from './model'

export interface PeriodSummary {
  period: Period
  rows: Publication['rows']
  totals: Publication['totals']
}

export async function periodSummary(ctx: Pick<HandlerContext, 'store'>, bd: BranchDues, key: string): Promise<PeriodSummary> {
  const period = duesPeriodOf(key)
  const months = periodMonths(period)
  const [members, ledger] = await Promise.all([
    loadBranchAccounts(ctx, bd.branch._id),
    ctx.store.findAll('dues_ledger', { branchId: bd.branch._id, month: ctx.store.cmd.in(months), status: 'paid' }),
  ])
  return summarize(members, ledger, months, bd, period)
}

export function summarize(
  members: Awaited<ReturnType<typeof loadBranchAccounts>>,
  ledger: readonly DuesLedgerDoc[],
  months: readonly string[],
  bd: BranchDues,
  period: Period,
): PeriodSummary {
  const paidBy = new Map<string, DuesLedgerDoc[]>()
  for (const e of ledger) if (e.status === 'paid') paidBy.set(e.memberId, [...(paidBy.get(e.memberId) ?? []), e])
  const rows: Publication['rows'] = []
  for (const m of members) {
    const acc = m.account[0]
    const dues = months.map((month) => dueOf(acc, m, month, bd)).filter((d): d is number => d !== null && d > 0)
    const paid = paidBy.get(m._id) ?? []
    if (dues.length === 0 && paid.length === 0) continue
    rows.push({
      memberId: m._id,
      name: m.name,
      dueFen: dues.reduce((s, d) => s + d, 0),
      paidFen: paid.reduce((s, e) => s + e.paidFen, 0),
      dueMonths: dues.length,
      paidMonths: paid.length,
    })
  }
  return {
    period,
    rows,
    totals: {
      members: rows.length,
      dueFen: rows.reduce((s, r) => s + r.dueFen, 0),
      paidFen: rows.reduce((s, r) => s + r.paidFen, 0),
      fullyPaid: rows.filter((r) => r.paidMonths >= r.dueMonths && r.paidFen >= r.dueFen).length,
    },
  }
}
