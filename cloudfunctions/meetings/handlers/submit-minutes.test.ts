/**
 * meetings.submitMinutes (纪实): a 党员大会 locked with quorum, absences emitted once, only audited corrections and
 * 补学 afterwards; five concurrent submissions lock once.
 */
import { DEMO, clock, devOpenid, errCode, ok } from '../../../tests/support/cloud'
import { at, formal, organizer, other, sec, tomorrow, meetingsCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20: the demo year (seeded relative to it) has its absence runs of 3 and 5.
const AT = '2026-11-20T02:00:00.000Z'
const { cloud, call, setUp } = meetingsCloud(AT)

describe('纪实: minutes, lock, corrections, 补学', () => {
  // Also uses requestLeave, decideLeave, hostCode, signIn, saveMinutes, markAttendance, updateMeeting, addCorrection, confirmMakeup.
  test('a 党员大会 is recorded, locked with quorum; afterwards only audited corrections', async () => {
    const m = await setUp({ kind: 'party-congress', topic: '第四季度党员大会' })
    const leave = ok(await call('requestLeave', { meetingId: m.id, reason: '出差' }, devOpenid('m_b1_16')))
    ok(await call('decideLeave', { leaveId: leave.id, approve: true }, sec))
    clock.set(at(m.startsAt, 0))
    const { code } = ok(await call('hostCode', { meetingId: m.id }, sec))
    const attendees = ['m_b1_01', 'm_b1_02', 'm_b1_03', 'm_b1_04', 'm_b1_05', 'm_b1_06', 'm_b1_07', 'm_b1_08', 'm_b1_09', 'm_b1_10', 'm_b1_15', 'm_b1_17', 'm_b1_18', 'm_b1_19', 'm_b1_20', 'm_b1_21', 'm_b1_23']
    for (const id of attendees) ok(await call('signIn', { meetingId: m.id, code }, devOpenid(id)))
    expect(errCode(await call('submitMinutes', { meetingId: m.id }, organizer))).toBe('RULE_VIOLATED') // no content yet
    ok(await call('saveMinutes', { meetingId: m.id, minutes: { content: '书记通报工作，党员讨论。', resolutions: ['通过党费收缴情况报告'] } }, organizer))
    // Before submission the minutes are the keepers' draft.
    expect(ok(await call('getMeeting', { meetingId: m.id }, formal)).minutes).toBeNull()
    const locked = ok(await call('submitMinutes', { meetingId: m.id }, organizer))
    // 30 on the roster, the exempt 冯德福 absent → 应到 29; 17 came (郑晓雨 is 预备: no 表决权); 1 on leave.
    expect(locked.final).toEqual({ due: 29, present: 17, leave: 1, absent: 11, observers: 0, voting: { due: 28, present: 16 }, quorum: { quorate: true, needed: 15, due: 28, present: 16 } })
    expect(locked.lockedAt).not.toBeNull()
    expect(ok(await call('getMeeting', { meetingId: m.id }, formal)).minutes.resolutions).toEqual(['通过党费收缴情况报告'])

    // Absentees: 补学 and one `attendance.absent` event each (not the excused, not the exempt).
    const absent = cloud.db.dump('events').filter((e) => e.type === 'attendance.absent' && (e.data as { meetingId: string }).meetingId === m.id)
    expect(absent).toHaveLength(11)
    expect(absent.map((e) => e.memberId)).not.toContain('m_b1_16')
    expect(absent.map((e) => e.memberId)).not.toContain(DEMO.m.retired)
    expect(ok(await call('getMeeting', { meetingId: m.id }, devOpenid('m_b1_16'))).makeup).toEqual({ done: false })

    // Locked: no edits, no marks, no second submit — nothing written.
    const before = cloud.snapshot()
    expect(errCode(await call('saveMinutes', { meetingId: m.id, minutes: { content: '改写' } }, organizer))).toBe('RULE_VIOLATED')
    expect(errCode(await call('markAttendance', { meetingId: m.id, memberId: 'm_b1_23', via: 'recorder' }, organizer))).toBe('RULE_VIOLATED')
    expect(errCode(await call('submitMinutes', { meetingId: m.id }, sec))).toBe('CONFLICT')
    expect(errCode(await call('updateMeeting', { meetingId: m.id, fields: { kind: 'party-congress', topic: '改名', date: tomorrow(), time: '10:00', place: '礼堂', hostId: DEMO.m.secretary, recorderId: DEMO.m.organizer } }, sec))).toBe('RULE_VIOLATED')
    expect(cloud.snapshot()).toEqual(before)

    // A correction is a new audited entry; the minutes themselves are unchanged.
    const corrected = ok(await call('addCorrection', { meetingId: m.id, field: 'resolutions', text: '补记：同意接收1名入党积极分子', reason: '记录遗漏' }, organizer))
    expect(corrected.corrections).toHaveLength(1)
    expect(corrected.corrections[0]).toMatchObject({ byName: '王志强', field: 'resolutions', reason: '记录遗漏' })
    expect(corrected.minutes.resolutions).toEqual(['通过党费收缴情况报告'])
    expect(cloud.db.dump('meeting_corrections').filter((c) => c.meetingId === m.id)).toHaveLength(1)
    expect(cloud.db.dump('audit').filter((a) => a.action === 'meetings.addCorrection' && a.targetId === m.id)).toHaveLength(1)
    expect(errCode(await call('addCorrection', { meetingId: m.id, field: 'other', text: '越权', reason: '无' }, formal))).toBe('FORBIDDEN')

    // 补学: the member on leave confirms; twice is fine; someone who came owes nothing.
    expect(ok(await call('confirmMakeup', { meetingId: m.id }, devOpenid('m_b1_16')))).toEqual({ meetingId: m.id, done: true })
    expect(ok(await call('confirmMakeup', { meetingId: m.id }, devOpenid('m_b1_16')))).toEqual({ meetingId: m.id, done: true })
    expect(errCode(await call('confirmMakeup', { meetingId: m.id }, formal))).toBe('RULE_VIOLATED')
    expect(errCode(await call('confirmMakeup', { meetingId: m.id }, other))).toBe('FORBIDDEN')
  })

  // Also uses saveMinutes.
  test('five concurrent submissions lock once and emit the absences once', async () => {
    const m = await setUp({ kind: 'lecture', topic: '专题党课' })
    clock.set(at(m.startsAt, 30))
    ok(await call('saveMinutes', { meetingId: m.id, minutes: { content: '讲授党课。' } }, organizer))
    const replies = await Promise.all([organizer, sec, organizer, sec, organizer].map((o) => call('submitMinutes', { meetingId: m.id }, o)))
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    expect(replies.filter((r) => !r.ok).map(errCode)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT'])
    expect(cloud.db.dump('events').filter((e) => e.type === 'attendance.absent' && (e.data as { meetingId: string }).meetingId === m.id)).toHaveLength(29)
  })
})
