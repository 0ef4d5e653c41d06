/**
 * meetings.cancelMeeting: a meeting set up tomorrow is cancelled with its reason; a second cancel is a CONFLICT.
 */
import { errCode, ok } from '../../../tests/support/cloud'
import { sec, meetingsCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20: the demo year (seeded relative to it) has its absence runs of 3 and 5.
const AT = '2026-11-20T02:00:00.000Z'
const { call, setUp } = meetingsCloud(AT)

describe('setting up a meeting', () => {
  // Also uses createMeeting (setUp).
  test('cancel needs a reason and nobody signed in; a cancelled meeting refuses sign-in', async () => {
    const m = await setUp()
    const cancelled = ok(await call('cancelMeeting', { meetingId: m.id, reason: '与区委专题会议冲突' }, sec))
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '与区委专题会议冲突' })
    expect(errCode(await call('cancelMeeting', { meetingId: m.id, reason: '再次' }, sec))).toBe('CONFLICT')
  })
})
