/** workbench.removeTalk — remove a 谈心谈话 entered by mistake (a mark, audited), by its recorder or the 书记. */
import { AppError } from '@shared/contract/errors'
import type { workbench } from '@shared/contract/workbench'
import { formatDateCN } from '@shared/rules/time'
import type { TalkDoc } from '../documents'
import type { Handler } from '../../_kit/create-main'

export const removeTalk: Handler<typeof workbench.actions.removeTalk, TalkDoc> = {
  // The talk's branch, and its recorder as the member it belongs to.
  target: async ({ talkId }, ctx) => {
    const talk = await ctx.store.get('talks', talkId)
    if (!talk) throw new AppError('NOT_FOUND', '没有找到该谈话记录')
    return { target: { branchId: talk.branchId, memberId: talk.recordedBy }, loaded: talk }
  },
  run: async ({ talkId }, ctx, talk) => {
    if (talk.removedAt !== null) return { id: talkId, removed: false }
    const n = await ctx.store.updateWhere('talks', { _id: talkId, removedAt: null }, { removedAt: ctx.now.toISOString() })
    if (n > 0) {
      await ctx.audit({ branchId: talk.branchId, action: 'workbench.removeTalk', targetId: talkId, summary: `删除与${talk.withName}的谈心谈话记录（${formatDateCN(talk.date)}）`, before: { topic: talk.topic } })
    }
    return { id: talkId, removed: n > 0 }
  },
}
