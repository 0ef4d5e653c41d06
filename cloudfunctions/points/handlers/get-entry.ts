/** points.getEntry — one entry with its evidence photos and review trail. */
import { AppError } from '@shared/contract/errors'
import type { points } from '@shared/contract/points'
import type { Handler, Targeted, TargetContext } from '../../_kit/create-main'
import type { Target } from '../../_kit/policy'
import type { Store } from '../../_kit/store'
import type { PointsEntryDoc } from '../documents'
import { photoUrls } from '../engine'
import { entryView } from '../model'

export const loadEntry = async (store: Store, entryId: string): Promise<PointsEntryDoc> => {
  const e = await store.get('points_entries', entryId)
  if (!e) throw new AppError('NOT_FOUND', '没有找到该积分记录')
  return e
}

/** Whose an entry is: its branch, 党小组 and member. */
export const entryScope = (e: PointsEntryDoc): Target => ({ branchId: e.branchId, groupId: e.groupId, memberId: e.memberId })

/** The target of an action about one entry. `loaded` is the entry. */
export const entryTarget = async ({ entryId }: { entryId: string }, ctx: TargetContext): Promise<Targeted<PointsEntryDoc>> => {
  const e = await loadEntry(ctx.store, entryId)
  return { target: entryScope(e), loaded: e }
}

export const getEntry: Handler<typeof points.actions.getEntry, PointsEntryDoc> = {
  target: entryTarget,
  run: async (_input, ctx, e) => entryView(e, ctx.caller, ctx.now, await photoUrls(e.photos)),
}
