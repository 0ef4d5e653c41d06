/**
 * dues.reportPayment — "我已缴纳": a member reports months paid by transfer (with an optional screenshot,
 * stored through the file port); the months show as 待确认 until the 党费管理员 confirms or rejects them.
 */
import type { dues, DuesMonth } from '@shared/contract/dues'
import { AppError } from '@shared/contract/errors'
import { formatYuan } from '@shared/rules/money'
import type { Handler } from '../../_kit/create-main'
import type { DuesLedgerDoc } from '../documents'
import { decodeUpload, files } from '../../_kit/files'
import { newId } from '../../_kit/ids'
import { addMonths, branchDues, ledgerId, memberDuesFor, monthsCN, monthView, type MemberDuesLoad } from '../model'
import { checkPaidOn, payableMonths, totalOf } from '../payments'

const SCREENSHOT_MAX_BYTES = 1024 * 1024

export const reportPayment: Handler<typeof dues.actions.reportPayment, MemberDuesLoad> = {
  target: ({ memberId }, ctx) => memberDuesFor(ctx, memberId, false),
  run: async (input, ctx, { member, account, branch }) => {
    const bd = branchDues(branch, ctx.now)
    checkPaidOn(input.paidOn, bd)
    const owed = payableMonths({ months: input.months, account, member, bd, refuseReported: true })
    const paymentId = newId('rep')
    const image = input.screenshot ? decodeUpload(input.screenshot.base64, input.screenshot.type, SCREENSHOT_MAX_BYTES) : null
    // Stored before the transaction: if the transaction then fails, an unreferenced file is the only trace.
    const screenshotFileId = image && input.screenshot ? await files().put(`dues/reports/${member.branchId}/${member._id}/${paymentId}.${input.screenshot.type}`, image) : null
    const nowIso = ctx.now.toISOString()
    const total = totalOf(owed)
    const docs = await ctx.store.transaction(async (tx) => {
      const acc = await tx.get('dues_accounts', member._id)
      if (!acc) throw new AppError('RULE_VIOLATED', '尚未核定您的党费，请联系党费管理员', { rule: 'NOT_ASSESSED' })
      const taken = owed.filter((d) => acc.paidMonths.includes(d.month) || acc.reportedMonths.includes(d.month)).map((d) => d.month)
      if (taken.length) throw new AppError('CONFLICT', `${monthsCN(taken)}已登记或已报告，请勿重复提交`, { months: taken })
      const out: DuesLedgerDoc[] = []
      for (const d of owed) {
        const id = ledgerId(member._id, d.month)
        const existing = await tx.get('dues_ledger', id)
        if (existing && existing.status !== 'rejected') throw new AppError('CONFLICT', `${monthsCN([d.month])}已登记或已报告，请勿重复提交`)
        const base = acc.bases.filter((b) => b.fromMonth <= d.month).pop()
        const doc: DuesLedgerDoc = {
          _id: id,
          memberId: member._id,
          branchId: member.branchId,
          month: d.month,
          status: 'reported',
          dueFen: d.dueFen,
          category: base?.category ?? 'employed',
          paidFen: 0,
          paidOn: null,
          method: null,
          note: null,
          payerName: null,
          paymentId,
          recordedBy: null,
          recordedByName: null,
          recordedAt: null,
          report: { at: nowIso, method: input.method, paidOn: input.paidOn, note: input.note?.trim() || null, amountFen: total, screenshotFileId },
          rejection: null,
          createdAt: existing?.createdAt ?? nowIso,
          updatedAt: nowIso,
        }
        const { _id, ...body } = doc
        await tx.set('dues_ledger', _id, body)
        out.push(doc)
      }
      await tx.update('dues_accounts', acc._id, { reportedMonths: addMonths(acc.reportedMonths, owed.map((d) => d.month)), updatedAt: nowIso })
      return out
    })
    await ctx.audit({
      branchId: member.branchId,
      action: 'dues.reportPayment',
      targetId: member._id,
      summary: `${member.name}报告已交纳${monthsCN(owed.map((d) => d.month))}党费${formatYuan(total)}，待确认`,
    })
    const months: DuesMonth[] = docs.map((d) => monthView(d.month, d.dueFen, d, bd))
    return { memberId: member._id, months }
  },
}
