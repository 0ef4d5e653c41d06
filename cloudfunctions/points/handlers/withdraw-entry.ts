/** points.withdrawEntry — a member withdraws their own 申报 before anyone reviews it (kept as 已撤回, out of every list). */
import { AppError } from '@shared/contract/errors'
import type { points } from '@shared/contract/points'
import { beijingDate } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import type { PointsEntryDoc } from '../documents'
import { canEditEntry } from '../model'
import { entryTarget } from './get-entry'
import { assertEditable } from './update-entry'

export const withdrawEntry: Handler<typeof points.actions.withdrawEntry, PointsEntryDoc> = {
  target: entryTarget,
  run: async ({ entryId }, ctx) => {
    const today = beijingDate(ctx.now)
    await ctx.store.transaction(async (tx) => {
      const fresh = await tx.get('points_entries', entryId)
      if (!fresh) throw new AppError('NOT_FOUND', '没有找到该积分记录')
      assertEditable(fresh, canEditEntry(ctx.caller, fresh, today))
      const { _id, ...body } = { ...fresh, status: 'withdrawn' as const, updatedAt: ctx.now.toISOString() }
      await tx.set('points_entries', _id, body)
    })
    return { id: entryId, withdrawn: true }
  },
}
