/** meetings.addCorrection — a correction to a locked record: a new audited entry, never an edit. */
import { AppError } from '@shared/contract/errors'
import { CORRECTION_FIELD_LABELS, type meetings } from '@shared/contract/meetings'
import type { Handler } from '../../_kit/create-main'
import type { MeetingCorrectionEntry, MeetingDoc } from '../documents'
import { newId } from '../../_kit/ids'
import { detailView, keptMeeting } from '../model'

export const addCorrection: Handler<typeof meetings.actions.addCorrection, MeetingDoc> = {
  target: keptMeeting(),
  run: async ({ meetingId, field, text, reason }, ctx, m) => {
    const { caller, store, now } = ctx
    if (!m.lockedAt) throw new AppError('RULE_VIOLATED', '会议记录尚未提交，可以直接修改')
    const entry: MeetingCorrectionEntry = { id: newId('mc'), at: now.toISOString(), by: caller.memberId, byName: caller.name, field, text, reason }
    await store.add('meeting_corrections', { _id: entry.id, meetingId, branchId: m.branchId, at: entry.at, by: entry.by, byName: entry.byName, field, text, reason })
    await store.update('meetings', meetingId, { corrections: store.cmd.push([entry]) })
    await ctx.audit({
      branchId: m.branchId,
      action: 'meetings.addCorrection',
      targetId: meetingId,
      summary: `更正“${m.topic}”的${CORRECTION_FIELD_LABELS[field]}：${text}（原因：${reason}）`,
      after: entry,
    })
    return detailView({ ...m, corrections: [...m.corrections, entry] }, caller, now)
  },
}
