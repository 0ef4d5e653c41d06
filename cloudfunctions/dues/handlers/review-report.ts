/**
 * dues.reviewReport — the 党费管理员 confirms a member's "我已缴纳" (the months become paid, as reported)
 * or rejects it with a reason the member sees. A report already handled answers CONFLICT.
 */
import type { dues } from '@shared/contract/dues'
import { AppError } from '@shared/contract/errors'
import { formatYuan } from '@shared/rules/money'
import type { Handler } from '../../_kit/create-main'
import type { DuesLedgerDoc } from '../documents'
import { branchDues, dueOf, memberDuesFor, monthsCN, monthView, removeMonths, standingOf, type MemberDuesLoad } from '../model'
import { writePaidMonths } from '../payments'

export const reviewReport: Handler<typeof dues.actions.reviewReport, MemberDuesLoad> = {
  target: ({ memberId }, ctx) => memberDuesFor(ctx, memberId, false),
  run: async (input, ctx, { member, account, branch }) => {
    const bd = branchDues(branch, ctx.now)
    const entries = await ctx.store.find('dues_ledger', { memberId: member._id, paymentId: input.paymentId }, { limit: 20 })
    if (entries.length === 0) throw new AppError('NOT_FOUND', '没有找到该缴费报告')
    const pending = entries.filter((e) => e.status === 'reported')
    if (pending.length === 0) throw new AppError('CONFLICT', '该报告已处理')
    const report = pending[0]?.report
    if (!report) throw new AppError('CONFLICT', '该报告已处理')
    const nowIso = ctx.now.toISOString()
    const months = pending.map((e) => e.month).sort()

    if (input.approve) {
      // Amounts as owed now under the base in force each month (the 核定 may have changed since the report).
      const owed = months.map((month) => ({ month, dueFen: dueOf(account, member, month, bd) ?? 0 }))
      const { docs, account: after } = await ctx.store.transaction((tx) =>
        writePaidMonths(tx, {
          member,
          dues: owed,
          paidOn: report.paidOn,
          method: report.method,
          note: report.note,
          payerName: null,
          paymentId: input.paymentId,
          recorder: { memberId: ctx.caller.memberId, name: ctx.caller.name },
          bd,
          nowIso,
          expect: 'reported',
        }),
      )
      await ctx.audit({
        branchId: member.branchId,
        action: 'dues.reviewReport',
        targetId: member._id,
        summary: `确认${member.name}报告的${monthsCN(months)}党费${formatYuan(docs.reduce((s, d) => s + d.paidFen, 0))}`,
      })
      return { memberId: member._id, months: docs.map((d) => monthView(d.month, d.dueFen, d, bd)), paidThrough: standingOf(after, member, bd).paidThrough }
    }

    const reason = (input.reason ?? '').trim()
    const rejected = await ctx.store.transaction(async (tx) => {
      const acc = await tx.get('dues_accounts', member._id)
      const out: DuesLedgerDoc[] = []
      for (const e of pending) {
        const fresh = await tx.get('dues_ledger', e._id)
        if (fresh?.status !== 'reported' || fresh.paymentId !== input.paymentId) throw new AppError('CONFLICT', '该报告已处理')
        const patch = { status: 'rejected' as const, rejection: { reason, at: nowIso, byName: ctx.caller.name || '党费管理员' }, updatedAt: nowIso }
        await tx.update('dues_ledger', e._id, patch)
        out.push({ ...fresh, ...patch })
      }
      if (acc) await tx.update('dues_accounts', acc._id, { reportedMonths: removeMonths(acc.reportedMonths, months), updatedAt: nowIso })
      return { out, acc: acc ? { ...acc, reportedMonths: removeMonths(acc.reportedMonths, months) } : undefined }
    })
    await ctx.audit({
      branchId: member.branchId,
      action: 'dues.reviewReport',
      targetId: member._id,
      summary: `退回${member.name}报告的${monthsCN(months)}党费：${reason}`,
    })
    return {
      memberId: member._id,
      months: rejected.out.map((d) => monthView(d.month, dueOf(account, member, d.month, bd), d, bd)),
      paidThrough: standingOf(rejected.acc, member, bd).paidThrough,
    }
  },
}
