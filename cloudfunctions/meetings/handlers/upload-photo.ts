/**
 * meetings.uploadPhoto — store one 纪实 photo in the meeting's own folder while the record is open (so a
 * photo cannot be added to a locked 纪实 behind the recorder's back); the next `saveMinutes` names it.
 */
import { AppError } from '@shared/contract/errors'
import { MAX_MINUTES_PHOTO_BYTES, type meetings } from '@shared/contract/meetings'
import type { Handler } from '../../_kit/create-main'
import type { MeetingDoc } from '../documents'
import { storeImage } from '../../_kit/files'
import { keptMeeting, photoFolder } from '../model'

export const uploadPhoto: Handler<typeof meetings.actions.uploadPhoto, MeetingDoc> = {
  target: keptMeeting(),
  run: async (input, ctx, m) => {
    if (m.status === 'cancelled') throw new AppError('RULE_VIOLATED', '会议已取消')
    if (m.lockedAt) throw new AppError('RULE_VIOLATED', '会议记录已提交锁定，不能再修改；如需更正请添加更正记录')
    return storeImage(photoFolder(m), input, MAX_MINUTES_PHOTO_BYTES, ctx.now)
  },
}
