/**
 * One review step, shared by reviewEntry and reviewBatch. A 支委 takes the final decision at any pending
 * stage (the 党小组 first review is optional); a 党小组长 only the first review of their own group. Nobody
 * reviews their own entry. Approval applies the caps and updates the member's year in one transaction.
 */
import { AppError } from '@shared/contract/errors'
import type { ReviewDecision } from '@shared/contract/points'
import type { PolicyRole } from '@shared/contract/roles'
import type { HandlerContext } from '../../_kit/create-main'
import type { PointsBranchDoc, PointsEntryDoc, PointsReviewDoc } from '../documents'
import { approveTx, itemOfEntry, scoringFor } from '../engine'
import { isPending } from '../model'

export interface Decision {
  decision: ReviewDecision
  points?: number
  reason?: string
}

/** Why this caller cannot take this step now, or null when they can. */
export const reviewRefusal = (ctx: HandlerContext, e: PointsEntryDoc, grants: PolicyRole[]): { code: 'FORBIDDEN' | 'CONFLICT'; message: string } | null => {
  if (e.memberId === ctx.caller.memberId) return { code: 'FORBIDDEN', message: '不能审核本人的申报' }
  if (e.status === 'withdrawn') return { code: 'CONFLICT', message: '该申报已撤回' }
  if (!isPending(e.status)) return { code: 'CONFLICT', message: '该申报已审核完毕' }
  if (!grants.includes('committee') && e.status !== 'pending-group') return { code: 'CONFLICT', message: '该申报已提交支委审核' }
  return null
}

export const checkDecision = (d: Decision): void => {
  if (d.decision === 'adjust' && d.points === undefined) throw new AppError('INVALID_INPUT', '请填写调整后的分值')
  if ((d.decision === 'adjust' || d.decision === 'reject') && !d.reason) {
    throw new AppError('INVALID_INPUT', d.decision === 'adjust' ? '请填写调整理由' : '请填写不通过的理由')
  }
  if (d.decision !== 'adjust' && d.points !== undefined) throw new AppError('INVALID_INPUT', '只有调整时才填写分值')
}

/** Apply one decision to `e` (already authorized): returns the entry as written. */
export const applyReview = async (ctx: HandlerContext, head: PointsBranchDoc, e: PointsEntryDoc, grants: PolicyRole[], d: Decision): Promise<PointsEntryDoc> => {
  const nowIso = ctx.now.toISOString()
  const stage: PointsReviewDoc['stage'] = grants.includes('committee') ? 'committee' : 'group'
  const review: PointsReviewDoc = {
    stage,
    decision: d.decision,
    byId: ctx.caller.memberId as string,
    byName: ctx.caller.name,
    points: d.decision === 'adjust' ? (d.points as number) : null,
    reason: d.reason ? d.reason : null,
    at: nowIso,
  }
  const awarded = d.decision === 'adjust' ? (d.points as number) : e.awarded
  const finalApprove = stage === 'committee' && d.decision !== 'reject'
  const item = finalApprove ? await itemOfEntry(ctx.store, head, e) : null
  const scoring = finalApprove ? await scoringFor(ctx.store, head, e.year) : null
  if (finalApprove && !scoring) throw new AppError('INTERNAL')

  return ctx.store.transaction(async (tx) => {
    const fresh = await tx.get('points_entries', e._id)
    if (!fresh) throw new AppError('NOT_FOUND', '没有找到该积分记录')
    // Another reviewer (or the member's edit) got there first.
    const refusal = reviewRefusal(ctx, fresh, grants)
    if (refusal) throw new AppError(refusal.code, refusal.message)
    if (fresh.updatedAt !== e.updatedAt) throw new AppError('CONFLICT', '该申报刚被修改，请刷新后再审核')
    if (finalApprove && item && scoring) {
      const entry = { ...fresh, awarded }
      const done = await approveTx(tx, entry, item, awarded ?? fresh.points, scoring, head.publications, ctx.now, review)
      return done.entry
    }
    const next: PointsEntryDoc = {
      ...fresh,
      awarded,
      status: d.decision === 'reject' ? 'rejected' : 'pending-committee',
      reviews: [...fresh.reviews, review],
      updatedAt: nowIso,
    }
    const { _id, ...body } = next
    await tx.set('points_entries', _id, body)
    return next
  })
}
