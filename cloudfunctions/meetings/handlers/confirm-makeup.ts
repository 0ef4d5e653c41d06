/**
 * meetings.confirmMakeup — 补学: the member confirms having read the minutes and materials of a meeting
 * they missed. The meeting is the target (its branch authorized, the 补学 always the caller's own); then one
 * update, idempotent (a second confirmation changes nothing).
 */
import { AppError } from '@shared/contract/errors'
import type { meetings } from '@shared/contract/meetings'
import type { MeetingDoc } from '../documents'
import type { Handler } from '../../_kit/create-main'
import { loadMeeting } from '../model'

export const confirmMakeup: Handler<typeof meetings.actions.confirmMakeup, MeetingDoc> = {
  target: async ({ meetingId }, ctx) => {
    const m = await loadMeeting(ctx.store, meetingId)
    return { target: { branchId: m.branchId, memberId: ctx.caller.memberId }, loaded: m }
  },
  run: async ({ meetingId }, ctx, m) => {
    const memberId = ctx.caller.memberId as string
    if (!m.makeupIds.includes(memberId)) throw new AppError('RULE_VIOLATED', '这次会议没有需要您补学的内容')
    if (!m.makeupDoneIds.includes(memberId)) {
      await ctx.store.update('meetings', m._id, { makeupDoneIds: ctx.store.cmd.addToSet(memberId) })
    }
    return { meetingId, done: true }
  },
}
