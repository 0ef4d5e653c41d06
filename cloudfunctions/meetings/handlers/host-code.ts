/**
 * meetings.hostCode — the host screen, polled every few seconds: the current rotating code and its 6 digits
 * (only while sign-in is open) and the live 实到 / 应到 from the meeting document. Two requests: the caller and the meeting.
 */
import type { meetings } from '@shared/contract/meetings'
import type { Handler } from '../../_kit/create-main'
import type { MeetingDoc } from '../documents'
import { issueCode } from '../code'
import { keptMeeting, liveCounts, loadMeetingLean, signInStateOf } from '../model'

export const hostCode: Handler<typeof meetings.actions.hostCode, MeetingDoc> = {
  target: keptMeeting(loadMeetingLean),
  run: async (_input, ctx, m) => {
    const state = signInStateOf(m, ctx.now)
    const issued = state === 'open' ? issueCode(m._id, m.secret, ctx.now.getTime()) : null
    return {
      meetingId: m._id,
      topic: m.topic,
      state,
      code: issued?.code ?? null,
      digits: issued?.digits ?? null,
      refreshAt: issued ? new Date(issued.refreshAt).toISOString() : null,
      expiresAt: issued ? new Date(issued.expiresAt).toISOString() : null,
      serverNow: ctx.now.toISOString(),
      opensAt: m.signInOpensAt,
      closesAt: m.signInClosesAt,
      ...liveCounts(m),
    }
  },
}
