/** The 公示 export: one period's 党费收缴情况, one row per member and a 合计 row (the totals `publish` shows). */
import type { Period } from '@shared/rules/time'
import type { DuesLedgerDoc } from '../documents'
import type { BranchDues, BranchMemberRow } from '../model'
import { summarize } from '../summary'
import type { DuesWorkbook } from './sheets'

export function summaryWorkbook(members: BranchMemberRow[], ledger: readonly DuesLedgerDoc[], months: readonly string[], bd: BranchDues, period: Period): DuesWorkbook {
  const s = summarize(members, ledger, months, bd, period)
  const title = `${period.label}党费收缴情况`
  return {
    title,
    rows: s.rows.length,
    tables: [
      {
        name: '公示',
        title: `${bd.branch.name}${title}`,
        subtitle: `统计期间：${period.start} 至 ${period.end}`,
        columns: [
          { header: '序号', width: 6 },
          { header: '姓名', width: 12 },
          { header: '应交月数', width: 10 },
          { header: '应交金额（元）', width: 14, money: true },
          { header: '已交月数', width: 10 },
          { header: '实交金额（元）', width: 14, money: true },
          { header: '未交金额（元）', width: 14, money: true },
        ],
        rows: s.rows.map((r, i) => [i + 1, r.name, r.dueMonths, r.dueFen, r.paidMonths, r.paidFen, Math.max(0, r.dueFen - r.paidFen)]),
        footer: ['合计', `${s.totals.members}人`, null, s.totals.dueFen, null, s.totals.paidFen, Math.max(0, s.totals.dueFen - s.totals.paidFen)],
      },
    ],
  }
}
