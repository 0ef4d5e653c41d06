/**
 * A forwarded sign-in code must not let a member into a meeting they may not attend — a
 * 支委会, or another 党小组's 党小组会. Sign-in follows the rule that decides who sees the meeting
 * (`getMeeting`): refused with FORBIDDEN and nothing written (no attendance, no `attendance.present` event,
 * no present-list entry that would later open the minutes).
 */
import { addDays, beijingDate } from '../../../shared/src/rules/time'
import { DEMO, clock, devOpenid, errCode, ok } from '../../../tests/support/cloud'
import { meetingsCloud } from './test-setup'

const AT = '2026-11-20T02:00:00.000Z'
const { cloud } = meetingsCloud(AT)

const sec = devOpenid(DEMO.m.secretary)
const formal = devOpenid(DEMO.m.formal) // 第一党小组, no role
const leader1 = devOpenid(DEMO.m.leader1) // 第一党小组长
const leader2 = devOpenid(DEMO.m.leader2) // 第二党小组长
const student = devOpenid(DEMO.m.student) // 第二党小组
const call = (action: string, input: unknown, openid: string) => cloud.call('meetings', action, input, openid)

/** A meeting tomorrow at 10:00 Beijing; the clock is put at its start and the host's current code fetched. */
const meetingWithCode = async (fields: Record<string, unknown>, by: string): Promise<{ id: string; code: string }> => {
  const date = addDays(beijingDate(clock.now()), 1)
  const m = ok(await call('createMeeting', { fields: { topic: '测试会议', date, time: '10:00', place: '会议室', recorderId: DEMO.m.organizer, ...fields } }, by))
  clock.set(m.startsAt)
  return { id: m.id, code: ok(await call('hostCode', { meetingId: m.id }, by)).code }
}

const presentEvents = (meetingId: string) =>
  cloud.db.dump('events').filter((e) => e.type === 'attendance.present' && (e.data as { meetingId?: string }).meetingId === meetingId)

test('a 支委会: a plain member with the forwarded code is refused, nothing written, the minutes stay closed', async () => {
  const m = await meetingWithCode({ kind: 'committee', hostId: DEMO.m.secretary }, sec)
  expect(errCode(await call('getMeeting', { meetingId: m.id }, formal))).toBe('FORBIDDEN')
  const before = cloud.snapshot([])
  for (const openid of [formal, leader1, student]) {
    const r = await call('signIn', { meetingId: m.id, code: m.code }, openid)
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '您不在这次会议的参会范围内' } })
  }
  expect(cloud.snapshot([])).toEqual(before)
  expect(presentEvents(m.id)).toEqual([])

  // The 支委 sign in; once the record is locked, the member still cannot read it.
  expect(ok(await call('signIn', { meetingId: m.id, code: m.code }, devOpenid(DEMO.m.publicity))).repeat).toBe(false)
  ok(await call('saveMinutes', { meetingId: m.id, minutes: { content: '研究发展党员工作' } }, sec))
  ok(await call('submitMinutes', { meetingId: m.id }, sec))
  expect(errCode(await call('getMeeting', { meetingId: m.id }, formal))).toBe('FORBIDDEN')
  expect(presentEvents(m.id).map((e) => e.memberId)).toEqual([DEMO.m.publicity])
})

test('another 党小组\'s 党小组会: refused; its own members and a 支委 (列席) sign in', async () => {
  const m = await meetingWithCode({ kind: 'group', groupId: DEMO.groups.g2, hostId: DEMO.m.leader2 }, leader2)
  const before = cloud.snapshot([])
  for (const openid of [formal, leader1]) {
    expect(errCode(await call('getMeeting', { meetingId: m.id }, openid))).toBe('FORBIDDEN')
    expect(errCode(await call('signIn', { meetingId: m.id, code: m.code }, openid))).toBe('FORBIDDEN')
  }
  expect(cloud.snapshot([])).toEqual(before)
  expect(presentEvents(m.id)).toEqual([])

  expect(ok(await call('signIn', { meetingId: m.id, code: m.code }, student)).repeat).toBe(false)
  // The 书记 (第一党小组) is not on this roster but a 支委 may attend any 党小组会.
  expect(ok(await call('signIn', { meetingId: m.id, code: m.code }, sec)).repeat).toBe(false)
  expect(presentEvents(m.id)).toHaveLength(2)
})

test('a branch-wide meeting still admits every member of the branch', async () => {
  const m = await meetingWithCode({ kind: 'theme-day', hostId: DEMO.m.secretary }, sec)
  expect(ok(await call('signIn', { meetingId: m.id, code: m.code }, formal)).repeat).toBe(false)
  expect(ok(await call('signIn', { meetingId: m.id, code: m.code }, student)).repeat).toBe(false)
})
