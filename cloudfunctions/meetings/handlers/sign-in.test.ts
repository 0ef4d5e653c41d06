/**
 * meetings.signIn with the rotating code: one record per member, repeats answer the first record; forged, malformed,
 * other-meeting, expired and out-of-window codes refused; branch isolation; remote and distance checks; bad input;
 * races (300 members at once, one member ×10) — one record and one event each. Counts DB requests per sign-in.
 */
import { DEMO_MEETINGS } from '../../../local/seed'
import { DEMO, clock, devOpenid, errCode, ok, type Reply } from '../../../tests/support/cloud'
import { issueCode } from '../code'
import { at, formal, other, otherSec, sec, tomorrow, meetingsCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20: the demo year (seeded relative to it) has its absence runs of 3 and 5.
const AT = '2026-11-20T02:00:00.000Z'
const { cloud, call, counted, meetingDoc, setUp } = meetingsCloud(AT)

describe('sign-in with the rotating code', () => {
  // Also uses hostCode, getMeeting.
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

  // Also uses hostCode.
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

  // Also uses hostCode.
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

  // Also uses hostCode.
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

  // Also uses hostCode.
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
  // Also uses createMeeting, hostCode.
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

  // Also uses hostCode.
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
