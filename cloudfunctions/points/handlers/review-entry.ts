/** points.reviewEntry — approve, adjust (with a reason) or reject (with a reason) one 申报; audited. */
import { AppError } from '@shared/contract/errors'
import { ENTRY_STATUS_LABELS, type points } from '@shared/contract/points'
import type { Handler } from '../../_kit/create-main'
import type { PointsEntryDoc } from '../documents'
import { loadHead, photoUrls } from '../engine'
import { entryView } from '../model'
import { requireCurrent } from '../access'
import { entryTarget } from './get-entry'
import { applyReview, checkDecision, reviewRefusal } from './review'

const DECISION_LABELS = { approve: '通过', adjust: '调整', reject: '不通过' } as const

export const reviewEntry: Handler<typeof points.actions.reviewEntry, PointsEntryDoc> = {
  target: entryTarget,
  run: async (input, ctx, e) => {
    const { grants } = ctx
    const refusal = reviewRefusal(ctx, e, grants)
    if (refusal) throw new AppError(refusal.code, refusal.message)
    checkDecision(input)
    const head = await loadHead(ctx.store, e.branchId)
    requireCurrent(head)
    const next = await applyReview(ctx, head as NonNullable<typeof head>, e, grants, input)
    await ctx.audit({
      branchId: e.branchId,
      action: 'points.reviewEntry',
      targetId: e._id,
      summary: `${DECISION_LABELS[input.decision]} ${e.memberName} 的积分申报“${e.itemName}”（${e.month}）：${ENTRY_STATUS_LABELS[next.status]}${next.counted !== null ? `，计${next.counted}分` : ''}`,
      before: { status: e.status, points: e.points, awarded: e.awarded },
      after: { status: next.status, awarded: next.awarded, counted: next.counted, reason: input.reason ?? null },
    })
    return entryView(next, ctx.caller, ctx.now, await photoUrls(next.photos))
  },
}
