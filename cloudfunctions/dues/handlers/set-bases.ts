/**
 * dues.setBases — 核定 for one or many members from a month: any bad row saves nothing (row errors name the
 * member); the save runs in transactions of ≤ 50 members and is idempotent (`saveBases`).
 */
import type { dues } from '@shared/contract/dues'
import type { Handler } from '../../_kit/create-main'
import type { OrgDoc } from '../../org/public/branches'
import { checkEntries, checkFromMonth, saveBases } from '../bases'
import { duesBandOf } from '@shared/rules/dues/ledger'
import { branchDues, branchFor, loadBranchAccounts } from '../model'

export const setBases: Handler<typeof dues.actions.setBases, OrgDoc> = {
  target: branchFor,
  run: async (input, ctx, branch) => {
    const bd = branchDues(branch, ctx.now)
    checkFromMonth(input.fromMonth, bd)
    const members = await loadBranchAccounts(ctx, branch._id)
    const checked = checkEntries(input.entries, input.fromMonth, members, bd)
    await saveBases(ctx, bd, checked, '核定党费')
    return { updated: checked.length, rows: checked.map(({ member, record }) => ({ memberId: member._id, monthlyFen: record.monthlyFen, band: duesBandOf(record) })) }
  },
}
