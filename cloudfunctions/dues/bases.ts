/**
 * 核定: validating and saving members' category and base from `fromMonth` (the screen, the Excel import
 * and a confirmed self-submission share this). All rows are checked first; any bad row saves nothing.
 * The amount always comes from `monthlyDuesFen` with the branch's rounding (via `makeDuesBase`).
 */
import type { BaseEntryInput } from '@shared/contract/dues'
import { AppError, isAppError } from '@shared/contract/errors'
import { DUES_CATEGORY_LABELS } from '@shared/rules/dues'
import { duesBaseUntil, makeDuesBase, upsertDuesBase, type DuesBaseRecord } from '@shared/rules/dues-extra'
import { formatMonthCN, shiftMonth } from '@shared/rules/time'
import type { HandlerContext } from '../_kit/create-main'
import { currentBase, emptyAccount, ledgerId, type BranchDues, type BranchMemberRow } from './model'

export interface CheckedBase {
  member: BranchMemberRow
  record: DuesBaseRecord
}

export interface RowError {
  memberId: string | null
  name: string
  message: string
}

/** How far from this month a 核定 may start (a year either way). */
export const FROM_MONTH_RANGE = 12

export function checkFromMonth(fromMonth: string, bd: BranchDues): void {
  if (fromMonth < shiftMonth(bd.currentMonth, -FROM_MONTH_RANGE) || fromMonth > shiftMonth(bd.currentMonth, FROM_MONTH_RANGE)) {
    throw new AppError('RULE_VIOLATED', `生效月份应在${formatMonthCN(shiftMonth(bd.currentMonth, -FROM_MONTH_RANGE))}至${formatMonthCN(shiftMonth(bd.currentMonth, FROM_MONTH_RANGE))}之间`, {
      rule: 'FROM_MONTH_OUT_OF_RANGE',
    })
  }
}

/** One entry → a base record, or the readable reason it cannot be. */
export function checkEntry(entry: BaseEntryInput, fromMonth: string, bd: BranchDues): DuesBaseRecord | string {
  try {
    return makeDuesBase(
      {
        fromMonth,
        category: entry.category,
        baseFen: entry.baseFen ?? null,
        farmerFen: entry.farmerFen ?? null,
        relief: entry.relief ?? null,
        note: entry.note?.trim() || null,
      },
      { rounding: bd.profile.rounding, farmerDefaultFen: bd.profile.farmerDefaultFen, assessedOn: bd.today },
    )
  } catch (e) {
    if (isAppError(e)) return e.message
    throw e
  }
}

/** Matches entries to the branch's members and checks each; throws INVALID_INPUT listing every bad row. */
export function checkEntries(entries: readonly BaseEntryInput[], fromMonth: string, members: readonly BranchMemberRow[], bd: BranchDues): CheckedBase[] {
  const byId = new Map(members.map((m) => [m._id, m]))
  const seen = new Set<string>()
  const errors: RowError[] = []
  const out: CheckedBase[] = []
  for (const entry of entries) {
    const member = byId.get(entry.memberId)
    if (!member) {
      errors.push({ memberId: entry.memberId, name: '', message: '不是本支部的党员' })
      continue
    }
    if (seen.has(member._id)) {
      errors.push({ memberId: member._id, name: member.name, message: '重复填写' })
      continue
    }
    seen.add(member._id)
    const r = checkEntry(entry, fromMonth, bd)
    if (typeof r === 'string') errors.push({ memberId: member._id, name: member.name, message: r })
    else out.push({ member, record: r })
  }
  if (errors.length) throw rowsError(errors)
  return out
}

export const rowsError = (errors: readonly RowError[]): AppError => {
  const first = errors[0] as RowError
  return new AppError('INVALID_INPUT', `${first.name ? `${first.name}：` : ''}${first.message}${errors.length > 1 ? `（共${errors.length}处错误）` : ''}，未保存任何数据`, {
    rows: errors.slice(0, 200),
  })
}

/**
 * Saves checked bases in one transaction (all or nothing): each account gets the record (replacing one
 * of the same month), the member's `duesCategory` follows the record in force now, and a submission by
 * the member is cleared. Then paid months under the new record take its amount (outside the transaction:
 * CloudBase transactions allow single-document operations only).
 */
export async function saveBases(ctx: HandlerContext, bd: BranchDues, checked: readonly CheckedBase[], source: string): Promise<void> {
  const nowIso = ctx.now.toISOString()
  await ctx.store.transaction(async (tx) => {
    for (const { member, record } of checked) {
      const acc = (await tx.get('dues_accounts', member._id)) ?? { _id: member._id, ...emptyAccount(member._id, member.branchId, nowIso) }
      const bases = upsertDuesBase(acc.bases, record)
      const { _id, ...body } = { ...acc, branchId: member.branchId, bases, proposal: null, updatedAt: nowIso }
      await tx.set('dues_accounts', _id, body)
      const inForce = currentBase({ ...acc, bases }, bd.currentMonth)
      if (inForce && inForce.category !== member.duesCategory) {
        await tx.update('members', member._id, { duesCategory: inForce.category, updatedAt: nowIso })
      }
    }
  })
  for (const { member, record } of checked) {
    const acc = member.account[0]
    const settled = [...(acc?.paidMonths ?? []), ...(acc?.reportedMonths ?? [])]
    const bases = upsertDuesBase(acc?.bases ?? [], record)
    const until = duesBaseUntil(bases, record.fromMonth)
    const affected = settled.filter((m) => m >= record.fromMonth && (until === null || m < until))
    if (affected.length === 0) continue
    const ids = affected.map((m) => ledgerId(member._id, m))
    await ctx.store.updateWhere('dues_ledger', { _id: ctx.store.cmd.in(ids) }, { dueFen: record.monthlyFen, updatedAt: nowIso })
  }
  await ctx.audit({
    branchId: bd.branch._id,
    action: 'dues.setBases',
    targetId: bd.branch._id,
    summary: `${source}：核定${checked.length}名党员的党费（${formatMonthCN(checked[0]?.record.fromMonth ?? bd.currentMonth)}起）`,
    after: checked.map(({ member, record }) => ({
      memberId: member._id,
      name: member.name,
      category: DUES_CATEGORY_LABELS[record.category],
      baseFen: record.baseFen,
      monthlyFen: record.monthlyFen,
    })),
  })
}

