/**
 * reminders.setTopic — switch a topic on or off (2 requests; the very first time 3). Meeting reminders
 * cannot be switched off: every meeting reminder goes to those 应到, and those are always sent.
 */
import { AppError } from '@shared/contract/errors'
import type { reminders } from '@shared/contract/reminders'
import { callerTarget, type Handler } from '../../_kit/create-main'
import { isDuplicate } from '../../_kit/store'
import { newSubs, recipientOf } from '../views'

export const setTopic: Handler<typeof reminders.actions.setTopic> = {
  target: callerTarget,
  run: async (input, ctx) => {
    if (input.topic === 'meeting' && !input.enabled) {
      throw new AppError('RULE_VIOLATED', '您应到会议的提醒不能关闭', { rule: 'MEETING_REMINDER_REQUIRED' })
    }
    const me = recipientOf(ctx.caller)
    const { store } = ctx
    const at = ctx.now.toISOString()
    const patch = { off: input.enabled ? store.cmd.pull(input.topic) : store.cmd.addToSet(input.topic), updatedAt: at }
    if ((await store.updateWhere('reminder_subs', { _id: me.recipientId }, patch)) === 0 && !input.enabled) {
      try {
        await store.add('reminder_subs', { _id: me.recipientId, ...newSubs(me, at), off: [input.topic] })
      } catch (e) {
        if (!isDuplicate(e)) throw e
        await store.updateWhere('reminder_subs', { _id: me.recipientId }, patch)
      }
    }
    return { topic: input.topic, enabled: input.enabled }
  },
}
