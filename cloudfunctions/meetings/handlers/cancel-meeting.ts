/** meetings.cancelMeeting — cancel a meeting nobody has signed in to yet, with a reason. Audited. */
import { AppError } from '@shared/contract/errors'
import type { meetings } from '@shared/contract/meetings'
import type { Handler } from '../../_kit/create-main'
import type { MeetingDoc } from '../documents'
import { detailView, scopedMeeting } from '../model'

export const cancelMeeting: Handler<typeof meetings.actions.cancelMeeting, MeetingDoc> = {
  target: scopedMeeting,
  run: async ({ meetingId, reason }, ctx, m) => {
    if (m.status === 'cancelled') throw new AppError('CONFLICT', '会议已取消')
    if (m.lockedAt) throw new AppError('RULE_VIOLATED', '会议已召开并提交记录，不能取消')
    if (m.presentIds.length > 0) throw new AppError('RULE_VIOLATED', '已有党员签到，不能取消会议')
    const nowIso = ctx.now.toISOString()
    // Conditional on the state read: a sign-in racing the cancel makes this update match nothing.
    const n = await ctx.store.updateWhere(
      'meetings',
      { _id: meetingId, status: 'planned', presentIds: ctx.store.cmd.size(0) },
      { status: 'cancelled', cancelReason: reason, updatedAt: nowIso },
    )
    if (n === 0) throw new AppError('CONFLICT', '会议状态已变化，请刷新后重试')
    await ctx.audit({ branchId: m.branchId, action: 'meetings.cancelMeeting', targetId: meetingId, summary: `取消会议“${m.topic}”：${reason}` })
    return detailView({ ...m, status: 'cancelled', cancelReason: reason, updatedAt: nowIso }, ctx.caller, ctx.now)
  },
}
