/** points.withdrawEntry — a member withdraws their own 申报 before anyone reviews it (the record is removed). */
import { AppError } from '@shared/contract/errors'
import type { points } from '@shared/contract/points'
import { beijingDate } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import { canEditEntry } from '../model'
import { loadEntry } from './get-entry'
import { assertEditable } from './update-entry'

export const withdrawEntry: Handler<typeof points.actions.withdrawEntry> = async ({ entryId }, ctx) => {
  const e = await loadEntry(ctx.store, entryId)
  ctx.authorize({ branchId: e.branchId, groupId: e.groupId, memberId: e.memberId })
  const today = beijingDate(ctx.now)
  await ctx.store.transaction(async (tx) => {
    const fresh = await tx.get('points_entries', entryId)
    if (!fresh) throw new AppError('NOT_FOUND', '没有找到该积分记录')
    assertEditable(fresh, canEditEntry(ctx.caller, fresh, today))
    await tx.remove('points_entries', entryId)
  })
  return { id: entryId, withdrawn: true }
}
