/**
 * dues.memberDues — a member's dues page: the 核定 in force and its band, this month's amount and status,
 * 党费交至, arrears and history. Base and category: only the member, the 党费管理员 and the 书记 (the
 * policy). Two requests: the caller lookup and one aggregate (member + account + ledger + branch).
 */
import type { dues, MemberDues } from '@shared/contract/dues'
import { AppError } from '@shared/contract/errors'
import { duesDayOf } from '@shared/rules/dues/months'
import { shiftMonth } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import { baseView, branchDues, currentBase, dueOf, ledgerStartOf, memberDuesFor, monthView, standingOf, windowOf, type MemberDuesLoad } from '../model'

/** How far back the history goes. */
const HISTORY_MONTHS = 24

export const memberDues: Handler<typeof dues.actions.memberDues, MemberDuesLoad> = {
  // The member named, else the caller.
  target: async (input, ctx) => {
    const memberId = input.memberId ?? ctx.caller.memberId
    if (!memberId) throw new AppError('UNAUTHENTICATED')
    return memberDuesFor(ctx, memberId, true)
  },
  run: async (_input, ctx, { member, account, branch, ledger }) => {
    const bd = branchDues(branch, ctx.now)
    const byMonth = new Map(ledger.map((e) => [e.month, e]))
    const view = (month: string) => monthView(month, dueOf(account, member, month, bd), byMonth.get(month), bd)

    const start = ledgerStartOf(account, member, bd)
    const standing = standingOf(account, member, bd)
    const window = windowOf(bd, start)
    const lastRecorded = ledger.reduce((m, e) => (e.month > m ? e.month : m), bd.currentMonth)
    const history: MemberDues['history'] = []
    if (start !== null) {
      const from = start > shiftMonth(bd.currentMonth, -(HISTORY_MONTHS - 1)) ? start : shiftMonth(bd.currentMonth, -(HISTORY_MONTHS - 1))
      for (let m = lastRecorded; m >= from; m = shiftMonth(m, -1)) history.push(view(m))
    }

    const reportable: MemberDues['reportable'] = []
    if (start !== null) {
      for (let m = window.earliest; m <= window.latest; m = shiftMonth(m, 1)) {
        const v = view(m)
        if ((v.status === 'unpaid' || v.status === 'overdue' || v.status === 'rejected') && v.dueFen !== null && v.dueFen > 0) {
          reportable.push({ month: m, dueFen: v.dueFen })
        }
      }
    }

    const current = currentBase(account, bd.currentMonth)
    return {
      memberId: member._id,
      name: member.name,
      branchId: branch._id,
      branchName: branch.name,
      current: current ? baseView(current) : null,
      bases: (account?.bases ?? []).map(baseView).reverse(),
      proposal: account?.proposal ?? null,
      today: bd.today,
      currentMonth: bd.currentMonth,
      thisMonth: view(bd.currentMonth),
      collectionDate: duesDayOf(bd.currentMonth, bd.duesDay),
      paidThrough: standing.paidThrough,
      arrears: { unpaidMonths: standing.arrears.unpaidMonths, currentRun: standing.arrears.currentRun, flag: standing.arrears.flag, owedFen: standing.owedFen },
      history,
      window,
      reportable,
    }
  },
}
