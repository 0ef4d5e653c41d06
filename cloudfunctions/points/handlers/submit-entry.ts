/**
 * points.submitEntry — the monthly 申报: a declarable item of the scheme in force that month, what the
 * member did and photos, before the month's deadline. It waits for the 党小组长 (when the scheme asks for a
 * first review and the member is in a 党小组) or the 支委; items without approval count at once.
 */
import { AppError } from '@shared/contract/errors'
import type { points } from '@shared/contract/points'
import { canDeclare, declareDeadline } from '@shared/rules/points/calendar'
import { beijingDate, monthRange } from '@shared/rules/time'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { inFolder } from '../../_kit/files'
import { isDuplicate } from '../../_kit/store'
import { requireCurrent } from '../access'
import { approveTx, loadHead, photoUrls, schemeAt, scoringFor } from '../engine'
import { declaredEntry, declaredEntryId, entryView } from '../model'
import { loadEntry } from './get-entry'

/** Photos must sit in the caller's own upload folder (see uploadPhoto). */
export const checkPhotos = (photos: readonly string[], branchId: string, memberId: string): void => {
  if (photos.some((p) => !inFolder(p, `points/${branchId}/${memberId}/`))) throw new AppError('INVALID_INPUT', '只能使用本人上传的照片')
  if (new Set(photos).size !== photos.length) throw new AppError('INVALID_INPUT', '照片重复')
}

export const submitEntry: Handler<typeof points.actions.submitEntry, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const c = ctx.caller
    const memberId = c.memberId as string
    const photos = input.photos ?? []
    checkPhotos(photos, branchId, memberId)
    const today = beijingDate(ctx.now)
    const head = await loadHead(ctx.store, branchId)
    requireCurrent(head)
    const h = head as NonNullable<typeof head>
    const end = monthRange(input.month).end
    const at = await schemeAt(ctx.store, h, end < today ? end : today)
    if (!at) throw new AppError('RULE_VIOLATED', '该月份尚无生效的积分方案', { rule: 'NO_SCHEME' })
    const window = canDeclare(input.month, today, at.scheme.declareDeadlineDay)
    if (!window.ok) throw new AppError('RULE_VIOLATED', window.message, { rule: window.reason })
    const item = at.scheme.items.find((i) => i.code === input.itemCode)
    if (!item || !item.declarable || item.kind !== 'add') throw new AppError('RULE_VIOLATED', '该项目不能由党员申报', { rule: 'NOT_DECLARABLE' })
    if (item.evidenceRequired && h.requireEvidence === true && photos.length === 0) throw new AppError('RULE_VIOLATED', `“${item.name}”需要上传照片作为佐证`, { rule: 'EVIDENCE_REQUIRED' })

    const groupFirst = at.scheme.groupReview && !!c.groupId && !c.branchRoles.includes('group-leader')
    const member = { memberId, memberName: c.name, groupId: c.groupId, branchId }
    const entry = declaredEntry(
      member,
      { clientKey: input.clientKey, month: input.month, count: input.count ?? 1, description: input.description, photos },
      item,
      at.version,
      groupFirst ? 'pending-group' : 'pending-committee',
      declareDeadline(input.month, at.scheme.declareDeadlineDay),
      ctx.now.toISOString(),
    )
    const urls = await photoUrls(photos)
    try {
      if (item.needsApproval) {
        const { _id, ...body } = entry
        await ctx.store.add('points_entries', { _id, ...body })
        return entryView(entry, c, ctx.now, urls)
      }
      const scoring = await scoringFor(ctx.store, h, entry.year)
      if (!scoring) throw new AppError('INTERNAL')
      const done = await ctx.store.transaction((tx) => approveTx(tx, entry, item, entry.points, scoring, h.publications, ctx.now, null, true))
      return entryView(done.entry, c, ctx.now, urls)
    } catch (e) {
      // A double tap (same client key): answer the entry the first tap created.
      if (!isDuplicate(e)) throw e
      return entryView(await loadEntry(ctx.store, declaredEntryId(memberId, input.clientKey)), c, ctx.now, urls)
    }
  },
}
