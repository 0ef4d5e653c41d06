/** workbench.recordTalk — record a 谈心谈话 the caller held, this year or last; one record per pair and day, so a double submit is one. */
import { AppError } from '@shared/contract/errors'
import type { workbench } from '@shared/contract/workbench'
import { beijingDate, formatDateCN } from '@shared/rules/time'
import type { TalkDoc } from '../documents'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { stableId } from '../../_kit/ids'
import { isDuplicate } from '../../_kit/store'
import { talkView } from '../views'

export const recordTalk: Handler<typeof workbench.actions.recordTalk, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const { caller, store, now } = ctx
    const byId = caller.memberId as string
    const today = beijingDate(now)
    if (input.date > today) throw new AppError('INVALID_INPUT', '谈话日期不能晚于今天')
    if (input.date < `${Number(today.slice(0, 4)) - 1}-01-01`) throw new AppError('INVALID_INPUT', '只能补记今年和去年的谈话')
    if (input.withId === byId) throw new AppError('INVALID_INPUT', '请选择谈话对象（不能是自己）')
    const other = await store.get('members', input.withId)
    if (!other || !other.active || other.branchId !== branchId) throw new AppError('INVALID_INPUT', '谈话对象不是本支部党员')
    const id = stableId('tk', branchId, byId, input.withId, input.date)
    const doc: TalkDoc = {
      _id: id,
      branchId,
      year: Number(input.date.slice(0, 4)),
      date: input.date,
      byId,
      byName: caller.name,
      withId: other._id,
      withName: other.name,
      topic: input.topic,
      notes: input.notes ?? '',
      recordedBy: byId,
      createdAt: now.toISOString(),
      removedAt: null,
    }
    try {
      await store.add('talks', doc)
    } catch (e) {
      if (!isDuplicate(e)) throw e
      const existing = await store.get('talks', id)
      if (!existing) throw e
      if (existing.removedAt === null) return { talk: talkView(existing, caller), repeat: true }
      // Recorded again after a removal: it counts again, with what was entered now.
      await store.set('talks', id, { ...doc, createdAt: existing.createdAt })
    }
    await ctx.audit({ branchId, action: 'workbench.recordTalk', targetId: id, summary: `记录与${other.name}的谈心谈话（${formatDateCN(input.date)}）` })
    return { talk: talkView(doc, caller), repeat: false }
  },
}
