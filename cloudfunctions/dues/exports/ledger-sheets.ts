/**
 * The year's 党费交纳登记表 export: the 登记表 (one row per member, the paid amount per month, 免交 months marked)
 * and a 明细 sheet with one row per paid ledger month (its main table: the rows the reply counts).
 */
import { DUES_METHOD_LABELS } from '@shared/contract/dues'
import { DUES_CATEGORY_SHORT } from '@shared/rules/dues/categories'
import type { DuesLedgerDoc } from '../documents'
import { currentBase, dueOf, standingOf, type BranchDues, type BranchMemberRow } from '../model'
import type { Cell } from '../../_kit/xlsx'
import type { DuesWorkbook } from './sheets'

type PaidByMember = Map<string, Map<string, DuesLedgerDoc>>

function registerRows(members: BranchMemberRow[], byMember: PaidByMember, months: readonly string[], bd: BranchDues): Cell[][] {
  return members.map((m, i) => {
    const acc = m.account[0]
    const paid = byMember.get(m._id) ?? new Map<string, DuesLedgerDoc>()
    const base = currentBase(acc, months[months.length - 1] as string)
    const cells = months.map((month) => {
      const e = paid.get(month)
      if (e) return e.paidFen
      return dueOf(acc, m, month, bd) === 0 ? '免交' : null
    })
    const due = months.reduce((s, month) => s + (dueOf(acc, m, month, bd) ?? 0), 0)
    const total = [...paid.values()].reduce((s, e) => s + e.paidFen, 0)
    return [
      i + 1,
      m.name,
      base ? DUES_CATEGORY_SHORT[base.category] : '未核定',
      base?.baseFen ?? null,
      base?.monthlyFen ?? null,
      ...cells,
      due,
      total,
      standingOf(acc, m, bd).paidThrough ?? '',
    ]
  })
}

const detailRows = (members: BranchMemberRow[], byMember: PaidByMember): Cell[][] =>
  members.flatMap((m) =>
    [...(byMember.get(m._id)?.values() ?? [])]
      .sort((a, b) => (a.month < b.month ? -1 : 1))
      .map((e) => [m.name, e.month, e.dueFen, e.paidFen, e.paidOn ?? '', e.method ? DUES_METHOD_LABELS[e.method] : '', e.payerName ?? '', e.recordedByName ?? '', e.note ?? '']),
  )

export function ledgerWorkbook(members: BranchMemberRow[], ledger: readonly DuesLedgerDoc[], months: readonly string[], bd: BranchDues, year: number): DuesWorkbook {
  const title = `${year}年党费交纳登记表`
  const byMember: PaidByMember = new Map()
  for (const e of ledger) byMember.set(e.memberId, (byMember.get(e.memberId) ?? new Map()).set(e.month, e))
  const detail = detailRows(members, byMember)
  return {
    title,
    rows: detail.length,
    tables: [
      {
        name: '登记表',
        title: `${bd.branch.name}${title}`,
        subtitle: '各月栏为实交金额（元）；空白为未交',
        columns: [
          { header: '序号', width: 6 },
          { header: '姓名', width: 10 },
          { header: '类别', width: 9 },
          { header: '基数（元）', width: 11, money: true },
          { header: '月交纳额（元）', width: 11, money: true },
          ...months.map((m) => ({ header: `${Number(m.slice(5))}月`, width: 8, money: true })),
          { header: '应交合计（元）', width: 12, money: true },
          { header: '实交合计（元）', width: 12, money: true },
          { header: '党费交至', width: 10 },
        ],
        rows: registerRows(members, byMember, months, bd),
      },
      {
        name: '明细',
        title: `${bd.branch.name}${year}年党费交纳明细`,
        columns: [
          { header: '姓名', width: 10 },
          { header: '所属月份', width: 10 },
          { header: '应交（元）', width: 10, money: true },
          { header: '实交（元）', width: 10, money: true },
          { header: '交纳日期', width: 12 },
          { header: '方式', width: 8 },
          { header: '代交人', width: 10 },
          { header: '记录人', width: 10 },
          { header: '备注', width: 24 },
        ],
        rows: detail,
      },
    ],
  }
}
