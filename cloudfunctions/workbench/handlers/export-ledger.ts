/**
 * workbench.exportLedger — one 台账 (.xlsx) of a branch and year: the rows from the records (see
 * ../ledger/), stored through the file port (`_kit/exports.ts`), answered with a temporary link. 2–4 requests.
 */
import { LEDGER_KIND_LABELS, type LedgerFile, type workbench } from '@shared/contract/workbench'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { storeExport } from '../../_kit/exports'
import { writeSheets, type Sheet } from '../../_kit/xlsx'
import { ledgerSheets } from '../ledger'

export const exportLedger: Handler<typeof workbench.actions.exportLedger, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const sheets = await ledgerSheets(ctx, branchId, input.year, input.kind)
    const content = await writeSheets(sheets, { style: 'ledger' })
    const first = sheets[0] as Sheet
    const branchName = first.title.slice(0, first.title.indexOf(`${input.year}年`))
    const fileName = `${branchName}${input.year}年${LEDGER_KIND_LABELS[input.kind]}.xlsx`
    const file = await storeExport(`exports/${branchId}/${input.year}/`, input.kind, { fileName, content, rows: first.rows.length })
    const out: LedgerFile = { kind: input.kind, title: first.title, ...file }
    return out
  },
}
