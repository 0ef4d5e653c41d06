/**
 * The dues function's shared logic: the branch's dues terms from its profile, the ledger id, turning an
 * account and its ledger documents into the contract's month views, and the one-request loads
 * (aggregate with lookups) that keep member views at ≤2 requests and 支委 views at ≤4.
 */
import type { DuesMonth, DuesBaseView } from '@shared/contract/dues'
import { AppError } from '@shared/contract/errors'
import { resolveProfile, type Profile } from '@shared/profiles'
import { duesDayOf, lastDueMonth } from '@shared/rules/dues/months'
import type { DuesThresholds } from '@shared/rules/dues/arrears'
import { duesBandOf, duesBaseInForce, duesDueFen, duesLedgerStart, duesStanding, type DuesBaseRecord, type DuesMemberTerms, type DuesStanding } from '@shared/rules/dues/ledger'
import { beijingDate, beijingMonth, formatMonthCN, shiftMonth } from '@shared/rules/time'
import type { MemberDoc, OrgDoc } from '../org/public/branches'
import type { DuesAccountDoc, DuesLedgerDoc } from './documents'
import { branchTarget, MissingTarget, type TargetContext, type Targeted } from '../_kit/create-main'

/** Everything about a branch the dues rules need, from its profile (every number is profile data). */
export interface BranchDues {
  branch: OrgDoc
  profile: Profile['dues']
  duesDay: number
  thresholds: DuesThresholds
  today: string
  currentMonth: string
  /** The last month whose collection day has passed. */
  lastDue: string
}

export const branchDues = (branch: OrgDoc, now: Date): BranchDues => {
  const profile = resolveProfile(branch.profileId, (branch.profileOverrides ?? {}) as never).dues
  const today = beijingDate(now)
  return {
    branch,
    profile,
    duesDay: branch.duesDay,
    thresholds: { warnMonths: profile.arrearsWarnMonths, flagMonths: profile.arrearsFlagMonths },
    today,
    currentMonth: beijingMonth(now),
    lastDue: lastDueMonth(today, branch.duesDay),
  }
}

export const termsOf = (member: Pick<MemberDoc, 'joinedAt'>, bd: BranchDues): DuesMemberTerms => ({
  joinedAt: member.joinedAt,
  firstMonth: bd.profile.firstMonth,
  rounding: bd.profile.rounding,
})

/** `dues_ledger` id: one document per member and month (`m_b1_09_202611`). */
export const ledgerId = (memberId: string, month: string): string => `${memberId}_${month.replace('-', '')}`

export const baseView = (r: DuesBaseRecord): DuesBaseView => ({ ...r, band: duesBandOf(r) })

export const emptyAccount = (memberId: string, branchId: string, nowIso: string): Omit<DuesAccountDoc, '_id'> => ({
  memberId,
  branchId,
  bases: [],
  paidMonths: [],
  reportedMonths: [],
  proposal: null,
  createdAt: nowIso,
  updatedAt: nowIso,
})

/** Sorted set operations on month lists. */
export const addMonths = (list: readonly string[], add: readonly string[]): string[] => [...new Set([...list, ...add])].sort()
export const removeMonths = (list: readonly string[], remove: readonly string[]): string[] => list.filter((m) => !remove.includes(m))

/** One month as shown, from what it owes and its ledger document (if any). */
export function monthView(month: string, dueFen: number | null, entry: DuesLedgerDoc | undefined, bd: Pick<BranchDues, 'today' | 'duesDay'>): DuesMonth {
  let status: DuesMonth['status']
  if (entry?.status === 'paid') status = 'paid'
  else if (entry?.status === 'reported') status = 'reported'
  else if (dueFen === null) status = 'untracked'
  else if (dueFen === 0) status = 'exempt'
  else if (entry?.status === 'rejected') status = 'rejected'
  else status = bd.today > duesDayOf(month, bd.duesDay) ? 'overdue' : 'unpaid'
  const paid = status === 'paid' && entry ? entry : null
  return {
    month,
    status,
    dueFen,
    paidFen: paid?.paidFen ?? 0,
    paidOn: paid?.paidOn ?? null,
    method: paid?.method ?? null,
    note: paid?.note ?? null,
    payerName: paid?.payerName ?? null,
    recordedByName: paid?.recordedByName ?? null,
    shortFen: paid && dueFen !== null ? Math.max(0, dueFen - paid.paidFen) : 0,
    report: entry?.report
      ? {
          at: entry.report.at,
          method: entry.report.method,
          paidOn: entry.report.paidOn,
          note: entry.report.note,
          amountFen: entry.report.amountFen,
          hasScreenshot: entry.report.screenshotFileId !== null,
        }
      : null,
    rejection: entry?.status === 'rejected' ? entry.rejection : null,
  }
}

/** A member's standing (党费交至, arrears) from their account. */
export const standingOf = (account: DuesAccountDoc | undefined, member: Pick<MemberDoc, 'joinedAt'>, bd: BranchDues): DuesStanding =>
  duesStanding({
    bases: account?.bases ?? [],
    terms: termsOf(member, bd),
    paidMonths: account?.paidMonths ?? [],
    pendingMonths: account?.reportedMonths ?? [],
    throughMonth: bd.lastDue,
    thresholds: bd.thresholds,
  })

export const dueOf = (account: DuesAccountDoc | undefined, member: Pick<MemberDoc, 'joinedAt'>, month: string, bd: BranchDues): number | null =>
  duesDueFen(account?.bases ?? [], month, termsOf(member, bd))

export const ledgerStartOf = (account: DuesAccountDoc | undefined, member: Pick<MemberDoc, 'joinedAt'>, bd: BranchDues): string | null =>
  duesLedgerStart(account?.bases ?? [], termsOf(member, bd))

/** The record in force this month, or (before it starts) the latest one. */
export const currentBase = (account: DuesAccountDoc | undefined, month: string): DuesBaseRecord | null => {
  const bases = account?.bases ?? []
  return duesBaseInForce(bases, month) ?? bases[bases.length - 1] ?? null
}

/** The 预交 / 补交 window now, never before the member's first owed month. */
export const windowOf = (bd: BranchDues, start: string | null) => {
  const back = shiftMonth(bd.currentMonth, -bd.profile.backpayMaxMonths)
  return {
    earliest: start !== null && start > back ? start : back,
    latest: shiftMonth(bd.currentMonth, bd.profile.prepayMaxMonths),
    prepayMaxMonths: bd.profile.prepayMaxMonths,
    backpayMaxMonths: bd.profile.backpayMaxMonths,
  }
}

export const monthsCN = (months: readonly string[]): string => months.map(formatMonthCN).join('、')

// ---------------------------------------------------------------------------------------------------
// Loads.

export type MemberWithDues = MemberDoc & { account: DuesAccountDoc[]; branch: OrgDoc[]; ledger?: DuesLedgerDoc[] }

/** One member's dues as loaded: the member, their account (none before a first 核定), branch and ledger documents. */
export interface MemberDuesLoad {
  member: MemberDoc
  account: DuesAccountDoc | undefined
  branch: OrgDoc
  ledger: DuesLedgerDoc[]
}

/**
 * One member with their account, branch and (optionally) every ledger document: one aggregate request.
 * NOT_FOUND for an unknown or inactive member.
 */
export async function loadMemberDues(ctx: Pick<TargetContext, 'store'>, memberId: string, withLedger: boolean): Promise<MemberDuesLoad> {
  const rows = await ctx.store.aggregate<MemberWithDues>('members', (agg) => {
    let q = agg
      .match({ _id: memberId })
      .lookup({ from: 'dues_accounts', localField: '_id', foreignField: '_id', as: 'account' })
      .lookup({ from: 'orgs', localField: 'branchId', foreignField: '_id', as: 'branch' })
    if (withLedger) q = q.lookup({ from: 'dues_ledger', localField: '_id', foreignField: 'memberId', as: 'ledger' })
    return q
  })
  const row = rows[0]
  const branch = row?.branch[0]
  if (!row || !row.active || !branch) throw new AppError('NOT_FOUND', '没有找到该党员')
  const { account, branch: _b, ledger, ...member } = row
  return { member: member as MemberDoc, account: account[0], branch, ledger: ledger ?? [] }
}

/** The target step of an action about one member's dues: that member (branch, 党小组, self), loaded as `loadMemberDues`. */
export async function memberDuesFor(ctx: Pick<TargetContext, 'store'>, memberId: string, withLedger: boolean): Promise<Targeted<MemberDuesLoad>> {
  const loaded = await loadMemberDues(ctx, memberId, withLedger)
  const { member } = loaded
  return { target: { branchId: member.branchId, groupId: member.groupId, memberId: member._id }, loaded }
}

export type BranchMemberRow = MemberDoc & { account: DuesAccountDoc[] }

/** Every active member of a branch with their account: one aggregate request (≤1000 members). */
export const loadBranchAccounts = (ctx: Pick<TargetContext, 'store'>, branchId: string): Promise<BranchMemberRow[]> =>
  ctx.store.aggregate<BranchMemberRow>('members', (agg) =>
    agg
      .match({ branchId, active: true })
      .sort({ joinedAt: 1 })
      .lookup({ from: 'dues_accounts', localField: '_id', foreignField: '_id', as: 'account' })
      .limit(1000),
  )

/**
 * The target step of a branch-wide dues action: the branch named in the input, else the caller's
 * (`branchTarget`), with its document loaded: one request. NOT_FOUND when there is no such branch.
 */
export async function branchFor(input: { branchId?: string | undefined }, ctx: Pick<TargetContext, 'caller' | 'store'>): Promise<Targeted<OrgDoc>> {
  const { target, loaded: branchId } = branchTarget(input, ctx)
  const branch = await ctx.store.get('orgs', branchId)
  if (!branch || branch.kind !== 'branch') throw new MissingTarget(target, new AppError('NOT_FOUND', '没有找到该支部'))
  return { target, loaded: branch }
}

export const sumFen = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0)
