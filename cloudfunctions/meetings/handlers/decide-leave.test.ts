/**
 * meetings.decideLeave: a 党小组长 cannot approve their own leave; the 书记 declines it.
 */
import { errCode, ok } from '../../../tests/support/cloud'
import { leader1, sec, meetingsCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20: the demo year (seeded relative to it) has its absence runs of 3 and 5.
const AT = '2026-11-20T02:00:00.000Z'
const { call, setUp } = meetingsCloud(AT)

describe('leave', () => {
  // Also uses requestLeave, getMeeting.
  test('a 党小组长 cannot approve their own leave', async () => {
    const m = await setUp()
    const leave = ok(await call('requestLeave', { meetingId: m.id, reason: '开会' }, leader1))
    expect(errCode(await call('decideLeave', { leaveId: leave.id, approve: true }, leader1))).toBe('RULE_VIOLATED')
    expect(ok(await call('decideLeave', { leaveId: leave.id, approve: false, note: '请尽量参加' }, sec)).status).toBe('declined')
    expect(ok(await call('getMeeting', { meetingId: m.id }, leader1)).my).toBe('leave-declined')
  })
})
