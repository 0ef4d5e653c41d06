/** points.getEntry — one entry with its evidence photos and review trail. */
import { AppError } from '@shared/contract/errors'
import type { points } from '@shared/contract/points'
import type { Handler } from '../../_kit/create-main'
import type { Store } from '../../_kit/store'
import type { PointsEntryDoc } from '../../_kit/collections-points'
import { photoUrls } from '../engine'
import { entryView } from '../model'

export const loadEntry = async (store: Store, entryId: string): Promise<PointsEntryDoc> => {
  const e = await store.get('points_entries', entryId)
  if (!e) throw new AppError('NOT_FOUND', '没有找到该积分记录')
  return e
}

export const getEntry: Handler<typeof points.actions.getEntry> = async ({ entryId }, ctx) => {
  const e = await loadEntry(ctx.store, entryId)
  ctx.authorize({ branchId: e.branchId, groupId: e.groupId, memberId: e.memberId })
  return entryView(e, ctx.caller, ctx.now, await photoUrls(e.photos))
}
