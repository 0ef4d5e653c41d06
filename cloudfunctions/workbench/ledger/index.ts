/**
 * The five 台账 of a branch and year as tables (Chinese headers), built from the records only — the same
 * readings the dashboard uses (held = locked records, turnout with exempt members due only when present,
 * 党费 due from the 核定 in force, collected = confirmed ledger months), so the file matches the screen.
 * One module per 台账 (roster, meetings, dues, points, evaluation); here, what each reads.
 */
import { AppError } from '@shared/contract/errors'
import type { LedgerKind } from '@shared/contract/workbench'
import { lastDueMonth } from '@shared/rules/dues/months'
import { beijingDate, formatDateCN } from '@shared/rules/time'
import { branchMembers, loadBranch } from '../../org/public/branches'
import type { HandlerContext } from '../../_kit/create-main'
import type { Sheet } from '../../_kit/xlsx'
import { boardFacts } from '../board'
import { loadBranchBoard } from '../board-data'
import type { EvalRoundDoc, LedgerContext } from './context'
import { duesSheet } from './dues'
import { evaluationSheet } from './evaluation'
import { meetingSheets, type MeetingRecord } from './meetings'
import { pointsSheet } from './points'
import { rosterSheet } from './roster'

const MEETING_FIELDS = {
  kind: true, topic: true, date: true, time: true, place: true, groupId: true, hostName: true, recorderName: true,
  status: true, lockedAt: true, rosterIds: true, presentIds: true, leaveIds: true, exemptIds: true,
} as const

/** The tables of one 台账 of `branchId` and `year`, read from the records (2–4 requests). */
export async function ledgerSheets(ctx: Pick<HandlerContext, 'store' | 'now'>, branchId: string, year: number, kind: LedgerKind): Promise<Sheet[]> {
  const { store, now } = ctx
  const today = beijingDate(now)
  const subtitle = `导出时间：${formatDateCN(today)}`
  if (kind === 'dues') {
    const [data, ledger] = await Promise.all([
      loadBranchBoard(store, branchId, year),
      store.findAll('dues_ledger', { branchId, status: 'paid', month: store.cmd.gte(`${year}-01`).and(store.cmd.lte(`${year}-12`)) }, { fields: { memberId: true, month: true, paidFen: true, status: true } }),
    ])
    if (!data) throw new AppError('NOT_FOUND', '没有找到该支部')
    const facts = boardFacts(data, year, now)
    const lc: LedgerContext = { branch: data.branch, year, subtitle }
    return [duesSheet(lc, data.members, ledger, facts.profile.dues, facts.dues.throughMonth, lastDueMonth(today, data.branch.duesDay))]
  }
  const [branch, members] = await Promise.all([loadBranch(store, branchId), branchMembers(store, branchId)])
  const lc: LedgerContext = { branch, year, subtitle }
  switch (kind) {
    case 'roster':
      return [rosterSheet(lc, members)]
    case 'meetings': {
      const meetings = (await store.findAll(
        'meetings',
        { branchId, date: store.cmd.gte(`${year}-01-01`).and(store.cmd.lte(`${year}-12-31`)), status: 'held' },
        { fields: MEETING_FIELDS },
      )) as MeetingRecord[]
      return meetingSheets(lc, meetings, members)
    }
    case 'points': {
      const years = await store.findAll('points_years', { branchId, year })
      return [pointsSheet(lc, members, years)]
    }
    case 'evaluation': {
      const rounds = (await store.find('eval_rounds', { branchId, year }, { orderBy: [['seq', 'desc']], limit: 1 })) as EvalRoundDoc[]
      return [evaluationSheet(lc, rounds[0] ?? null)]
    }
  }
}
