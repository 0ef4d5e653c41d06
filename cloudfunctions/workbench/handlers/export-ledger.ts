/**
 * workbench.exportLedger — one 台账 (.xlsx) of a branch and year: the rows from the records (see
 * ../ledger.ts), stored through the `_kit/files` port, answered with a temporary link. 2–4 requests.
 */
import { AppError } from '@shared/contract/errors'
import { LEDGER_KIND_LABELS, type LedgerFile, type workbench } from '@shared/contract/workbench'
import { lastDueMonth } from '@shared/rules/dues/months'
import { beijingDate, formatDateCN } from '@shared/rules/time'
import { branchMembers, loadBranch } from '../../org/public/branches'
import { loadBranchBoard } from '../board-data'
import { branchTarget, type Handler, type HandlerContext } from '../../_kit/create-main'
import { files } from '../../_kit/files'
import { newId } from '../../_kit/ids'
import type { Collections } from '../../_kit/collections'
import { boardFacts } from '../board'
import { duesSheet, evaluationSheet, meetingSheets, pointsSheet, rosterSheet, type LedgerContext, type MeetingRecord } from '../ledger'
import { writeSheets, type Sheet } from '../../_kit/xlsx'

const URL_SECONDS = 3600

const MEETING_FIELDS = {
  kind: true, topic: true, date: true, time: true, place: true, groupId: true, hostName: true, recorderName: true,
  status: true, lockedAt: true, rosterIds: true, presentIds: true, leaveIds: true, exemptIds: true,
} as const

/** The tables of one kind. Exported for the tests, which compare them with the records. */
export async function ledgerSheets(ctx: Pick<HandlerContext, 'store' | 'now'>, branchId: string, year: number, kind: keyof typeof LEDGER_KIND_LABELS): Promise<Sheet[]> {
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
      const rounds = (await store.find('eval_rounds', { branchId, year }, { orderBy: [['seq', 'desc']], limit: 1 })) as Collections['eval_rounds'][]
      return [evaluationSheet(lc, rounds[0] ?? null)]
    }
  }
}

export const exportLedger: Handler<typeof workbench.actions.exportLedger, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const sheets = await ledgerSheets(ctx, branchId, input.year, input.kind)
    const content = await writeSheets(sheets, { style: 'ledger' })
    const label = LEDGER_KIND_LABELS[input.kind]
    const first = sheets[0] as Sheet
    const branchName = first.title.slice(0, first.title.indexOf(`${input.year}年`))
    const fileId = await files().put(`exports/${branchId}/${input.year}/${input.kind}-${newId('x')}.xlsx`, content)
    const url = (await files().tempUrls([fileId], URL_SECONDS)).get(fileId)
    if (!url) throw new AppError('INTERNAL', '文件服务暂时不可用，请稍后再试')
    const out: LedgerFile = {
      kind: input.kind,
      title: first.title,
      fileName: `${branchName}${input.year}年${label}.xlsx`,
      fileId,
      url,
      rows: first.rows.length,
      bytes: content.length,
    }
    return out
  },
}
