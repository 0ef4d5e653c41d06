/** points.sync — a member's view catches up new events (bounded batch) so a sign-in shows without waiting for the timer. */
import type { points } from '@shared/contract/points'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { consumeEvents, loadHead } from '../engine'

/** Events consumed per view; the timer takes the rest. */
export const LAZY_BATCH = 50

export const sync: Handler<typeof points.actions.sync, string> = {
  target: branchTarget,
  run: async (_input, ctx, branchId) => {
    const head = await loadHead(ctx.store, branchId)
    if (!head?.current) return { processed: 0, credited: 0, more: false }
    return consumeEvents(ctx.store, head, ctx.now, LAZY_BATCH, ctx.log)
  },
}
