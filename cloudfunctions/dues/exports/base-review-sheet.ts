/**
 * The 核算表 export (姓名, 类别, 基数, 金额 and a 备注): the bases in force in the year's current month (its
 * December once the year is over). It imports back unchanged (`importBases`, `../xlsx.ts`).
 */
import { DUES_CATEGORY_SHORT } from '@shared/rules/dues/categories'
import { duesBandOf } from '@shared/rules/dues/ledger'
import { monthsBetween } from '@shared/rules/time'
import { currentBase, type BranchDues, type BranchMemberRow } from '../model'
import type { DuesWorkbook } from './sheets'

export function baseReviewWorkbook(members: BranchMemberRow[], bd: BranchDues, year: number): DuesWorkbook {
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
