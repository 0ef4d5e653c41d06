/**
 * reminders.subscribed — bank the templates the member just accepted: one atomic increment each (2 requests;
 * the very first time 3). Accepts made under an earlier WeChat identity stop counting: they were that
 * identity's, not this one's.
 */
import type { reminders } from '@shared/contract/reminders'
import { callerTarget, type Handler } from '../../_kit/create-main'
import { isDuplicate } from '../../_kit/store'
import { newSubs, recipientOf } from '../views'

export const subscribed: Handler<typeof reminders.actions.subscribed> = {
  target: callerTarget,
  run: async (input, ctx) => {
    const me = recipientOf(ctx.caller)
    const { store } = ctx
    const at = ctx.now.toISOString()
    const inc = Object.fromEntries(input.accepted.map((k) => [`quota.${k}`, store.cmd.inc(1)]))
    const bump = () => store.updateWhere('reminder_subs', { _id: me.recipientId, openid: me.openid }, { ...inc, updatedAt: at })
    if ((await bump()) === 0) {
      const fresh = newSubs(me, at)
      for (const k of input.accepted) fresh.quota[k] = 1
      try {
        await store.add('reminder_subs', { _id: me.recipientId, ...fresh })
      } catch (e) {
        if (!isDuplicate(e)) throw e
        // Created meanwhile by a concurrent call (then our increment applies), or left by an earlier WeChat
        // identity of this member (then its accepts are void: start over, keeping the switches).
        if ((await bump()) === 0) {
          await store.update('reminder_subs', me.recipientId, { openid: me.openid, memberId: me.memberId, quota: fresh.quota, lastPushDate: null, updatedAt: at })
        }
      }
    }
    return { accepted: input.accepted }
  },
}
