/**
 * dues.recordPayment — the 党费管理员 records money received: one month (tick paid) or several at once
 * (预交 / 补交 within the profile's window), paid by the member or 代交 by someone named. The app records
 * money; it never withholds or pays for a member (不得垫交或扣缴). Concurrent payments of a month → one.
 */
import type { dues } from '@shared/contract/dues'
import { DUES_METHOD_LABELS } from '@shared/contract/dues'
import { formatYuan } from '@shared/rules/money'
import type { Handler } from '../../_kit/create-main'
import { newId } from '../../_kit/ids'
import { branchDues, memberDuesFor, monthsCN, monthView, standingOf, type MemberDuesLoad } from '../model'
import { amountMismatch, checkPaidOn, payableMonths, totalOf, writePaidMonths } from '../payments'

export const recordPayment: Handler<typeof dues.actions.recordPayment, MemberDuesLoad> = {
  target: ({ memberId }, ctx) => memberDuesFor(ctx, memberId, false),
  run: async (input, ctx, { member, account, branch }) => {
    const bd = branchDues(branch, ctx.now)
    checkPaidOn(input.paidOn, bd)
    const owed = payableMonths({ months: input.months, account, member, bd, refuseReported: false })
    const total = totalOf(owed)
    if (input.amountFen !== undefined && input.amountFen !== total) throw amountMismatch(total, input.amountFen)
    const nowIso = ctx.now.toISOString()
    const payerName = input.payerName?.trim() || null
    const { docs, account: after } = await ctx.store.transaction((tx) =>
      writePaidMonths(tx, {
        member,
        dues: owed,
        paidOn: input.paidOn,
        method: input.method,
        note: input.note?.trim() || null,
        payerName,
        paymentId: newId('pay'),
        recorder: { memberId: ctx.caller.memberId, name: ctx.caller.name },
        bd,
        nowIso,
        expect: 'unpaid',
      }),
    )
    await ctx.audit({
      branchId: member.branchId,
      action: 'dues.recordPayment',
      targetId: member._id,
      summary: `登记${member.name}${monthsCN(owed.map((d) => d.month))}党费${formatYuan(total)}（${DUES_METHOD_LABELS[input.method]}${payerName ? `，${payerName}代交` : ''}）`,
      after: docs.map((d) => ({ id: d._id, paidFen: d.paidFen, paidOn: d.paidOn })),
    })
    const byMonth = new Map(docs.map((d) => [d.month, d]))
    return {
      memberId: member._id,
      months: owed.map((d) => monthView(d.month, d.dueFen, byMonth.get(d.month), bd)),
      totalFen: total,
      paidThrough: standingOf(after, member, bd).paidThrough,
    }
  },
}
