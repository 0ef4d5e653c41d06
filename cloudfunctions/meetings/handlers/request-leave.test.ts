/**
 * meetings.requestLeave: asked before the meeting, one request per meeting, approved by the member's 党小组长.
 */
import { DEMO, clock, devOpenid, errCode, ok } from '../../../tests/support/cloud'
import { at, formal, leader1, leader2, otherSec, meetingsCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20: the demo year (seeded relative to it) has its absence runs of 3 and 5.
const AT = '2026-11-20T02:00:00.000Z'
const { call, counted, setUp } = meetingsCloud(AT)

describe('leave', () => {
  // Also uses decideLeave, listLeaves, getMeeting.
  test('ask before the meeting; the member\'s 党小组长 approves; one request per meeting', async () => {
    const m = await setUp()
    const req = await counted('requestLeave', { meetingId: m.id, reason: '出差' }, formal)
    expect(req.requests).toBe(4)
    const leave = ok(req.reply)
    expect(leave).toMatchObject({ status: 'pending', memberName: '吴刚', reason: '出差' })
    expect(ok(await call('requestLeave', { meetingId: m.id, reason: '再次' }, formal))).toMatchObject({ id: leave.id, reason: '出差' })
    expect(errCode(await call('decideLeave', { leaveId: leave.id, approve: true }, leader2))).toBe('FORBIDDEN')
    expect(errCode(await call('decideLeave', { leaveId: leave.id, approve: true }, formal))).toBe('FORBIDDEN')
    expect(errCode(await call('decideLeave', { leaveId: leave.id, approve: true }, otherSec))).toBe('FORBIDDEN')
    const pending = ok(await call('listLeaves', { groupId: DEMO.groups.g1, status: 'pending' }, leader1)).leaves
    expect(pending.map((l: { id: string }) => l.id)).toContain(leave.id)
    expect(ok(await call('decideLeave', { leaveId: leave.id, approve: true, note: '注意补学' }, leader1))).toMatchObject({ status: 'approved', decidedByName: '赵敏' })
    const detail = ok(await call('getMeeting', { meetingId: m.id }, formal))
    expect(detail).toMatchObject({ my: 'leave', myLeave: { status: 'approved', reason: '出差', note: '注意补学' }, counts: { leave: 1 } })
    clock.set(at(m.startsAt, 1))
    expect(errCode(await call('requestLeave', { meetingId: m.id, reason: '临时有事' }, devOpenid('m_b1_15')))).toBe('RULE_VIOLATED')
  })
})
