/** development.listPipeline — everyone in the branch's 发展党员 procedure by stage, with what is due next, by when, overdue and missing. */
import type { development } from '@shared/contract/development'
import { DEVELOPMENT_STAGE_LABELS, DEVELOPMENT_STAGES } from '@shared/rules/development'
import { beijingDate } from '@shared/rules/time'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { loadBranch } from '../../org/public/branches'
import { findingsOf, profileOf, ruleSteps, summaryView } from '../model'

export const listPipeline: Handler<typeof development.actions.listPipeline, string> = {
  target: branchTarget,
  run: async (_input, ctx, branchId) => {
    const [branch, records] = await Promise.all([
      loadBranch(ctx.store, branchId),
      ctx.store.findAll('dev_records', { branchId }, { orderBy: [['appliedOn', 'asc']] }),
    ])
    const profile = profileOf(branch)
    const today = beijingDate(ctx.now)
    const summaries = records.map((r) => summaryView(r, findingsOf(ruleSteps(r), profile, today), profile, today))
    return {
      branchId,
      today,
      stages: DEVELOPMENT_STAGES.map((stage) => ({ stage, label: DEVELOPMENT_STAGE_LABELS[stage], records: summaries.filter((s) => s.stage === stage) })),
    }
  },
}
