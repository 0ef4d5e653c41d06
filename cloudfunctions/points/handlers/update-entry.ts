/** points.updateEntry — a member edits their own 申报 while nobody has reviewed it and the month's deadline has not passed. */
import { AppError } from '@shared/contract/errors'
import type { points } from '@shared/contract/points'
import { beijingDate } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import type { PointsEntryDoc } from '../documents'
import { requireCurrent } from '../access'
import { loadHead, photoUrls } from '../engine'
import { canEditEntry, entryView } from '../model'
import { entryTarget } from './get-entry'
import { checkPhotos } from './submit-entry'

const round2 = (x: number): number => Math.round(x * 100) / 100

/** Refuse unless the caller may still edit `e` (own 申报, unreviewed, before its deadline). */
export const assertEditable = (e: PointsEntryDoc, ok: boolean): void => {
  if (ok) return
  if (e.origin !== 'declared') throw new AppError('RULE_VIOLATED', '自动记分和支委记录的积分不能修改', { rule: 'NOT_DECLARED' })
  if (e.status === 'withdrawn') throw new AppError('CONFLICT', '该申报已撤回')
  if (e.reviews.length > 0 || e.status === 'approved' || e.status === 'rejected' || e.status === 'revoked') {
    throw new AppError('CONFLICT', '该申报已审核，不能再修改')
  }
  throw new AppError('RULE_VIOLATED', '已过申报截止日期，不能再修改', { rule: 'DEADLINE_PASSED' })
}

export const updateEntry: Handler<typeof points.actions.updateEntry, PointsEntryDoc> = {
  target: entryTarget,
  run: async (input, ctx, e) => {
    const today = beijingDate(ctx.now)
    assertEditable(e, canEditEntry(ctx.caller, e, today))
    if (input.photos) checkPhotos(input.photos, e.branchId, e.memberId)

    let item: { code: string; name: string; points: number; evidenceRequired: boolean } | null = null
    const head = await loadHead(ctx.store, e.branchId)
    const current = requireCurrent(head)
    const scheme = current.version === e.schemeVersion ? current.scheme : null
    const code = input.itemCode ?? e.itemCode
    const found = scheme?.items.find((i) => i.code === code)
    if (input.itemCode && input.itemCode !== e.itemCode) {
      if (!found || !found.declarable || found.kind !== 'add') throw new AppError('RULE_VIOLATED', '该项目不能由党员申报', { rule: 'NOT_DECLARABLE' })
    }
    if (found) item = found
    const photos = input.photos ?? e.photos
    if (item?.evidenceRequired && head?.requireEvidence === true && photos.length === 0) throw new AppError('RULE_VIOLATED', `“${item.name}”需要上传照片作为佐证`, { rule: 'EVIDENCE_REQUIRED' })

    const count = input.count ?? e.count
    const perOccurrence = item ? item.points : e.points / e.count
    const nowIso = ctx.now.toISOString()
    const next = await ctx.store.transaction(async (tx) => {
      // Re-read inside the transaction: a review that landed meanwhile wins and the edit is refused.
      const fresh = await tx.get('points_entries', e._id)
      if (!fresh) throw new AppError('NOT_FOUND', '没有找到该积分记录')
      assertEditable(fresh, canEditEntry(ctx.caller, fresh, today))
      const doc: PointsEntryDoc = {
        ...fresh,
        itemCode: item?.code ?? fresh.itemCode,
        itemName: item?.name ?? fresh.itemName,
        count,
        points: round2(perOccurrence * count),
        description: input.description ?? fresh.description,
        photos,
        updatedAt: nowIso,
      }
      const { _id, ...body } = doc
      await tx.set('points_entries', _id, body)
      return doc
    })
    return entryView(next, ctx.caller, ctx.now, await photoUrls(next.photos))
  },
}
