/**
 * evaluation.exportXlsx — 民主评议党员登记表 / 民主测评汇总表 as .xlsx, after close: stored through the file port
 * (`_kit/exports.ts`) and answered with a temporary link.
 */
import type { evaluation } from '@shared/contract/evaluation'
import { beijingDate } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import { storeExport } from '../../_kit/exports'
import { loadBranch } from '../../org/public/branches'
import { assertClosed, roundWithRosterTarget, type RoundWithRoster } from '../data'
import { buildWorkbook } from '../export'
import { loadTally } from '../tally'
import { assessmentView } from '../views'

export const exportXlsx: Handler<typeof evaluation.actions.exportXlsx, RoundWithRoster> = {
  target: roundWithRosterTarget,
  run: async ({ roundId, kind }, ctx, { round, votedIds }) => {
    assertClosed(round)
    const [tally, branch] = await Promise.all([loadTally(ctx.store, roundId), loadBranch(ctx.store, round.branchId)])
    const assessment = assessmentView(round, tally, votedIds, beijingDate(ctx.now))
    const file = await buildWorkbook(kind, assessment, round, branch.name)
    return storeExport(`evaluation/exports/${round.branchId}/`, `${roundId}-${kind}`, file)
  },
}
