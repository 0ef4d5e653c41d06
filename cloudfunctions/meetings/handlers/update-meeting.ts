/**
 * meetings.updateMeeting — change a meeting that is not locked or cancelled. The roster is rebuilt from
 * the current membership (who already signed in stays signed in); the sign-in secret is kept. Audited.
 */
import { AppError } from '@shared/contract/errors'
import type { meetings } from '@shared/contract/meetings'
import type { Handler } from '../../_kit/create-main'
import type { MeetingDoc } from '../documents'
import { branchMembers, loadBranch } from '../../org/public/branches'
import { detailView, meetingFromFields, scopedMeeting } from '../model'

export const updateMeeting: Handler<typeof meetings.actions.updateMeeting, MeetingDoc> = {
  target: scopedMeeting,
  run: async ({ meetingId, fields }, ctx, before) => {
    // Moving a meeting into another 党小组 needs the right over that group too.
    if ((fields.groupId ?? null) !== before.groupId) ctx.authorize({ branchId: before.branchId, groupId: fields.groupId ?? null })
    if (before.lockedAt) throw new AppError('RULE_VIOLATED', '会议记录已提交，不能再修改；如需更正请添加更正记录')
    if (before.status === 'cancelled') throw new AppError('RULE_VIOLATED', '会议已取消，不能修改')
    if (before.presentIds.length > 0 && fields.kind !== before.kind) throw new AppError('RULE_VIOLATED', '已有党员签到，不能更改会议类型')
    const [branch, members] = await Promise.all([loadBranch(ctx.store, before.branchId), branchMembers(ctx.store, before.branchId)])
    const patch = { ...meetingFromFields(fields, branch, members), updatedAt: ctx.now.toISOString() }
    await ctx.store.update('meetings', meetingId, patch)
    const after = { ...before, ...patch }
    await ctx.audit({
      branchId: before.branchId,
      action: 'meetings.updateMeeting',
      targetId: meetingId,
      summary: `修改会议“${after.topic}”（${after.date} ${after.time}）`,
      before: { topic: before.topic, date: before.date, time: before.time, place: before.place, hostId: before.hostId, recorderId: before.recorderId },
      after: { topic: after.topic, date: after.date, time: after.time, place: after.place, hostId: after.hostId, recorderId: after.recorderId },
    })
    return detailView(after, ctx.caller, ctx.now)
  },
}
