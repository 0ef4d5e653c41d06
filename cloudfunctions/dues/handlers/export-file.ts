/**
 * dues.exportFile — .xlsx exports written with the kit's writer and stored through the file port
 * (`_kit/exports.ts`); answers a temporary download link. What each kind holds is in `../exports/`:
 * `ledger`: the 党费交纳登记表 of a year and its 明细 (`ledger-sheets.ts`); `summary`: a 公示 period
 * (`summary-sheet.ts`); `base-review`: the 核算表 (`base-review-sheet.ts`).
 */
import type { dues } from '@shared/contract/dues'
import { duesPeriodOf, periodMonths } from '@shared/rules/dues/publication'
import type { Handler } from '../../_kit/create-main'
import type { OrgDoc } from '../../org/public/branches'
import { storeExport } from '../../_kit/exports'
import { writeSheets } from '../../_kit/xlsx'
import { baseReviewWorkbook } from '../exports/base-review-sheet'
import { ledgerWorkbook } from '../exports/ledger-sheets'
import type { DuesWorkbook } from '../exports/sheets'
import { summaryWorkbook } from '../exports/summary-sheet'
import { branchDues, branchFor, loadBranchAccounts } from '../model'

export const exportFile: Handler<typeof dues.actions.exportFile, OrgDoc> = {
  target: branchFor,
  run: async (input, ctx, branch) => {
    const bd = branchDues(branch, ctx.now)
    const members = await loadBranchAccounts(ctx, branch._id)
    let book: DuesWorkbook
    if (input.kind === 'base-review') book = baseReviewWorkbook(members, bd, input.year)
    else {
      const period = duesPeriodOf(input.kind === 'summary' ? (input.period ?? String(input.year)) : String(input.year))
      const months = periodMonths(period)
      const ledger = await ctx.store.findAll('dues_ledger', { branchId: branch._id, month: ctx.store.cmd.in(months), status: 'paid' })
      book = input.kind === 'summary' ? summaryWorkbook(members, ledger, months, bd, period) : ledgerWorkbook(members, ledger, months, bd, input.year)
    }
    const content = await writeSheets(book.tables, { style: 'plain' })
    return storeExport(`dues/exports/${branch._id}/`, `${input.kind}-${input.period ?? input.year}`, { fileName: `${branch.name}_${book.title}.xlsx`, content, rows: book.rows })
  },
}
