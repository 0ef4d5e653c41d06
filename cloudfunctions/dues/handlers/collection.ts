/**
 * dues.collection — the monthly collection screen: each member's amount, status, 党费交至 and arrears for
 * one month, with totals. Four requests: caller, branch, members with accounts, that month's ledger.
 */
import type { Collection, dues } from '@shared/contract/dues'
import { duesDayOf } from '@shared/rules/dues/months'
import type { Handler } from '../../_kit/create-main'
import type { OrgDoc } from '../../org/public/branches'
import { branchDues, branchFor, dueOf, loadBranchAccounts, monthView, standingOf, windowOf } from '../model'

export const collection: Handler<typeof dues.actions.collection, OrgDoc> = {
  target: branchFor,
  run: async (input, ctx, branch) => {
    const bd = branchDues(branch, ctx.now)
    const [members, ledger] = await Promise.all([
      loadBranchAccounts(ctx, branch._id),
      ctx.store.find('dues_ledger', { branchId: branch._id, month: input.month }, { limit: 1000 }),
    ])
    const byMember = new Map(ledger.map((e) => [e.memberId, e]))
    const rows: Collection['rows'] = members.map((m) => {
      const acc = m.account[0]
      const standing = standingOf(acc, m, bd)
      return {
        memberId: m._id,
        name: m.name,
        groupId: m.groupId,
        entry: monthView(input.month, dueOf(acc, m, input.month, bd), byMember.get(m._id), bd),
        paidThrough: standing.paidThrough,
        currentRun: standing.arrears.currentRun,
        flag: standing.arrears.flag,
      }
    })
    const tracked = rows.filter((r) => r.entry.dueFen !== null)
    const count = (s: string) => rows.filter((r) => r.entry.status === s).length
    return {
      branchId: branch._id,
      month: input.month,
      currentMonth: bd.currentMonth,
      collectionDate: duesDayOf(input.month, bd.duesDay),
      window: windowOf(bd, null),
      rows,
      totals: {
        members: rows.length,
        dueFen: tracked.reduce((s, r) => s + (r.entry.dueFen ?? 0), 0),
        paidFen: rows.reduce((s, r) => s + r.entry.paidFen, 0),
        paid: count('paid') + count('exempt'),
        reported: count('reported'),
        unpaid: count('unpaid') + count('overdue') + count('rejected'),
        untracked: count('untracked'),
      },
    }
  },
}
