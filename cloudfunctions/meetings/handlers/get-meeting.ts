/** meetings.getMeeting — one meeting with the caller's status, leave, 补学 and (once locked) the minutes. One read. */
import type { meetings } from '@shared/contract/meetings'
import type { Handler } from '../../_kit/create-main'
import type { MeetingDoc } from '../documents'
import { assertVisible, detailView, loadMeeting } from '../model'

export const getMeeting: Handler<typeof meetings.actions.getMeeting, MeetingDoc> = {
  target: async ({ meetingId }, ctx) => {
    const m = await loadMeeting(ctx.store, meetingId)
    return { target: { branchId: m.branchId }, loaded: m }
  },
  run: async (_input, ctx, m) => {
    assertVisible(ctx.caller, m)
    return detailView(m, ctx.caller, ctx.now)
  },
}
