/**
 * reminders.doneTodo — tick off one of my own to-dos (2 requests). Someone else's to-do answers NOT_FOUND,
 * exactly like one that does not exist; ticking twice is fine.
 */
import { AppError } from '@shared/contract/errors'
import type { reminders } from '@shared/contract/reminders'
import { callerTarget, type Handler } from '../../_kit/create-main'
import { recipientOf } from '../views'

export const doneTodo: Handler<typeof reminders.actions.doneTodo> = {
  target: callerTarget,
  run: async (input, ctx) => {
    const me = recipientOf(ctx.caller)
    const n = await ctx.store.updateWhere('todos', { _id: input.todoId, recipientId: me.recipientId, done: false }, { done: true, doneAt: ctx.now.toISOString() })
    if (n === 0) {
      const t = await ctx.store.get('todos', input.todoId)
      if (!t || t.recipientId !== me.recipientId) throw new AppError('NOT_FOUND', '没有找到该待办')
    }
    return { id: input.todoId, done: true as const }
  },
}
