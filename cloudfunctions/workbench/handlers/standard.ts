/** workbench.standard — a year's 五化 达标 self-assessment: the auto-scored items with their evidence, the hand scores, the totals. */
import type { StandardView, workbench } from '@shared/contract/workbench'
import { beijingDate } from '@shared/rules/time'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { attachmentUrls, canScore, handKey, itemView, loadAssessed, score } from '../self-assessment'
import { yearOf } from './common'

export const standard: Handler<typeof workbench.actions.standard, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const year = yearOf(input, ctx.now)
    const data = await loadAssessed(ctx.store, branchId, year)
    const { standard, hand, result } = score(data, year, ctx.now)
    const urls = await attachmentUrls(hand)
    const view: StandardView = {
      branchId,
      branchName: data.branch.name,
      year,
      today: beijingDate(ctx.now),
      standardName: standard.name,
      source: standard.source,
      areas: result.areas.map((a) => ({ code: a.code, title: a.title, max: a.max, score: a.score, items: a.items.map((s) => itemView(s, hand[handKey(s.item.code)], urls)) })),
      total: result.total,
      max: result.max,
      autoDeduction: result.autoDeduction,
      handDeduction: result.handDeduction,
      pending: result.pending,
      pendingMax: result.pendingMax,
      canScore: canScore(ctx.caller, branchId),
    }
    return view
  },
}
