/**
 * meetings.signIn — a member scans the host's rotating code inside the sign-in window. Refused: a code
 * of another meeting, a forged one, one older than two windows (≤30 s), outside the window, too far from
 * the meeting place — and anyone who may not attend it (FORBIDDEN, by the rule that decides who sees it,
 * `visibleTo`: on its roster, or a role it admits such as a 支委 at a 党小组会), so a forwarded code opens
 * no 支委会 and no other 党小组's meeting. A repeat returns the first record. Requests: caller, meeting,
 * then attendance + event + present list on the first sign-in (a repeat: caller, meeting, attendance).
 *
 * Instead of the QR text a member may type its 6 digits (`digits`): the same windows and refusals. Wrong
 * digits count against RATE_LIMITS.signInDigitGuesses per member and meeting (1–3 requests, the only write
 * of a refusal); right ones first check that limit has room (one read).
 */
import { AppError } from '@shared/contract/errors'
import { LOCATION_REQUIRED, type meetings } from '@shared/contract/meetings'
import { distanceMeters, signInState } from '@shared/rules/meetings/sign-in'
import { formatDateTimeCN } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import { assertRoom, countAttempt, RATE_LIMITS } from '../../_kit/rate-limit'
import type { MeetingDoc } from '../documents'
import { CODE_MESSAGES, checkCode, checkDigits, DIGITS_MESSAGES } from '../code'
import { assertVisible, loadMeetingLean } from '../model'
import { attend, attendanceId, attendanceView } from './attend'

export const signIn: Handler<typeof meetings.actions.signIn, MeetingDoc> = {
  // The meeting, lean (no roster), as the caller's own attendance; who may attend it is `visibleTo`, in run.
  target: async ({ meetingId }, ctx) => {
    const m = await loadMeetingLean(ctx.store, meetingId)
    return { target: { branchId: m.branchId, groupId: m.groupId, memberId: ctx.caller.memberId }, loaded: m }
  },
  run: async (input, ctx, m) => {
    const { caller, store, now } = ctx
    assertVisible(caller, m)
    const memberId = caller.memberId as string

    if (m.status === 'cancelled') throw new AppError('RULE_VIOLATED', '会议已取消')
    if (m.lockedAt) throw new AppError('RULE_VIOLATED', '会议记录已提交，签到已结束')
    if (input.digits !== undefined) {
      const subject = `${m._id}_${memberId}`
      const check = checkDigits(input.digits, m._id, m.secret, now.getTime())
      if (check === 'ok') await assertRoom(store, RATE_LIMITS.signInDigitGuesses, subject, now)
      else {
        await countAttempt(store, RATE_LIMITS.signInDigitGuesses, subject, now)
        throw new AppError('RULE_VIOLATED', DIGITS_MESSAGES[check], { rule: `CODE_${check.toUpperCase()}` })
      }
    } else {
      const check = checkCode(input.code ?? '', m._id, m.secret, now.getTime())
      if (check !== 'ok') throw new AppError('RULE_VIOLATED', CODE_MESSAGES[check], { rule: `CODE_${check.toUpperCase().replace('-', '_')}` })
    }
    const state = signInState(m, now)
    if (state === 'not-yet') throw new AppError('RULE_VIOLATED', `签到尚未开始，${formatDateTimeCN(m.signInOpensAt)} 起可以签到`)
    if (state === 'closed') throw new AppError('RULE_VIOLATED', '签到时间已过，如确实参加了会议请联系记录人登记')

    if (m.presentIds.includes(memberId)) {
      const existing = await store.get('attendance', attendanceId(m._id, memberId))
      if (existing) return attendanceView(existing, true)
    }

    const remote = input.remote === true
    if (remote && !m.mobileIds.includes(memberId)) throw new AppError('RULE_VIOLATED', '只有流动党员可以远程参加')
    if (m.location && !remote) {
      // The rule tag lets the app ask for the position and retry once (a scan from the tab page does not
      // know in advance whether the meeting checks it).
      if (!input.location) throw new AppError('RULE_VIOLATED', '本次会议需要核对位置，请允许获取位置后再签到', { rule: LOCATION_REQUIRED })
      const d = distanceMeters(m.location, input.location)
      if (d > m.location.radiusM) throw new AppError('RULE_VIOLATED', `您距离会场约${Math.round(d)}米，请到会场后再签到`)
    }

    const onRoster = m.rosterIds.includes(memberId)
    // A branch-wide meeting's roster grows with a member who joined after it was set up; elsewhere an
    // off-roster member (a 支委 at a 党小组会) is recorded as 列席.
    const branchWide = m.groupId === null && m.kind !== 'committee'
    const { doc, repeat } = await attend(store, {
      meeting: m,
      member: { id: memberId, name: caller.name },
      via: remote ? 'remote' : 'scan',
      markedBy: null,
      joinRoster:
        !onRoster && branchWide && caller.status
          ? { id: memberId, name: caller.name, groupId: caller.groupId, status: caller.status, roles: caller.branchRoles, exempt: false, mobile: false }
          : null,
      now,
    })
    return attendanceView(doc, repeat)
  },
}
