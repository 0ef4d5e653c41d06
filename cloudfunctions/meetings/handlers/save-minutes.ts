/**
 * meetings.saveMinutes — the host, recorder or a 支委 saves the draft minutes (内容, 决议, 照片 of this
 * meeting's folder) until they are submitted; a save racing the submit changes nothing.
 */
import { AppError } from '@shared/contract/errors'
import type { meetings } from '@shared/contract/meetings'
import type { Handler } from '../../_kit/create-main'
import type { MeetingDoc, MeetingMinutesDoc } from '../documents'
import { inFolder } from '../../_kit/files'
import { detailView, keptMeeting, photoFolder } from '../model'

const emptyMinutes = (): MeetingMinutesDoc => ({
  content: '',
  resolutions: [],
  photos: [],
  inviteesPresent: 0,
  savedAt: null,
  savedBy: null,
  savedByName: null,
})

export const saveMinutes: Handler<typeof meetings.actions.saveMinutes, MeetingDoc> = {
  target: keptMeeting(),
  run: async ({ meetingId, minutes }, ctx, m) => {
    const { caller, store, now } = ctx
    if (m.status === 'cancelled') throw new AppError('RULE_VIOLATED', '会议已取消')
    if (minutes.photos?.some((p) => !inFolder(p.fileId, photoFolder(m)))) throw new AppError('INVALID_INPUT', '照片不属于本次会议，请重新上传')
    const base = m.minutes ?? emptyMinutes()
    const next: MeetingMinutesDoc = {
      content: minutes.content ?? base.content,
      resolutions: minutes.resolutions ?? base.resolutions,
      photos: minutes.photos ? minutes.photos.map((p) => ({ fileId: p.fileId, name: p.name ?? '' })) : base.photos,
      inviteesPresent: minutes.inviteesPresent ?? base.inviteesPresent,
      savedAt: now.toISOString(),
      savedBy: caller.memberId,
      savedByName: caller.name,
    }
    // Conditional on "not locked": a save racing the submit cannot change a locked record.
    const n = await store.updateWhere('meetings', { _id: meetingId, lockedAt: null }, { minutes: next, updatedAt: next.savedAt })
    if (n === 0) throw new AppError('RULE_VIOLATED', '会议记录已提交锁定，不能再修改；如需更正请添加更正记录')
    return detailView({ ...m, minutes: next }, caller, now)
  },
}
