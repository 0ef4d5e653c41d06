/**
 * meetings.listMeetings — upcoming (sign-in not yet closed, soonest first) or past (latest first) meetings
 * of a branch that the caller may see. One query: the list fields are on the meeting documents.
 */
import type { meetings } from '@shared/contract/meetings'
import { branchTarget, type Handler } from '../../_kit/create-main'
import type { MeetingDoc } from '../documents'
import { LIST_FIELDS, summaryView, visibleTo } from '../model'

export const listMeetings: Handler<typeof meetings.actions.listMeetings, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const { store, now } = ctx
    const nowIso = now.toISOString()
    const limit = input.page?.limit ?? 30
    const offset = input.page?.offset ?? 0
    const upcoming = input.when === 'upcoming'
    const docs = (await store.find(
      'meetings',
      { branchId, signInClosesAt: upcoming ? store.cmd.gte(nowIso) : store.cmd.lt(nowIso) },
      { orderBy: [['startsAt', upcoming ? 'asc' : 'desc']], skip: offset, limit: limit + 1, fields: LIST_FIELDS },
    )) as MeetingDoc[]
    // List reads leave the roster out; the summary needs only the id lists.
    const visible = docs.slice(0, limit).filter((m) => visibleTo(ctx.caller, m))
    return { meetings: visible.map((m) => summaryView(m, ctx.caller, now)), hasMore: docs.length > limit }
  },
}
