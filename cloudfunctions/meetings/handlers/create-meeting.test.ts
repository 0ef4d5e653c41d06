/**
 * meetings.createMeeting: the roster follows the scope (branch, 党小组, 支委); bad fields and a 党小组长 outside their
 * group are refused with nothing written.
 */
import { DEMO, errCode } from '../../../tests/support/cloud'
import { formal, leader1, leader2, sec, tomorrow, meetingsCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20: the demo year (seeded relative to it) has its absence runs of 3 and 5.
const AT = '2026-11-20T02:00:00.000Z'
const { cloud, call, meetingDoc, setUp } = meetingsCloud(AT)

describe('setting up a meeting', () => {
  test('the roster follows the scope: branch, 党小组, 支委', async () => {
    const all = await setUp()
    expect(meetingDoc(all.id).rosterIds).toHaveLength(30)
    expect(meetingDoc(all.id).exemptIds).toEqual([DEMO.m.retired])
    const group = await setUp({ kind: 'group', groupId: DEMO.groups.g2, hostId: DEMO.m.leader2, recorderId: DEMO.m.organizer }, leader2)
    const g2 = cloud.db.dump('members').filter((m) => m.groupId === DEMO.groups.g2).map((m) => m._id)
    expect([...(meetingDoc(group.id).rosterIds as string[])].sort()).toEqual([...g2].sort())
    const committee = await setUp({ kind: 'committee' })
    expect((meetingDoc(committee.id).rosterIds as string[]).sort()).toEqual([DEMO.m.secretary, DEMO.m.deputy, DEMO.m.organizer, DEMO.m.publicity, DEMO.m.discipline].sort())
  })

  test('bad fields are refused with nothing written; a 党小组长 only for their group', async () => {
    const before = cloud.snapshot()
    expect(errCode(await call('createMeeting', { fields: { kind: 'group', topic: '无小组', date: tomorrow(), time: '10:00', place: '会议室', hostId: DEMO.m.secretary, recorderId: DEMO.m.organizer } }, sec))).toBe('INVALID_INPUT')
    expect(errCode(await call('createMeeting', { fields: { kind: 'lecture', topic: '党课', date: tomorrow(), time: '10:00', place: '会议室', hostId: DEMO.b2.formal, recorderId: DEMO.m.organizer } }, sec))).toBe('INVALID_INPUT')
    expect(errCode(await call('createMeeting', { fields: { kind: 'lecture', topic: '党课', date: tomorrow(), time: '25:00', place: '会议室', hostId: DEMO.m.secretary, recorderId: DEMO.m.organizer } }, sec))).toBe('INVALID_INPUT')
    const r = await call('createMeeting', { fields: { kind: 'group', groupId: DEMO.groups.g2, topic: '越权', date: tomorrow(), time: '10:00', place: '会议室', hostId: DEMO.m.leader1, recorderId: DEMO.m.formal } }, leader1)
    expect(errCode(r)).toBe('FORBIDDEN')
    expect(errCode(await call('createMeeting', { fields: { kind: 'theme-day', topic: '越权', date: tomorrow(), time: '10:00', place: '会议室', hostId: DEMO.m.leader1, recorderId: DEMO.m.formal } }, formal))).toBe('FORBIDDEN')
    expect(cloud.snapshot()).toEqual(before)
  })
})
