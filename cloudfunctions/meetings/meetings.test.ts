/**
 * The meetings function through the real SDK on the local backend: the rotating code (forged, expired,
 * other-meeting, replayed, outside the window), one record under races (300 members; one member ×10),
 * recorder marks, leave, minutes locked after submission with audited corrections, 补学, attendance views
 * and flags, compliance, the annual plan, branch isolation, and DB requests per hot action.
 */
import { DEMO_MEETINGS } from '../../local/seed'
import { beijingDate, addDays } from '../../shared/src/rules/time'
import { DEMO, clock, devOpenid, errCode, ok, startTestCloud, type Reply, type TestCloud } from '../../tests/support/cloud'
import { png as pngImage } from '../../tests/support/images'
import { issueCode } from './code'

// 10:00 Beijing, Friday 2026-11-20: the demo year (seeded relative to it) has its absence runs of 3 and 5.
const AT = '2026-11-20T02:00:00.000Z'
const YEAR = 2026
let cloud: TestCloud
const sec = devOpenid(DEMO.m.secretary)
const organizer = devOpenid(DEMO.m.organizer)
const formal = devOpenid(DEMO.m.formal)
const leader1 = devOpenid(DEMO.m.leader1)
const leader2 = devOpenid(DEMO.m.leader2)
const other = devOpenid(DEMO.b2.formal)
const otherSec = devOpenid(DEMO.b2.secretary)

beforeAll(async () => {
  cloud = await startTestCloud({ at: AT })
})
afterAll(() => cloud.close())
afterEach(() => clock.reset())

const call = (action: string, input: unknown, openid: string | null) => cloud.call('meetings', action, input, openid)

/** Calls and counts the database requests of that one invocation. */
const counted = (action: string, input: unknown, openid: string) => cloud.counted('meetings', action, input, openid)

const meetingDoc = (id: string) => cloud.db.dump('meetings').find((m) => m._id === id) as Record<string, unknown> & { secret: string; presentIds: string[]; startsAt: string }
const tomorrow = () => addDays(beijingDate(clock.now()), 1)

/** A meeting tomorrow at 10:00 Beijing time, set up by the 书记; returns its id and start instant. */
const setUp = async (fields: Record<string, unknown> = {}, by = sec): Promise<{ id: string; startsAt: string }> => {
  const m = ok(
    await call(
      'createMeeting',
      { fields: { kind: 'theme-day', topic: '测试主题党日', date: tomorrow(), time: '10:00', place: '党群服务中心', hostId: DEMO.m.secretary, recorderId: DEMO.m.organizer, ...fields } },
      by,
    ),
  )
  return { id: m.id, startsAt: m.startsAt }
}
/** A file whose first bytes are `magic` (not a PNG). */
const otherPng = (magic: string): string => Buffer.concat([Buffer.from(magic), Buffer.from([1, 2, 3])]).toString('base64')
const at = (startsAt: string, minutes: number) => new Date(Date.parse(startsAt) + minutes * 60_000)

describe('meetings and the list', () => {
  test('a member sees the next 主题党日 with their status; the list and the detail are one read each', async () => {
    const list = await counted('listMeetings', { when: 'upcoming' }, formal)
    const upcoming = ok(list.reply).meetings
    expect(list.requests).toBe(2)
    const next = upcoming.find((m: { id: string }) => m.id === DEMO_MEETINGS.nextThemeDay)
    expect(next).toMatchObject({ kind: 'theme-day', status: 'planned', my: 'pending', signIn: 'not-yet' })
    expect(next.counts).toEqual({ due: 29, present: 0, leave: 1 }) // 30 members, 冯德福 exempt; 1 approved leave
    const detail = await counted('getMeeting', { meetingId: DEMO_MEETINGS.nextThemeDay }, devOpenid('m_b1_18'))
    expect(detail.requests).toBe(2)
    expect(ok(detail.reply)).toMatchObject({ my: 'leave-pending', myLeave: { status: 'pending', reason: '家中老人住院需陪护' }, canHost: false, minutes: null })
    expect(JSON.stringify(ok(detail.reply))).not.toContain('secret')
  })

  test('past meetings are held, locked, with counts; a member with a missed meeting owes 补学', async () => {
    const past = ok(await call('listMeetings', { when: 'past', page: { limit: 50 } }, sec)).meetings
    expect(past.length).toBeGreaterThan(20)
    // Every past meeting is held and locked, except one the workbench seed cancels (a gap in 党小组会).
    const held = past.filter((m: { status: string }) => m.status !== 'cancelled')
    expect(past.length - held.length).toBeLessThanOrEqual(1)
    expect(held.every((m: { locked: boolean; status: string }) => m.locked && m.status === 'held')).toBe(true)
    const tasks = await counted('myTasks', {}, devOpenid(DEMO_MEETINGS.absentWarn))
    expect(tasks.requests).toBe(2)
    expect(ok(tasks.reply).makeups.length).toBeGreaterThan(0)
  })

  test('members do not see another group\'s 党小组会 or the 支委会; 支委 see all', async () => {
    const mine = ok(await call('listMeetings', { when: 'past', page: { limit: 200 } }, formal)).meetings as { kind: string; groupId: string | null }[]
    expect(mine.some((m) => m.kind === 'committee')).toBe(false)
    expect(mine.filter((m) => m.kind === 'group').every((m) => m.groupId === DEMO.groups.g1)).toBe(true)
    const all = ok(await call('listMeetings', { when: 'past', page: { limit: 200 } }, sec)).meetings as { kind: string }[]
    expect(all.some((m) => m.kind === 'committee')).toBe(true)
    const committeeMeeting = cloud.db.dump('meetings').find((m) => m.kind === 'committee') as { _id: string }
    expect(errCode(await call('getMeeting', { meetingId: committeeMeeting._id }, formal))).toBe('FORBIDDEN')
  })

  test('another branch or an unbound user cannot see a meeting', async () => {
    expect(errCode(await call('getMeeting', { meetingId: DEMO_MEETINGS.nextThemeDay }, other))).toBe('FORBIDDEN')
    expect(errCode(await call('listMeetings', { branchId: DEMO.branch, when: 'upcoming' }, otherSec))).toBe('FORBIDDEN')
    expect(errCode(await call('getMeeting', { meetingId: DEMO_MEETINGS.nextThemeDay }, 'dev_stranger'))).toBe('UNAUTHENTICATED')
    // 上级 admins may read it.
    expect(ok(await call('getMeeting', { meetingId: DEMO_MEETINGS.nextThemeDay }, DEMO.adminOpenid)).id).toBe(DEMO_MEETINGS.nextThemeDay)
  })
})

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

  test('cancel needs a reason and nobody signed in; a cancelled meeting refuses sign-in', async () => {
    const m = await setUp()
    const cancelled = ok(await call('cancelMeeting', { meetingId: m.id, reason: '与区委专题会议冲突' }, sec))
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '与区委专题会议冲突' })
    expect(errCode(await call('cancelMeeting', { meetingId: m.id, reason: '再次' }, sec))).toBe('CONFLICT')
  })
})

describe('sign-in with the rotating code', () => {
  test('the host gets a code inside the window; a member signs in once; repeats return the first record', async () => {
    const m = await setUp()
    clock.set(at(m.startsAt, -40))
    const early = ok(await call('hostCode', { meetingId: m.id }, sec))
    expect(early).toMatchObject({ state: 'not-yet', code: null })
    clock.set(at(m.startsAt, -10))
    const host = await counted('hostCode', { meetingId: m.id }, sec)
    expect(host.requests).toBe(2)
    const { code, due, present } = ok(host.reply)
    expect(code).toMatch(/^ZB1\./)
    expect([due, present]).toEqual([29, 0])
    // An ordinary member is not a keeper of this meeting.
    expect(errCode(await call('hostCode', { meetingId: m.id }, formal))).toBe('FORBIDDEN')

    const first = await counted('signIn', { meetingId: m.id, code }, formal)
    expect(first.requests).toBe(5) // caller, meeting, attendance, event, present list
    expect(ok(first.reply)).toMatchObject({ memberId: DEMO.m.formal, memberName: '吴刚', via: 'scan', repeat: false })
    const again = await counted('signIn', { meetingId: m.id, code }, formal)
    expect(again.requests).toBe(3) // caller, meeting, the existing record
    expect(ok(again.reply)).toMatchObject({ id: ok(first.reply).id, at: ok(first.reply).at, repeat: true })
    expect(ok(await call('hostCode', { meetingId: m.id }, sec)).present).toBe(1)
    const events = cloud.db.dump('events').filter((e) => e.type === 'attendance.present' && e.sourceId === `${m.id}_${DEMO.m.formal}`)
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ memberId: DEMO.m.formal, branchId: DEMO.branch, data: { meetingId: m.id, kind: 'theme-day', via: 'scan' } })
    expect(ok(await call('getMeeting', { meetingId: m.id }, formal)).my).toBe('present')
  })

  test('forged, malformed, other-meeting and expired codes are refused; the previous window is accepted', async () => {
    const m = await setUp()
    const n = await setUp({ topic: '另一场会议' })
    clock.set(at(m.startsAt, 0))
    const { code } = ok(await call('hostCode', { meetingId: m.id }, sec))
    const other = ok(await call('hostCode', { meetingId: n.id }, sec)).code
    const msg = (r: Reply) => (r.ok ? 'ok' : `${r.error.code}:${r.error.message}`)

    const forged = code.slice(0, -4) + (code.endsWith('AAAA') ? 'BBBB' : 'AAAA')
    expect(msg(await call('signIn', { meetingId: m.id, code: forged }, formal))).toBe('RULE_VIOLATED:签到码无效，请扫描主持人手机上的签到码')
    const [, id, window, mac] = code.split('.')
    expect(msg(await call('signIn', { meetingId: m.id, code: `ZB1.${id}.${Number(window) + 1}.${mac}` }, formal))).toMatch(/^RULE_VIOLATED:签到码无效/)
    expect(msg(await call('signIn', { meetingId: m.id, code: 'hello' }, formal))).toMatch(/^RULE_VIOLATED:这不是支部助手的签到二维码/)
    expect(msg(await call('signIn', { meetingId: m.id, code: other }, formal))).toBe('RULE_VIOLATED:该二维码不是本次会议的签到码，请确认会议后再扫码')

    // 15 s later the code is the previous window's: still accepted. 30 s later: expired (a forwarded screenshot).
    clock.set(at(m.startsAt, 0.25))
    expect(ok(await call('signIn', { meetingId: m.id, code }, devOpenid('m_b1_15'))).repeat).toBe(false)
    clock.set(at(m.startsAt, 0.5))
    expect(msg(await call('signIn', { meetingId: m.id, code }, devOpenid('m_b1_16')))).toMatch(/^RULE_VIOLATED:签到码已过期（超过30秒）/)
    // A replay of the old code by the member who used it is refused too; the current code still finds their record.
    expect(errCode(await call('signIn', { meetingId: m.id, code }, devOpenid('m_b1_15')))).toBe('RULE_VIOLATED')
    const fresh = ok(await call('hostCode', { meetingId: m.id }, sec)).code
    expect(ok(await call('signIn', { meetingId: m.id, code: fresh }, devOpenid('m_b1_15'))).repeat).toBe(true)
    expect(meetingDoc(m.id).presentIds).toEqual(['m_b1_15'])
  })

  test('a valid code outside the sign-in window is refused', async () => {
    const m = await setUp()
    const secret = meetingDoc(m.id).secret
    clock.set(at(m.startsAt, -31))
    const early = issueCode(m.id, secret, clock.now().getTime()).code
    expect((await call('signIn', { meetingId: m.id, code: early }, formal)) as Reply).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATED', message: expect.stringContaining('签到尚未开始') } })
    clock.set(at(m.startsAt, 31))
    const late = issueCode(m.id, secret, clock.now().getTime()).code
    expect(errCode(await call('signIn', { meetingId: m.id, code: late }, formal))).toBe('RULE_VIOLATED')
    expect(ok(await call('hostCode', { meetingId: m.id }, sec))).toMatchObject({ state: 'closed', code: null })
    expect(meetingDoc(m.id).presentIds).toEqual([])
  })

  test('another branch, an unbound user and a 上级 admin cannot sign in, even with a valid code', async () => {
    const m = await setUp()
    clock.set(at(m.startsAt, 0))
    const { code } = ok(await call('hostCode', { meetingId: m.id }, sec))
    expect(errCode(await call('signIn', { meetingId: m.id, code }, other))).toBe('FORBIDDEN')
    expect(errCode(await call('signIn', { meetingId: m.id, code }, 'dev_stranger'))).toBe('UNAUTHENTICATED')
    expect(errCode(await call('signIn', { meetingId: m.id, code }, DEMO.adminOpenid))).toBe('FORBIDDEN')
    expect(errCode(await call('hostCode', { meetingId: m.id }, otherSec))).toBe('FORBIDDEN')
    expect(meetingDoc(m.id).presentIds).toEqual([])
  })

  test('remote sign-in only for 流动党员; the distance check when the meeting has coordinates', async () => {
    const place = { lat: 28.2282, lng: 112.9388, radiusM: 300 }
    const m = await setUp({ location: place })
    clock.set(at(m.startsAt, 0))
    const { code } = ok(await call('hostCode', { meetingId: m.id }, sec))
    expect(errCode(await call('signIn', { meetingId: m.id, code, remote: true }, formal))).toBe('RULE_VIOLATED')
    expect(ok(await call('signIn', { meetingId: m.id, code, remote: true }, devOpenid(DEMO.m.mobile))).via).toBe('remote')
    const noLoc = await call('signIn', { meetingId: m.id, code }, formal)
    expect(noLoc.ok ? '' : noLoc.error.message).toContain('位置')
    expect(noLoc.ok ? null : noLoc.error.details).toEqual({ rule: 'LOCATION_REQUIRED' })
    const far = await call('signIn', { meetingId: m.id, code, location: { lat: 28.2382, lng: 112.9388 } }, formal)
    expect(far.ok ? '' : far.error.message).toMatch(/距离会场约11\d\d米/)
    expect(ok(await call('signIn', { meetingId: m.id, code, location: { lat: 28.2290, lng: 112.9390 } }, formal)).repeat).toBe(false)
  })

  test('bad sign-in input is refused with nothing written', async () => {
    const before = cloud.snapshot()
    for (const input of [{ meetingId: DEMO_MEETINGS.fixture }, { meetingId: DEMO_MEETINGS.fixture, code: 'x'.repeat(201) }, { meetingId: { $ne: null }, code: 'ZB1.a.1.b' }, { meetingId: DEMO_MEETINGS.fixture, code: 'a', location: { lat: 91, lng: 0 } }]) {
      expect(errCode(await call('signIn', input, formal))).toBe('INVALID_INPUT')
    }
    expect(cloud.snapshot()).toEqual(before)
  })
})

describe('races', () => {
  test('300 members signing in concurrently: 300 records, 300 events, no duplicates, no errors', async () => {
    // A branch of 300 members (plus its 书记) written straight into the database.
    const branchId = 'br_race'
    const now = clock.now().toISOString()
    const branch = { ...cloud.db.dump('orgs').find((o) => o._id === DEMO.branch), _id: branchId, name: '压力测试支部', groups: [] }
    const people = Array.from({ length: 301 }, (_, i) => `m_race_${String(i).padStart(3, '0')}`)
    await cloud.db.insertMany('orgs', [branch])
    await cloud.db.insertMany(
      'members',
      people.map((id, i) => ({ _id: id, branchId, name: `党员${i}`, gender: 'male', phone: null, joinedAt: '2010-01-01', formalAt: '2011-01-01', status: 'formal', groupId: null, duesCategory: 'employed', flags: { elderly: false, mobile: false }, roles: i === 0 ? ['secretary'] : [], openid: `dev_${id}`, boundAt: now, active: true, createdAt: now, updatedAt: now })),
    )
    await cloud.db.insertMany(
      'users',
      people.map((id, i) => ({ _id: `dev_${id}`, memberId: id, branchId, groupId: null, status: 'formal', roles: i === 0 ? ['secretary'] : [], name: `党员${i}`, adminOrgs: [], adminBranchIds: [], createdAt: now })),
    )
    const host = `dev_${people[0]}`
    const m = ok(await call('createMeeting', { fields: { kind: 'party-congress', topic: '压力测试党员大会', date: tomorrow(), time: '10:00', place: '礼堂', hostId: people[0], recorderId: people[1] } }, host))
    clock.set(at(m.startsAt, 0))
    const { code } = ok(await call('hostCode', { meetingId: m.id }, host))
    const replies = await Promise.all(people.slice(1).map((id) => call('signIn', { meetingId: m.id, code }, `dev_${id}`)))
    expect(replies.filter((r) => !r.ok).map((r) => (r.ok ? '' : r.error.code))).toEqual([])
    const records = cloud.db.dump('attendance').filter((a) => a.meetingId === m.id)
    expect(records).toHaveLength(300)
    expect(new Set(records.map((a) => a.memberId)).size).toBe(300)
    expect(cloud.db.dump('events').filter((e) => (e.data as { meetingId?: string }).meetingId === m.id)).toHaveLength(300)
    const doc = meetingDoc(m.id)
    expect(doc.presentIds).toHaveLength(300)
    expect(new Set(doc.presentIds).size).toBe(300)
    expect(ok(await call('hostCode', { meetingId: m.id }, host))).toMatchObject({ due: 301, present: 300 })
  }, 60_000)

  test('the same member signing in 10 times concurrently: one record, one event', async () => {
    const m = await setUp()
    clock.set(at(m.startsAt, 0))
    const { code } = ok(await call('hostCode', { meetingId: m.id }, sec))
    const replies = await Promise.all(Array.from({ length: 10 }, () => call('signIn', { meetingId: m.id, code }, formal)))
    expect(replies.every((r) => r.ok)).toBe(true)
    expect(replies.filter((r) => r.ok && r.data.repeat === false)).toHaveLength(1)
    expect(new Set(replies.map((r) => (r.ok ? r.data.at : '')))).toEqual(new Set([ok(replies[0] as Reply).at]))
    expect(cloud.db.dump('attendance').filter((a) => a.meetingId === m.id)).toHaveLength(1)
    expect(cloud.db.dump('events').filter((e) => e.sourceId === `${m.id}_${DEMO.m.formal}`)).toHaveLength(1)
    expect(meetingDoc(m.id).presentIds).toEqual([DEMO.m.formal])
  })
})

describe('recorder mode', () => {
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

describe('leave', () => {
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

  test('a 党小组长 cannot approve their own leave', async () => {
    const m = await setUp()
    const leave = ok(await call('requestLeave', { meetingId: m.id, reason: '开会' }, leader1))
    expect(errCode(await call('decideLeave', { leaveId: leave.id, approve: true }, leader1))).toBe('RULE_VIOLATED')
    expect(ok(await call('decideLeave', { leaveId: leave.id, approve: false, note: '请尽量参加' }, sec)).status).toBe('declined')
    expect(ok(await call('getMeeting', { meetingId: m.id }, leader1)).my).toBe('leave-declined')
  })
})

describe('纪实: minutes, lock, corrections, 补学', () => {
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

  test('纪实 photos: uploaded to the meeting folder by a keeper, named by the minutes, shown with links, closed by the lock', async () => {
    const m = await setUp({ kind: 'lecture', topic: '照片测试党课' })
    const png = pngImage(2, 2).toString('base64')
    // Only keepers upload; the bytes must be the picture the name says.
    expect(errCode(await call('uploadPhoto', { meetingId: m.id, ext: 'png', base64: png }, formal))).toBe('FORBIDDEN')
    expect(errCode(await call('uploadPhoto', { meetingId: m.id, ext: 'png', base64: otherPng('GIF89a') }, organizer))).toBe('INVALID_INPUT')
    const up = ok(await call('uploadPhoto', { meetingId: m.id, ext: 'png', base64: png }, organizer))
    expect(up.fileId).toContain(`/meetings/${DEMO.branch}/${m.id}/`)
    expect(up.url).toMatch(/^http/)

    // A photo of another meeting (or any other folder) is refused and nothing is written.
    const other = await setUp({ kind: 'lecture', topic: '另一次党课' })
    const foreign = ok(await call('uploadPhoto', { meetingId: other.id, ext: 'png', base64: png }, organizer))
    const before = cloud.snapshot()
    const refused = await call('saveMinutes', { meetingId: m.id, minutes: { content: '讲授党课。', photos: [{ fileId: foreign.fileId }] } }, organizer)
    expect(errCode(refused)).toBe('INVALID_INPUT')
    expect(cloud.snapshot()).toEqual(before)

    const saved = ok(await call('saveMinutes', { meetingId: m.id, minutes: { content: '讲授党课。', photos: [{ fileId: up.fileId, name: '现场' }] } }, organizer))
    expect(saved.minutes.photos).toEqual([{ fileId: up.fileId, name: '现场', url: expect.stringMatching(/^http/) }])
    // The link serves the stored bytes.
    const res = await fetch(saved.minutes.photos[0].url)
    expect(Buffer.from(await res.arrayBuffer()).toString('base64')).toBe(png)

    clock.set(at(m.startsAt, 60))
    ok(await call('submitMinutes', { meetingId: m.id }, organizer))
    // Members see the locked record's photos; no more uploads once locked.
    expect(ok(await call('getMeeting', { meetingId: m.id }, formal)).minutes.photos).toHaveLength(1)
    expect(errCode(await call('uploadPhoto', { meetingId: m.id, ext: 'png', base64: png }, organizer))).toBe('RULE_VIOLATED')
  })

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

describe('attendance views', () => {
  const year = YEAR

  test('the year × month grid flags runs of absence for the 支委 only, neutrally', async () => {
    const r = await counted('attendanceGrid', { year }, sec)
    expect(r.requests).toBeLessThanOrEqual(4)
    const grid = ok(r.reply)
    expect(grid.rows).toHaveLength(30)
    const row = (id: string) => grid.rows.find((x: { memberId: string }) => x.memberId === id)
    expect(row(DEMO_MEETINGS.absentWarn)).toMatchObject({ flag: 'warn', run: 3, flagText: '连续缺席，提请支部关注' })
    expect(row(DEMO_MEETINGS.absentEscalate)).toMatchObject({ flag: 'escalate', run: 5, flagText: '连续缺席时间较长，提请支部研究' })
    expect(row(DEMO.m.retired)).toMatchObject({ flag: 'none', exempt: true })
    expect(row(DEMO.m.formal).cells).toHaveLength(12)
    expect(grid.note).toContain('系统不作任何自动处理')
    expect(errCode(await call('attendanceGrid', { year }, formal))).toBe('FORBIDDEN')
    expect(errCode(await call('attendanceGrid', { year }, leader1))).toBe('FORBIDDEN')
  })

  test('a member sees their own year without flags; the 支委 see the flag', async () => {
    const self = await counted('memberAttendance', { year }, devOpenid(DEMO_MEETINGS.absentEscalate))
    expect(self.requests).toBe(2)
    expect(ok(self.reply).flag).toBeNull()
    expect(ok(self.reply).totals.absent).toBeGreaterThan(4)
    const bySec = ok(await call('memberAttendance', { memberId: DEMO_MEETINGS.absentEscalate, year }, sec))
    expect(bySec.flag).toMatchObject({ flag: 'escalate', run: 5 })
    expect(errCode(await call('memberAttendance', { memberId: DEMO_MEETINGS.absentEscalate, year }, formal))).toBe('FORBIDDEN')
  })

  test('compliance: held vs required for hunan-wuhua-2018 with the missing periods', async () => {
    const r = await counted('compliance', { year }, sec)
    expect(r.requests).toBe(3)
    const c = ok(r.reply)
    expect(c.profileName).toBe('湖南党支部“五化”建设')
    // At 2026-11-20 the theme days of January to October are past: each was held in the demo year.
    const themeThisYear = c.rows.filter((x: { kind: string; periodKey: string }) => x.kind === 'theme-day' && x.periodKey < '2026-11')
    expect(themeThisYear.map((x: { periodKey: string }) => x.periodKey)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'])
    expect(themeThisYear.every((x: { status: string }) => x.status === 'held')).toBe(true)
    expect(c.rows.some((x: { status: string }) => x.status === 'upcoming' || x.status === 'missing')).toBe(true)
  })
})

describe('the annual plan', () => {
  test('draft from the profile, edit, publish to members; publishing twice adds nothing', async () => {
    const year = YEAR + 1
    const draft = ok(await call('draftPlan', { year }, sec))
    expect(draft.status).toBe('draft')
    const kinds = (k: string) => draft.items.filter((i: { kind: string }) => i.kind === k).length
    expect([kinds('theme-day'), kinds('committee'), kinds('group'), kinds('party-congress'), kinds('lecture'), kinds('life-meeting'), kinds('evaluation')]).toEqual([12, 12, 36, 4, 2, 2, 1])
    expect(draft.items.filter((i: { bySecretary: boolean }) => i.bySecretary)).toHaveLength(1)
    // Members do not see a draft.
    expect(ok(await call('getPlan', { year }, formal)).status).toBe('none')
    const items = draft.items.slice(0, 3).map((i: Record<string, unknown>) => ({ key: i.key, kind: i.kind, date: i.date, time: i.time, groupId: i.groupId, topic: i.topic }))
    items[0].topic = '新年第一次支委会'
    const edited = ok(await call('updatePlan', { year, items }, sec))
    expect(edited.items.map((i: { topic: string }) => i.topic)).toContain('新年第一次支委会')
    expect(errCode(await call('updatePlan', { year, items: [{ ...items[0], date: `${year + 1}-01-05` }] }, sec))).toBe('INVALID_INPUT')
    const published = ok(await call('publishPlan', { year }, sec))
    expect(published.status).toBe('published')
    expect(published.items.every((i: { meetingId: string | null }) => i.meetingId !== null)).toBe(true)
    const created = cloud.db.dump('meetings').filter((m) => m.planId === `${DEMO.branch}_${year}`)
    expect(created).toHaveLength(3)
    expect(ok(await call('getPlan', { year }, formal)).items).toHaveLength(3)
    expect(errCode(await call('publishPlan', { year }, sec))).toBe('CONFLICT')
    expect(errCode(await call('draftPlan', { year }, sec))).toBe('CONFLICT')
    expect(cloud.db.dump('meetings').filter((m) => m.planId === `${DEMO.branch}_${year}`)).toHaveLength(3)
    expect(errCode(await call('draftPlan', { year }, formal))).toBe('FORBIDDEN')
  })
})
