/**
 * meetings.markAttendance (recorder mode): the recorder marks the elderly member and a 流动党员, each mark audited with
 * who made it; the exempt member who came counts in 应到 and 实到.
 */
import { DEMO, clock, errCode, ok } from '../../../tests/support/cloud'
import { at, formal, organizer, sec, meetingsCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20: the demo year (seeded relative to it) has its absence runs of 3 and 5.
const AT = '2026-11-20T02:00:00.000Z'
const { cloud, call, setUp } = meetingsCloud(AT)

describe('recorder mode', () => {
  // Also uses hostCode, meetingAttendance.
  test('the recorder marks the elderly member and a 流动党员 (remote); each mark audited with who made it', async () => {
    const m = await setUp()
    clock.set(at(m.startsAt, 5))
    const marked = ok(await call('markAttendance', { meetingId: m.id, memberId: DEMO.m.retired, via: 'recorder' }, organizer))
    expect(marked).toMatchObject({ memberName: '冯德福', via: 'recorder', markedByName: '王志强', repeat: false })
    expect(ok(await call('markAttendance', { meetingId: m.id, memberId: DEMO.m.mobile, via: 'remote' }, organizer)).via).toBe('remote')
    expect(errCode(await call('markAttendance', { meetingId: m.id, memberId: DEMO.m.formal, via: 'remote' }, organizer))).toBe('RULE_VIOLATED')
    expect(errCode(await call('markAttendance', { meetingId: m.id, memberId: DEMO.m.formal, via: 'recorder' }, formal))).toBe('FORBIDDEN')
    expect(errCode(await call('markAttendance', { meetingId: m.id, memberId: DEMO.b2.formal, via: 'recorder' }, organizer))).toBe('RULE_VIOLATED')
    const audit = cloud.db.dump('audit').filter((a) => a.action === 'meetings.markAttendance' && String(a.targetId).startsWith(m.id))
    expect(audit.map((a) => a.actorName)).toEqual(['王志强', '王志强'])
    expect(audit[0]?.summary).toContain('冯德福')
    // The exempt member who came counts in 应到 and 实到.
    expect(ok(await call('hostCode', { meetingId: m.id }, sec))).toMatchObject({ due: 30, present: 2 })
    const rows = ok(await call('meetingAttendance', { meetingId: m.id }, organizer)).rows as { memberId: string; status: string; via: string | null; markedByName: string | null }[]
    expect(rows.find((r) => r.memberId === DEMO.m.retired)).toMatchObject({ status: 'present', via: 'recorder', markedByName: '王志强' })
    expect(rows.find((r) => r.memberId === DEMO.m.formal)).toMatchObject({ status: 'pending', via: null })
  })
})
