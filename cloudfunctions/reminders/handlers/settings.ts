/** reminders.settings — 我的 → 消息提醒: topics, switches and accepts per template (2 requests: caller + subs). */
import type { reminders } from '@shared/contract/reminders'
import { callerTarget, type Handler } from '../../_kit/create-main'
import { recipientOf, settingsView } from '../views'

export const settings: Handler<typeof reminders.actions.settings> = {
  target: callerTarget,
  run: async (_input, ctx) => {
    const me = recipientOf(ctx.caller)
    const subs = await ctx.store.get('reminder_subs', me.recipientId)
    return settingsView(ctx.caller, me, subs)
  },
}
