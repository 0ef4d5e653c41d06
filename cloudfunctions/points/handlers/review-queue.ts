/**
 * points.reviewQueue — 申报 to review (or reviewed), filtered by month, 党小组 and status. It first catches up
 * new events (bounded), so the queue and the totals it leads to are current. 党小组长 see their own group.
 */
import type { points } from '@shared/contract/points'
import { branchTarget, type Handler, type Targeted, type TargetContext } from '../../_kit/create-main'
import { consumeEvents, loadHead, photoUrls } from '../engine'
import { entryView, PENDING } from '../model'
import { LAZY_BATCH } from './sync'

const LIMIT = 300

/** Which entries the queue lists: the branch, and one 党小组 or all. */
interface Scope {
  branchId: string
  groupId: string | undefined
}

/**
 * The branch named (default the caller's) and the 党小组 asked for. A 党小组长 who is not a 支委 sees only their
 * own group (the policy's `group` scope).
 */
const queueTarget = (input: { branchId?: string | undefined; groupId?: string | undefined }, ctx: TargetContext): Targeted<Scope> => {
  const { loaded: branchId } = branchTarget(input, ctx)
  const c = ctx.caller
  const groupId = input.groupId ?? (c.held.has('committee') ? undefined : (c.groupId ?? undefined))
  return { target: { branchId, groupId }, loaded: { branchId, groupId } }
}

export const reviewQueue: Handler<typeof points.actions.reviewQueue, Scope> = {
  target: queueTarget,
  run: async (input, ctx, { branchId, groupId }) => {
    const head = await loadHead(ctx.store, branchId)
    if (head?.current) await consumeEvents(ctx.store, head, ctx.now, LAZY_BATCH, ctx.log)
    const _ = ctx.store.cmd
    const status = input.status ?? 'pending'
    const where: Record<string, unknown> = { branchId, origin: 'declared' }
    if (status === 'pending') where.status = _.in(PENDING)
    else if (status !== 'all') where.status = status
    else where.status = _.neq('withdrawn')
    if (input.month) where.month = input.month
    if (groupId) where.groupId = groupId
    const docs = await ctx.store.find('points_entries', where, {
      orderBy: [
        ['month', 'desc'],
        ['createdAt', 'asc'],
      ],
      limit: LIMIT,
    })
    const urls = await photoUrls(docs.flatMap((d) => d.photos))
    return { entries: docs.map((d) => entryView(d, ctx.caller, ctx.now, urls)), truncated: docs.length === LIMIT }
  },
}
