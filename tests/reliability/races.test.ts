/**
 * Races: the same write fired concurrently — a double-tapped sign-in, a payment recorded twice,
 * a ballot submitted five times, an 积分 申报 approved by two 支委 at once, an invite code redeemed by ten
 * phones — must have exactly one effect each, through the domains' real flows on the demo branch.
 */
import { addDays, beijingDate, beijingMonth, shiftMonth } from '../../shared/src/rules/time'
import { DEMO, clock, devOpenid, errCode, ok, startTestCloud, type Reply, type TestCloud } from '../support/cloud'

// 10:00 Beijing, Friday 2026-11-20: the demo's round is open, the month's dues are due.
const AT = '2026-11-20T02:00:00.000Z'
let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ at: AT })
})
afterAll(async () => {
  await cloud.close()
})
afterEach(() => clock.reset())

const sec = devOpenid(DEMO.m.secretary)
const organizer = devOpenid(DEMO.m.organizer)
const dump = (c: string) => cloud.db.dump(c)
const okCount = (rs: Reply[]) => rs.filter((r) => r.ok).length
const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000)

test('sign-in: one member scanning ten times at once → one attendance record, one event, listed once', async () => {
  const meeting = ok(
    await cloud.call(
      'meetings',
      'createMeeting',
      { fields: { kind: 'theme-day', topic: '并发签到', date: addDays(beijingDate(clock.now()), 1), time: '10:00', place: '会议室', hostId: DEMO.m.secretary, recorderId: DEMO.m.organizer } },
      sec,
    ),
  )
  clock.set(at(meeting.startsAt, -5))
  const { code } = ok(await cloud.call('meetings', 'hostCode', { meetingId: meeting.id }, sec))
  const member = DEMO.m.formal
  const replies = await Promise.all(Array.from({ length: 10 }, () => cloud.call('meetings', 'signIn', { meetingId: meeting.id, code }, devOpenid(member))))
  expect(replies.map(errCode)).toEqual(Array(10).fill(null))
  expect(replies.filter((r) => r.ok && r.data.repeat === false)).toHaveLength(1)
  expect(dump('attendance').filter((a) => a.meetingId === meeting.id)).toHaveLength(1)
  expect(dump('events').filter((e) => e.sourceId === `${meeting.id}_${member}`)).toHaveLength(1)
  expect(dump('meetings').find((m) => m._id === meeting.id)?.presentIds).toEqual([member])
})

test('payment: one month recorded five times at once (two 支委) → one ledger entry, paid once, audited once', async () => {
  const memberId = 'm_b1_21'
  const month = shiftMonth(beijingMonth(clock.now()), 1)
  const ledgerId = `${memberId}_${month.replace('-', '')}`
  expect(dump('dues_ledger').find((d) => d._id === ledgerId)?.status ?? 'unpaid').not.toBe('paid')
  const input = { memberId, months: [month], paidOn: beijingDate(clock.now()), method: 'cash' }
  const replies = await Promise.all([organizer, sec, organizer, sec, organizer].map((o) => cloud.call('dues', 'recordPayment', input, o)))
  expect(okCount(replies)).toBe(1)
  expect(replies.map(errCode).filter(Boolean)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT'])
  const ledger = dump('dues_ledger').filter((d) => d._id === ledgerId)
  expect(ledger).toHaveLength(1)
  expect(ledger[0]).toMatchObject({ status: 'paid', memberId, month })
  const account = dump('dues_accounts').find((a) => a._id === memberId) as { paidMonths: string[] }
  expect(account.paidMonths.filter((m) => m === month)).toHaveLength(1)
  expect(dump('audit').filter((a) => a.action === 'dues.recordPayment' && a.targetId === memberId)).toHaveLength(1)
  // Paid before its collection day, so it earns at most one on-time event (none is also fine: 预交 after the day).
  expect(dump('events').filter((e) => e.sourceId === ledgerId).length).toBeLessThanOrEqual(1)
})

test('ballot: one voter submitting five times at once → one ballot counted, one roster record', async () => {
  const year = Number(beijingDate(clock.now()).slice(0, 4))
  const roundId = `ev_${DEMO.branch}_${year}`
  const round = dump('eval_rounds').find((r) => r._id === roundId) as { status: string; voterIds: string[]; gradedIds: string[] }
  expect(round.status).toBe('open')
  const voted = new Set(dump('eval_roster').filter((r) => r.roundId === roundId).map((r) => r.memberId))
  const bound = new Set(dump('users').map((u) => u.memberId))
  const voter = round.voterIds.find((id) => !voted.has(id) && bound.has(id) && round.gradedIds.includes(id)) as string
  expect(voter).toBeDefined()
  // No ballot is stored: the round's tally shards count them.
  const ballots = () => dump('eval_tallies').filter((t) => t.roundId === roundId).reduce((n, t) => n + (t.ballots as number), 0)
  const ballots0 = ballots()
  expect(ballots0).toBe(voted.size)
  const rows = round.gradedIds.filter((id) => id !== voter).map((memberId) => ({ memberId, grade: 'qualified' }))
  const replies = await Promise.all(Array.from({ length: 5 }, () => cloud.call('evaluation', 'vote', { roundId, rows }, devOpenid(voter))))
  expect(okCount(replies)).toBe(1)
  expect(replies.map(errCode).filter(Boolean)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT'])
  expect(ballots()).toBe(ballots0 + 1)
  expect(dump('eval_roster').filter((r) => r.roundId === roundId && r.memberId === voter)).toHaveLength(1)
  expect(dump('eval_roster').filter((r) => r.roundId === roundId)).toHaveLength(voted.size + 1)
})

test('积分 approval: two 支委 approving one 申报 at once → one approval, counted once', async () => {
  const memberId = 'm_b1_15'
  const month = beijingMonth(clock.now())
  const year = Number(month.slice(0, 4))
  const entry = ok(await cloud.call('points', 'submitEntry', { branchId: DEMO.branch, clientKey: 'race-review-1', month, itemCode: 'volunteer', description: '并发审核测试' }, devOpenid(memberId)))
  const net = async () => (ok(await cloud.call('points', 'overview', { memberId, year }, sec)).months as { month: string; net: number }[]).find((m) => m.month === month)?.net ?? 0
  const before = await net()
  const replies = await Promise.all([
    cloud.call('points', 'reviewEntry', { entryId: entry.id, decision: 'approve' }, organizer),
    cloud.call('points', 'reviewEntry', { entryId: entry.id, decision: 'approve' }, sec),
    cloud.call('points', 'reviewEntry', { entryId: entry.id, decision: 'approve' }, organizer),
  ])
  expect(okCount(replies)).toBe(1)
  expect(replies.map(errCode).filter(Boolean)).toEqual(['CONFLICT', 'CONFLICT'])
  const winner = ok(replies.find((r) => r.ok) as Reply)
  expect(winner.status).toBe('approved')
  const stored = dump('points_entries').find((e) => e._id === entry.id) as { status: string; reviews: unknown[] }
  expect(stored.status).toBe('approved')
  expect(stored.reviews).toHaveLength(1)
  expect(winner.counted).toBeGreaterThan(0)
  expect(await net()).toBeCloseTo(before + winner.counted, 2)
})

test('invite redemption: ten phones redeeming one code at once → one binding', async () => {
  const memberId = 'm_b1_30'
  expect(dump('members').find((m) => m._id === memberId)?.openid).toBeNull()
  const invite = ok(await cloud.call('org', 'createInvite', { memberId }, organizer))
  const phones = Array.from({ length: 10 }, (_, i) => `dev_race_phone_${i}`)
  // Ten different WeChat users, and the first one tapping twice.
  const replies = await Promise.all([...phones, phones[0] as string].map((openid) => cloud.call('org', 'bind', { code: invite.code }, openid)))
  expect(replies.map(errCode).filter((c) => c !== null && c !== 'CONFLICT')).toEqual([])
  const users = dump('users').filter((u) => u.memberId === memberId)
  expect(users).toHaveLength(1)
  const member = dump('members').find((m) => m._id === memberId)
  expect(member?.openid).toBe(users[0]?._id)
  // Every ok answer went to the one phone that holds the binding (its double tap may also answer ok).
  const winners = new Set(replies.flatMap((r, i) => (r.ok ? [[...phones, phones[0]][i]] : [])))
  expect([...winners]).toEqual([users[0]?._id])
  expect(okCount(replies)).toBeGreaterThanOrEqual(1)
})
