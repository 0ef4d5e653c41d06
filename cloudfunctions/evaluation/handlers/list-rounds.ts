/** evaluation.listRounds — a branch's rounds, newest first (summaries only: no 自评, no grades). */
import type { evaluation } from '@shared/contract/evaluation'
import { beijingDate } from '@shared/rules/time'
import type { EvalRoundDoc } from '../documents'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { summaryView } from '../views'

const SUMMARY_FIELDS = {
  branchId: true,
  year: true,
  seq: true,
  title: true,
  status: true,
  votingFrom: true,
  votingTo: true,
  repeatReason: true,
  publishedOn: true,
  publicityEndsOn: true,
}

export const listRounds: Handler<typeof evaluation.actions.listRounds, string> = {
  target: branchTarget,
  run: async (_input, ctx, branchId) => {
    const rounds = (await ctx.store.find(
      'eval_rounds',
      { branchId },
      { orderBy: [['year', 'desc'], ['seq', 'desc']], limit: 50, fields: SUMMARY_FIELDS },
    )) as EvalRoundDoc[]
    const today = beijingDate(ctx.now)
    return { rounds: rounds.map((r) => summaryView(r, today)) }
  },
}
