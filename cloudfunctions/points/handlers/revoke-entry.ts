/** points.revokeEntry — a 支委 revokes an approved entry (e.g. answering an objection) with a reason; the totals follow. */
import { AppError } from '@shared/contract/errors'
import type { points } from '@shared/contract/points'
import type { Handler } from '../../_kit/create-main'
import type { PointsEntryDoc } from '../documents'
import { requireCurrent } from '../access'
import { loadHead, photoUrls, scoringFor } from '../engine'
import { debit, emptyYearDoc, entryView, yearDocId } from '../model'
import { entryTarget } from './get-entry'

export const revokeEntry: Handler<typeof points.actions.revokeEntry, PointsEntryDoc> = {
  target: entryTarget,
  run: async ({ entryId, reason }, ctx, e) => {
    if (e.memberId === ctx.caller.memberId) throw new AppError('FORBIDDEN', '不能撤销本人的积分')
    if (e.status !== 'approved') throw new AppError('CONFLICT', '只能撤销已通过的积分')
    const head = await loadHead(ctx.store, e.branchId)
    requireCurrent(head)
    const scoring = await scoringFor(ctx.store, head!, e.year)
    if (!scoring) throw new AppError('INTERNAL')
    const nowIso = ctx.now.toISOString()
    const next = await ctx.store.transaction(async (tx) => {
      const fresh = await tx.get('points_entries', entryId)
      if (!fresh || fresh.status !== 'approved') throw new AppError('CONFLICT', '只能撤销已通过的积分')
      const yid = yearDocId(fresh.memberId, fresh.year)
      const year = (await tx.get('points_years', yid)) ?? emptyYearDoc(fresh, fresh.year, scoring, head!.publications, nowIso)
      const doc: PointsEntryDoc = {
        ...fresh,
        status: 'revoked',
        reviews: [...fresh.reviews, { stage: 'committee', decision: 'reject', byId: ctx.caller.memberId as string, byName: ctx.caller.name, points: null, reason, at: nowIso }],
        updatedAt: nowIso,
      }
      const { _id, ...body } = doc
      await tx.set('points_entries', _id, body)
      const { _id: _y, ...yearBody } = debit(year, fresh, scoring, nowIso)
      await tx.set('points_years', yid, yearBody)
      return doc
    })
    await ctx.audit({
      branchId: e.branchId,
      action: 'points.revokeEntry',
      targetId: entryId,
      summary: `撤销 ${e.memberName} 的积分“${e.itemName}”（${e.month}，${e.counted ?? 0}分）：${reason}`,
      before: { status: e.status, counted: e.counted },
      after: { status: 'revoked' },
    })
    return entryView(next, ctx.caller, ctx.now, await photoUrls(next.photos))
  },
}
