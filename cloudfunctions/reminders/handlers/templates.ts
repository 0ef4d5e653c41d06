/** reminders.templates — the template ids to ask for and the accepts banked (2 requests: caller + subs). */
import type { reminders } from '@shared/contract/reminders'
import { callerTarget, type Handler } from '../../_kit/create-main'
import { recipientOf, templatesView } from '../views'

export const templates: Handler<typeof reminders.actions.templates> = {
  target: callerTarget,
  run: async (_input, ctx) => {
    const me = recipientOf(ctx.caller)
    const subs = await ctx.store.get('reminder_subs', me.recipientId)
    return { templates: templatesView(ctx.caller, me, subs) }
  },
}
