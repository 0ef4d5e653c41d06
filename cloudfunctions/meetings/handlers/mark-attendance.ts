/**
 * meetings.markAttendance — recorder mode: the host, recorder or a 支委 marks a roster member present
 * (no phone, network down, 年老体弱 signed in by the recorder) or taking part remotely (流动党员). From the
 * opening of sign-in until the record is locked; every mark is audited with who made it.
 */
import { AppError } from '@shared/contract/errors'
import type { meetings } from '@shared/contract/meetings'
import { ATTENDANCE_VIA_LABELS } from '@shared/contract/meetings'
import { signInState } from '@shared/rules/meetings/sign-in'
import type { Handler } from '../../_kit/create-main'
import type { MeetingDoc } from '../documents'
import { keptMeeting } from '../model'
import { attend, attendanceView } from './attend'

export const markAttendance: Handler<typeof meetings.actions.markAttendance, MeetingDoc> = {
  target: keptMeeting(),
  run: async ({ memberId, via }, ctx, m) => {
    const { caller, store, now } = ctx
    if (m.status === 'cancelled') throw new AppError('RULE_VIOLATED', '会议已取消')
    if (m.lockedAt) throw new AppError('RULE_VIOLATED', '会议记录已提交，出勤如需更正请添加更正记录')
    if (signInState(m, now) === 'not-yet') throw new AppError('RULE_VIOLATED', '会议签到尚未开始')
    const entry = m.roster.find((r) => r.id === memberId)
    if (!entry) throw new AppError('RULE_VIOLATED', '该党员不在本次会议的参会名单中')
    if (via === 'remote' && !entry.mobile) throw new AppError('RULE_VIOLATED', '只有流动党员可以登记为远程参加')
    const { doc, repeat } = await attend(store, {
      meeting: m,
      member: { id: entry.id, name: entry.name },
      via,
      markedBy: { id: caller.memberId, name: caller.name || '系统' },
      joinRoster: null,
      now,
    })
    if (!repeat) {
      await ctx.audit({
        branchId: m.branchId,
        action: 'meetings.markAttendance',
        targetId: doc._id,
        summary: `${caller.name} 登记 ${entry.name} 参加“${m.topic}”（${ATTENDANCE_VIA_LABELS[via]}）`,
      })
    }
    return attendanceView(doc, repeat)
  },
}
