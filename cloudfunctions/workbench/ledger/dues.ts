/** The 党费交纳登记表 sheet. */
import type { Profile } from '@shared/profiles'
import { DUES_CATEGORY_LABELS } from '@shared/rules/dues/categories'
import { duesDueFen, duesStanding, type DuesMemberTerms } from '@shared/rules/dues/ledger'
import { monthsBetween } from '@shared/rules/time'
import type { MemberDoc } from '../../org/public/branches'
import type { Cell, Sheet } from '../../_kit/xlsx'
import { head, type DuesAccountDoc, type DuesLedgerDoc, type LedgerContext } from './context'

export type DuesMemberRow = Pick<MemberDoc, '_id' | 'name' | 'joinedAt' | 'duesCategory'> & { account: Pick<DuesAccountDoc, 'bases' | 'paidMonths' | 'reportedMonths'>[] }

/**
 * 党费交纳登记表: per member the amount in force, each month's confirmed payment, what the months up to
 * `throughMonth` owed and how much of it was paid — the dashboard's 应交 / 已交 — and 党费交至.
 */
export function duesSheet(
  ctx: LedgerContext,
  members: readonly DuesMemberRow[],
  ledger: readonly Pick<DuesLedgerDoc, 'memberId' | 'month' | 'paidFen' | 'status'>[],
  dues: Profile['dues'],
  throughMonth: string | null,
  lastDue: string,
): Sheet {
  const months = monthsBetween(`${ctx.year}-01`, `${ctx.year}-12`)
  const counted = throughMonth ? monthsBetween(`${ctx.year}-01`, throughMonth) : []
  const paid = new Map<string, number>()
  for (const e of ledger) if (e.status === 'paid') paid.set(`${e.memberId}_${e.month}`, (paid.get(`${e.memberId}_${e.month}`) ?? 0) + e.paidFen)
  let dueTotal = 0
  let paidTotal = 0
  const rows: Cell[][] = members.map((m, i) => {
    const acc = m.account[0]
    const terms: DuesMemberTerms = { joinedAt: m.joinedAt, firstMonth: dues.firstMonth, rounding: dues.rounding }
    const bases = acc?.bases ?? []
    const monthly = months.map((month) => {
      const p = paid.get(`${m._id}_${month}`)
      if (p !== undefined) return p
      const due = duesDueFen(bases, month, terms)
      return due === null ? '—' : due === 0 ? '免交' : month <= lastDue ? '未交' : ''
    })
    const due = counted.reduce((s, month) => s + (duesDueFen(bases, month, terms) ?? 0), 0)
    const got = counted.reduce((s, month) => s + (paid.get(`${m._id}_${month}`) ?? 0), 0)
    dueTotal += due
    paidTotal += got
    const standing = duesStanding({ bases, terms, paidMonths: acc?.paidMonths ?? [], pendingMonths: acc?.reportedMonths ?? [], throughMonth: lastDue, thresholds: { warnMonths: dues.arrearsWarnMonths, flagMonths: dues.arrearsFlagMonths } })
    const current = [...bases].reverse().find((b) => b.fromMonth <= `${ctx.year}-12`) ?? null
    return [i + 1, m.name, m.duesCategory ? DUES_CATEGORY_LABELS[m.duesCategory] : '', current ? current.monthlyFen : null, ...monthly, due, got, standing.paidThrough ?? '']
  })
  const through = throughMonth ? `${Number(throughMonth.slice(5))}月` : '—'
  return {
    name: '党费交纳登记表',
    ...head(ctx.branch, ctx.year, 'dues'),
    subtitle: `${ctx.subtitle}；应交、已交合计截至${through}（单位：元）`,
    columns: [
      { header: '序号', width: 6 },
      { header: '姓名', width: 10 },
      { header: '党费类别', width: 12 },
      { header: '月交纳额', width: 10, money: true },
      ...months.map((m) => ({ header: `${Number(m.slice(5))}月`, width: 8, money: true })),
      { header: '应交合计', width: 10, money: true },
      { header: '已交合计', width: 10, money: true },
      { header: '党费交至', width: 10 },
    ],
    rows,
    footer: ['合计', '', '', null, ...months.map(() => null), dueTotal, paidTotal, ''],
  }
}
