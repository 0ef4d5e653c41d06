/**
 * points.reviewBatch — approve several 申报 at once (a month of a 党小组). Every entry must be within the
 * caller's scope (else FORBIDDEN for the whole batch); the caller's own, already reviewed or wrong-stage
 * ones are skipped with a reason. Entries are approved oldest month first so caps apply in order.
 */
import type { points } from '@shared/contract/points'
import type { Handler, Targeted, TargetContext } from '../../_kit/create-main'
import type { PointsEntryDoc } from '../documents'
import { AppError } from '@shared/contract/errors'
import { requireCurrent } from '../access'
import { loadHead } from '../engine'
import { entryScope } from './get-entry'
import { applyReview, reviewRefusal } from './review'

/** The entries asked for; the first is the action's target, every other one is authorized in turn. */
const batchTarget = async ({ entryIds }: { entryIds: string[] }, ctx: TargetContext): Promise<Targeted<PointsEntryDoc[]>> => {
  const ids = [...new Set(entryIds)]
  const docs = await ctx.store.find('points_entries', { _id: ctx.store.cmd.in(ids) }, { limit: 100 })
  const first = docs[0]
  if (!first) throw new AppError('NOT_FOUND', '没有找到这些申报')
  return { target: entryScope(first), loaded: docs }
}

export const reviewBatch: Handler<typeof points.actions.reviewBatch, PointsEntryDoc[]> = {
  target: batchTarget,
  run: async ({ entryIds }, ctx, docs) => {
    const ids = [...new Set(entryIds)]
    const grants = new Map(docs.map((e, i) => [e._id, i === 0 ? ctx.grants : ctx.authorize(entryScope(e))]))
    const skipped: { entryId: string; reason: string }[] = ids.filter((id) => !grants.has(id)).map((entryId) => ({ entryId, reason: '没有找到该申报' }))
    const branchIds = new Set(docs.map((d) => d.branchId))
    if (branchIds.size > 1) throw new AppError('INVALID_INPUT', '只能批量审核同一支部的申报')
    const head = await loadHead(ctx.store, docs[0]!.branchId)
    requireCurrent(head)
    let approved = 0
    let forwarded = 0
    const sorted = [...docs].sort((a, b) => (a.month === b.month ? (a.createdAt < b.createdAt ? -1 : 1) : a.month < b.month ? -1 : 1))
    for (const e of sorted) {
      const g = grants.get(e._id) ?? []
      const refusal = reviewRefusal(ctx, e, g)
      if (refusal) {
        skipped.push({ entryId: e._id, reason: refusal.message })
        continue
      }
      try {
        const next = await applyReview(ctx, head as NonNullable<typeof head>, e, g, { decision: 'approve' })
        if (next.status === 'approved') approved++
        else forwarded++
      } catch (err) {
        if (err instanceof AppError && (err.code === 'CONFLICT' || err.code === 'NOT_FOUND')) skipped.push({ entryId: e._id, reason: err.message })
        else throw err
      }
    }
    if (approved + forwarded > 0) {
      await ctx.audit({
        branchId: head!.branchId,
        action: 'points.reviewBatch',
        targetId: ids.slice(0, 5).join(','),
        summary: `批量审核积分申报：通过${approved}条，转支委${forwarded}条，跳过${skipped.length}条`,
        after: { approved, forwarded, skipped },
      })
    }
    return { approved, forwarded, skipped }
  },
}
