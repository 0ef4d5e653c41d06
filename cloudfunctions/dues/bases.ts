/**
 * 核定: validating and saving members' category and base from `fromMonth` (the screen, the Excel import
 * and a confirmed self-submission share this). All rows are checked first; any bad row saves nothing.
 * The amount always comes from `monthlyDuesFen` with the branch's rounding (via `makeDuesBase`).
 */
import type { BaseEntryInput } from '@shared/contract/dues'
import { AppError, isAppError } from '@shared/contract/errors'
import { DUES_CATEGORY_LABELS } from '@shared/rules/dues/categories'
import { duesBaseUntil, makeDuesBase, upsertDuesBase, type DuesBaseRecord } from '@shared/rules/dues/ledger'
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
 * Members per transaction. CloudBase drops a transaction that has not committed within 30 s
 * (DATABASE_TRANSACTION_FAIL; local/db/engine.ts TRANSACTION_LIFETIME_MS): a batch is at most
 * 3 requests per member + start + commit = 152 requests, ≈ 3 s at 20 ms a request.
 */
export const SAVE_BATCH = 50
/**
 * Batches saved at once (different members, so their transactions never conflict): a 300-member branch is
 * 2 rounds of ≈ 3 s, well inside the dues function's 20 s timeout (`config.json`), where one batch after
 * another (≈ 900 requests) would not be.
 */
export const SAVE_PARALLEL = 3
/** Ledger corrections (one request per member with settled months) sent at once. */
const LEDGER_PARALLEL = 5

/** Runs `work` over `items` with at most `limit` at a time; the first failure rejects once the started ones end. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  let failed = false
  const errors: unknown[] = []
  const lane = async () => {
    while (!failed && next < items.length) {
      const item = items[next++] as T
      try {
        await work(item)
      } catch (e) {
        failed = true
        errors.push(e)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
  if (errors.length) throw errors[0]
}

/** Deep equality of stored JSON values, whatever the key order. */
const sameJson = (a: unknown, b: unknown): boolean => {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  return ka.length === kb.length && ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}

/**
 * Saves checked bases (every row was checked before, so a bad row saves nothing) in transactions of
 * SAVE_BATCH members: each account gets the record (replacing one of the same month), the member's
 * `duesCategory` follows the record in force now, and a submission by the member is cleared. Idempotent: an
 * account that already holds the record (and no submission) is left as it is, so a retry after a batch
 * failed converges and a rerun writes nothing. Then paid months under the new record take its amount
 * (outside the transactions: CloudBase transactions allow single-document operations only). One audit
 * entry lists the members actually changed, also when a later batch failed.
 */
export async function saveBases(ctx: HandlerContext, bd: BranchDues, checked: readonly CheckedBase[], source: string): Promise<void> {
  const nowIso = ctx.now.toISOString()
  const batches: CheckedBase[][] = []
  for (let i = 0; i < checked.length; i += SAVE_BATCH) batches.push(checked.slice(i, i + SAVE_BATCH))
  const changed: CheckedBase[] = []
  try {
    await eachLimited(batches, SAVE_PARALLEL, async (batch) => {
      const written = await ctx.store.transaction(async (tx) => {
        const out: CheckedBase[] = []
        for (const entry of batch) {
          const { member, record } = entry
          const stored = await tx.get('dues_accounts', member._id)
          const acc = stored ?? { _id: member._id, ...emptyAccount(member._id, member.branchId, nowIso) }
          const bases = upsertDuesBase(acc.bases, record)
          const inForce = currentBase({ ...acc, bases }, bd.currentMonth)
          if (inForce && inForce.category !== member.duesCategory) {
            await tx.update('members', member._id, { duesCategory: inForce.category, updatedAt: nowIso })
          }
          const held = acc.bases.find((b) => b.fromMonth === record.fromMonth)
          if (stored && held && sameJson(held, record) && acc.proposal === null && acc.branchId === member.branchId) continue
          const { _id, ...body } = { ...acc, branchId: member.branchId, bases, proposal: null, updatedAt: nowIso }
          await tx.set('dues_accounts', _id, body)
          out.push(entry)
        }
        return out
      })
      changed.push(...written)
      await eachLimited(written, LEDGER_PARALLEL, async ({ member, record }) => {
        const acc = member.account[0]
        const settled = [...(acc?.paidMonths ?? []), ...(acc?.reportedMonths ?? [])]
        const bases = upsertDuesBase(acc?.bases ?? [], record)
        const until = duesBaseUntil(bases, record.fromMonth)
        const affected = settled.filter((m) => m >= record.fromMonth && (until === null || m < until))
        if (affected.length === 0) return
        const ids = affected.map((m) => ledgerId(member._id, m))
        const { cmd } = ctx.store
        await ctx.store.updateWhere('dues_ledger', { _id: cmd.in(ids), dueFen: cmd.neq(record.monthlyFen) }, { dueFen: record.monthlyFen, updatedAt: nowIso })
      })
    })
  } finally {
    if (changed.length > 0) {
      await ctx.audit({
        branchId: bd.branch._id,
        action: 'dues.setBases',
        targetId: bd.branch._id,
        summary: `${source}：核定${changed.length}名党员的党费（${formatMonthCN(changed[0]?.record.fromMonth ?? bd.currentMonth)}起）`,
        after: changed.map(({ member, record }) => ({
          memberId: member._id,
          name: member.name,
          category: DUES_CATEGORY_LABELS[record.category],
          baseFen: record.baseFen,
          monthlyFen: record.monthlyFen,
        })),
      })
    }
  }
}
