/** reminders.listTodos — 首页: my open to-dos, soonest first (2 requests: caller + one query). */
import type { reminders } from '@shared/contract/reminders'
import { beijingDate } from '@shared/rules/time'
import { callerTarget, type Handler } from '../../_kit/create-main'
import { openTodos } from '../../_kit/todos'
import { recipientOf } from '../views'

export const listTodos: Handler<typeof reminders.actions.listTodos> = {
  target: callerTarget,
  run: async (_input, ctx) => {
    const me = recipientOf(ctx.caller)
    const rows = await openTodos(ctx.store, me.recipientId, beijingDate(ctx.now))
    return {
      todos: rows.map((t) => ({ id: t._id, topic: t.topic, title: t.title, detail: t.detail, link: t.link, dueDate: t.dueDate, createdAt: t.createdAt })),
    }
  },
}
