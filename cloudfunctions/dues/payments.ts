/**
 * Checks shared by recording, reporting and confirming payments: each month owed, once, not already paid,
 * within the profile's 补交 / 预交 window (≤6 months [N]); refusals carry a message a member can act on.
 * And the transaction that writes paid months with their ledger documents, account and events.
 */
import type { DuesMethod } from '@shared/contract/dues'
import { AppError } from '@shared/contract/errors'
import { checkDuesPaymentMonths } from '@shared/rules/dues/payment'
import { duesDayOf } from '@shared/rules/dues/months'
import { formatYuan } from '@shared/rules/money'
import { formatMonthCN, shiftMonth } from '@shared/rules/time'
import type { MemberDoc } from '../org/public/branches'
import type { DuesAccountDoc, DuesLedgerDoc } from './documents'
import { emitEventTx } from '../_kit/events'
import type { Tx } from '../_kit/store'
import { addMonths, dueOf, ledgerId, ledgerStartOf, monthsCN, removeMonths, type BranchDues } from './model'

export interface MonthDue {
  month: string
  dueFen: number
}

/** The amount each month owes, or an AppError saying why it cannot be paid now. */
export function payableMonths(input: {
  months: readonly string[]
  account: DuesAccountDoc | undefined
  member: MemberDoc
  bd: BranchDues
  /** Months reported by the member and awaiting review (refused for a new report). */
  refuseReported: boolean
}): MonthDue[] {
  const { months, account, member, bd } = input
  const sorted = [...months].sort()
  if (new Set(sorted).size !== sorted.length) throw new AppError('INVALID_INPUT', '月份重复，请检查')
  const start = ledgerStartOf(account, member, bd)
  if (start === null) throw new AppError('RULE_VIOLATED', `尚未核定${member.name}的党费，请先完成核定`, { rule: 'NOT_ASSESSED' })
  const check = checkDuesPaymentMonths({
    currentMonth: bd.currentMonth,
    months: sorted,
    paidMonths: account?.paidMonths ?? [],
    startMonth: start,
    window: { prepayMaxMonths: bd.profile.prepayMaxMonths, backpayMaxMonths: bd.profile.backpayMaxMonths },
  })
  if (!check.ok) {
    const list = monthsCN(check.months)
    switch (check.reason) {
      case 'MONTH_ALREADY_PAID':
        throw new AppError('CONFLICT', `${list}的党费已登记，不能重复登记`, { months: check.months })
      case 'BEFORE_DUES_START':
        throw new AppError('RULE_VIOLATED', `${member.name}从${formatMonthCN(start)}起交纳党费，${list}不需交纳`, { rule: check.reason, months: check.months })
      case 'BACKPAY_BEYOND_WINDOW':
        throw new AppError(
          'RULE_VIOLATED',
          `补交最多可补前${bd.profile.backpayMaxMonths}个月（${formatMonthCN(shiftMonth(bd.currentMonth, -bd.profile.backpayMaxMonths))}起），${list}已超出，请由支部研究处理`,
          { rule: check.reason, months: check.months },
        )
      case 'PREPAY_BEYOND_WINDOW':
        throw new AppError(
          'RULE_VIOLATED',
          `预交最多可预交${bd.profile.prepayMaxMonths}个月（至${formatMonthCN(shiftMonth(bd.currentMonth, bd.profile.prepayMaxMonths))}），${list}已超出`,
          { rule: check.reason, months: check.months },
        )
      default:
        throw new AppError('INVALID_INPUT', '请选择要交纳的月份')
    }
  }
  if (input.refuseReported) {
    const reported = sorted.filter((m) => account?.reportedMonths.includes(m))
    if (reported.length) throw new AppError('CONFLICT', `${monthsCN(reported)}已报告缴纳，正在等待党费管理员确认`, { months: reported })
  }
  return sorted.map((month) => {
    const dueFen = dueOf(account, member, month, bd)
    if (dueFen === null) throw new AppError('RULE_VIOLATED', `${formatMonthCN(month)}尚未核定党费`, { rule: 'NOT_ASSESSED' })
    if (dueFen === 0) throw new AppError('RULE_VIOLATED', `${formatMonthCN(month)}已批准免交党费，无需登记`, { rule: 'EXEMPT' })
    return { month, dueFen }
  })
}

export const totalOf = (dues: readonly MonthDue[]): number => dues.reduce((s, d) => s + d.dueFen, 0)

export const checkPaidOn = (paidOn: string, bd: BranchDues): void => {
  if (paidOn > bd.today) throw new AppError('INVALID_INPUT', '交纳日期不能晚于今天')
  if (paidOn < `${Number(bd.today.slice(0, 4)) - 1}${bd.today.slice(4)}`) throw new AppError('INVALID_INPUT', '交纳日期不能早于一年前')
}

export interface PaidMonthsWrite {
  member: MemberDoc
  dues: readonly MonthDue[]
  paidOn: string
  method: DuesMethod
  note: string | null
  payerName: string | null
  paymentId: string
  recorder: { memberId: string | null; name: string }
  bd: BranchDues
  nowIso: string
  /** Only months currently in this state may be written (e.g. `reported` when confirming a report). */
  expect: 'unpaid' | 'reported'
}

/**
 * Inside a transaction: re-read the account and each month, refuse a month paid meanwhile (the second of
 * two concurrent payments gets CONFLICT), write the paid months, the account's settled list, and a
 * `dues.paid-on-time` event for months paid by their collection day. Returns the written documents.
 */
export async function writePaidMonths(tx: Tx, w: PaidMonthsWrite): Promise<{ docs: DuesLedgerDoc[]; account: DuesAccountDoc }> {
  const account = await tx.get('dues_accounts', w.member._id)
  if (!account) throw new AppError('RULE_VIOLATED', `尚未核定${w.member.name}的党费，请先完成核定`, { rule: 'NOT_ASSESSED' })
  const already = w.dues.filter((d) => account.paidMonths.includes(d.month)).map((d) => d.month)
  if (already.length) throw new AppError('CONFLICT', `${monthsCN(already)}的党费已登记，不能重复登记`, { months: already })
  const docs: DuesLedgerDoc[] = []
  for (const d of w.dues) {
    const id = ledgerId(w.member._id, d.month)
    const existing = await tx.get('dues_ledger', id)
    if (existing?.status === 'paid') throw new AppError('CONFLICT', `${formatMonthCN(d.month)}的党费已登记，不能重复登记`)
    if (w.expect === 'reported' && existing?.status !== 'reported') throw new AppError('CONFLICT', '该报告已处理')
    const base = account.bases.filter((b) => b.fromMonth <= d.month).pop()
    const doc: DuesLedgerDoc = {
      _id: id,
      memberId: w.member._id,
      branchId: w.member.branchId,
      month: d.month,
      status: 'paid',
      dueFen: d.dueFen,
      category: base?.category ?? 'employed',
      paidFen: d.dueFen,
      paidOn: w.paidOn,
      method: w.method,
      note: w.note,
      payerName: w.payerName,
      paymentId: w.paymentId,
      recordedBy: w.recorder.memberId,
      recordedByName: w.recorder.name,
      recordedAt: w.nowIso,
      report: existing?.report ?? null,
      rejection: null,
      createdAt: existing?.createdAt ?? w.nowIso,
      updatedAt: w.nowIso,
    }
    const { _id, ...body } = doc
    await tx.set('dues_ledger', _id, body)
    docs.push(doc)
    if (w.paidOn <= duesDayOf(d.month, w.bd.duesDay)) {
      await emitEventTx(
        tx,
        {
          type: 'dues.paid-on-time',
          sourceId: id,
          branchId: w.member.branchId,
          memberId: w.member._id,
          occurredAt: w.nowIso,
          data: { month: d.month, amountFen: d.dueFen },
        },
        new Date(w.nowIso),
      )
    }
  }
  const months = w.dues.map((d) => d.month)
  const next: DuesAccountDoc = {
    ...account,
    paidMonths: addMonths(account.paidMonths, months),
    reportedMonths: removeMonths(account.reportedMonths, months),
    updatedAt: w.nowIso,
  }
  await tx.update('dues_accounts', account._id, { paidMonths: next.paidMonths, reportedMonths: next.reportedMonths, updatedAt: w.nowIso })
  return { docs, account: next }
}

export const amountMismatch = (expected: number, given: number): AppError =>
  new AppError('RULE_VIOLATED', `所选月份应交${formatYuan(expected)}，与实收${formatYuan(given)}不符，请核对`, { rule: 'AMOUNT_MISMATCH', expectedFen: expected })
