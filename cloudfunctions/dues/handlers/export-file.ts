/**
 * dues.exportFile — .xlsx exports written with exceljs and stored through the file port (CloudBase
 * storage in the cloud; the local backend's file route locally); answers a temporary download link.
 * `ledger`: the 党费交纳登记表 of a year (one row per member, paid amount per month) and a 明细 sheet with
 * one row per paid ledger month; `summary`: a 公示 period; `base-review`: the 核算表 (姓名, 类别, 基数, 金额).
 */
import type { dues } from '@shared/contract/dues'
import { DUES_METHOD_LABELS } from '@shared/contract/dues'
import { DUES_CATEGORY_SHORT } from '@shared/rules/dues/categories'
import { duesBandOf } from '@shared/rules/dues/ledger'
import { periodMonths, duesPeriodOf } from '@shared/rules/dues/publication'
import { monthsBetween } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import type { OrgDoc } from '../../org/public/branches'
import { files } from '../../_kit/files'
import { newId } from '../../_kit/ids'
import { branchDues, branchFor, currentBase, dueOf, loadBranchAccounts, standingOf, type BranchDues, type BranchMemberRow } from '../model'
import { summarize } from '../summary'
import { writeSheets, type Sheet } from '../../_kit/xlsx'

const LINK_SECONDS = 30 * 60

export const exportFile: Handler<typeof dues.actions.exportFile, OrgDoc> = {
  target: branchFor,
  run: async (input, ctx, branch) => {
    const bd = branchDues(branch, ctx.now)
    const members = await loadBranchAccounts(ctx, branch._id)
    let tables: Sheet[]
    let title: string
    let rows: number
    if (input.kind === 'base-review') {
      ;({ tables, title, rows } = baseReviewTables(members, bd, input.year))
    } else {
      const period = input.kind === 'summary' ? duesPeriodOf(input.period ?? String(input.year)) : duesPeriodOf(String(input.year))
      const months = periodMonths(period)
      const ledger = await ctx.store.findAll('dues_ledger', { branchId: branch._id, month: ctx.store.cmd.in(months), status: 'paid' })
      if (input.kind === 'summary') {
        const s = summarize(members, ledger, months, bd, period)
        title = `${period.label}党费收缴情况`
        rows = s.rows.length
        tables = [
          {
            name: '公示',
            title: `${branch.name}${title}`,
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
        ]
      } else {
        title = `${input.year}年党费交纳登记表`
        const byMember = new Map<string, Map<string, (typeof ledger)[number]>>()
        for (const e of ledger) byMember.set(e.memberId, (byMember.get(e.memberId) ?? new Map()).set(e.month, e))
        const register = members.map((m, i) => {
          const acc = m.account[0]
          const paid = byMember.get(m._id) ?? new Map()
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
        const detail = members.flatMap((m) =>
          [...(byMember.get(m._id)?.values() ?? [])]
            .sort((a, b) => (a.month < b.month ? -1 : 1))
            .map((e) => [m.name, e.month, e.dueFen, e.paidFen, e.paidOn ?? '', e.method ? DUES_METHOD_LABELS[e.method] : '', e.payerName ?? '', e.recordedByName ?? '', e.note ?? '']),
        )
        rows = detail.length
        tables = [
          {
            name: '登记表',
            title: `${branch.name}${title}`,
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
            rows: register,
          },
          {
            name: '明细',
            title: `${branch.name}${input.year}年党费交纳明细`,
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
        ]
      }
    }
    const content = await writeSheets(tables, { style: 'plain' })
    const fileName = `${branch.name}_${title}.xlsx`
    const fileId = await files().put(`dues/exports/${branch._id}/${input.kind}-${input.period ?? input.year}-${newId('x')}.xlsx`, content)
    const url = (await files().tempUrls([fileId], LINK_SECONDS)).get(fileId)
    if (!url) throw new Error('no download link for a file just stored')
    return { fileName, url, fileId, rows, bytes: content.length }
  },
}

function baseReviewTables(members: BranchMemberRow[], bd: BranchDues, year: number): { tables: Sheet[]; title: string; rows: number } {
  const month = monthsBetween(`${year}-01`, `${year}-12`).includes(bd.currentMonth) ? bd.currentMonth : `${year}-12`
  const title = `党员缴纳党费核算表（${year}年）`
  const rows = members.map((m, i) => {
    const base = currentBase(m.account[0], month)
    // 金额 is the standard amount (what the import checks); an approved reduction is noted beside it.
    const note = base ? `${duesBandOf(base)}${base.relief ? `；${base.relief.kind === 'exempt' ? '批准免交' : '批准减交'}（${base.relief.approvalRef}）` : ''}` : '未核定'
    return [i + 1, m.name, base ? DUES_CATEGORY_SHORT[base.category] : '', base?.baseFen ?? null, base?.standardFen ?? null, note]
  })
  return {
    title,
    rows: rows.length,
    tables: [
      {
        name: '核算表',
        title: `${bd.branch.name}${title}`,
        columns: [
          { header: '序号', width: 6 },
          { header: '姓名', width: 12 },
          { header: '类别', width: 10 },
          { header: '基数（元）', width: 12, money: true },
          { header: '金额（元）', width: 12, money: true },
          { header: '备注', width: 36 },
        ],
        rows,
      },
    ],
  }
}
