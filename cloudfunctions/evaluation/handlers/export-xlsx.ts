/** evaluation.exportXlsx — 民主评议党员登记表 / 民主测评汇总表 as .xlsx (base64), after close. */
import type { evaluation } from '@shared/contract/evaluation'
import { beijingDate } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
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
    return buildWorkbook(kind, assessment, round, branch.name)
  },
}
