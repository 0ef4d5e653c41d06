/**
 * dues.voidPayment — undo a month recorded by mistake, with a reason; the ledger document is removed
 * (so the month can be recorded again) and the audit log keeps what it was.
 */
import type { dues } from '@shared/contract/dues'
import { AppError } from '@shared/contract/errors'
import { formatYuan } from '@shared/rules/money'
import { formatMonthCN } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import { branchDues, dueOf, ledgerId, memberDuesFor, monthView, removeMonths, standingOf, type MemberDuesLoad } from '../model'

export const voidPayment: Handler<typeof dues.actions.voidPayment, MemberDuesLoad> = {
  target: ({ memberId }, ctx) => memberDuesFor(ctx, memberId, false),
  run: async (input, ctx, { member, account, branch }) => {
    const bd = branchDues(branch, ctx.now)
    const id = ledgerId(member._id, input.month)
    const nowIso = ctx.now.toISOString()
    const { before, after } = await ctx.store.transaction(async (tx) => {
      const entry = await tx.get('dues_ledger', id)
      if (!entry || entry.status !== 'paid') throw new AppError('NOT_FOUND', `${formatMonthCN(input.month)}没有已登记的党费`)
      const acc = await tx.get('dues_accounts', member._id)
      await tx.remove('dues_ledger', id)
      const paidMonths = removeMonths(acc?.paidMonths ?? [], [input.month])
      if (acc) await tx.update('dues_accounts', acc._id, { paidMonths, updatedAt: nowIso })
      return { before: entry, after: acc ? { ...acc, paidMonths } : undefined }
    })
    await ctx.audit({
      branchId: member.branchId,
      action: 'dues.voidPayment',
      targetId: member._id,
      summary: `撤销${member.name}${formatMonthCN(input.month)}党费登记（${formatYuan(before.paidFen)}）：${input.reason}`,
      before,
    })
    return {
      memberId: member._id,
      month: monthView(input.month, dueOf(account, member, input.month, bd), undefined, bd),
      paidThrough: standingOf(after, member, bd).paidThrough,
    }
  },
}
