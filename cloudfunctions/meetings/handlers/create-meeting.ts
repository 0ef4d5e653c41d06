/**
 * meetings.createMeeting — set up a meeting: the 应到 roster from the membership (支委会 → 支委, 党小组会 →
 * the group), the sign-in window from the branch profile, a fresh per-meeting sign-in secret. Audited.
 */
import type { meetings } from '@shared/contract/meetings'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { newId } from '../../_kit/ids'
import { branchMembers, loadBranch } from '../../org/public/branches'
import { MEETING_KIND_LABELS } from '@shared/rules/meetings/kinds'
import { detailView, meetingFromFields, newMeetingState } from '../model'

export const createMeeting: Handler<typeof meetings.actions.createMeeting, string> = {
  // The branch named (else the caller's), in the 党小组 the meeting is for: a 党小组长 sets up their group's.
  target: (input, ctx) => {
    const { target, loaded } = branchTarget(input, ctx)
    return { target: { ...target, groupId: input.fields.groupId ?? null }, loaded }
  },
  run: async ({ fields }, ctx, branchId) => {
    const [branch, members] = await Promise.all([loadBranch(ctx.store, branchId), branchMembers(ctx.store, branchId)])
    const nowIso = ctx.now.toISOString()
    const doc = { _id: newId('mt'), ...meetingFromFields(fields, branch, members), ...newMeetingState(ctx.caller.memberId, nowIso), planId: null, planKey: null }
    await ctx.store.add('meetings', doc)
    await ctx.audit({
      branchId,
      action: 'meetings.createMeeting',
      targetId: doc._id,
      summary: `安排${MEETING_KIND_LABELS[doc.kind]}“${doc.topic}”（${doc.date} ${doc.time}）`,
    })
    return detailView(doc, ctx.caller, ctx.now)
  },
}
