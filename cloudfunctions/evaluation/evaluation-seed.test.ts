/**
 * The demo 民主评议 as `npm start` shows it: last year's round published (grades within the cap, one
 * 不合格 with its 限期改正 record), this year's round open with some 自评 and ballots — and the same
 * invariants the function keeps (ballots counted = roster, no ballot stored, tallies sealed while open).
 */
import { DEMO, devOpenid, errCode, ok, startTestCloud, type TestCloud } from '../../tests/support/cloud'

let cloud: TestCloud
// 10:00 Beijing on a Friday in late November: this year's round is open, last year's published.
const AT = '2026-11-20T02:00:00.000Z'
const year = 2026
const current = `ev_${DEMO.branch}_${year}`
const last = `ev_${DEMO.branch}_${year - 1}`

beforeAll(async () => {
  cloud = await startTestCloud({ at: AT })
})
afterAll(() => cloud.close())

const call = (action: string, input: unknown, openid: string) => cloud.call('evaluation', action, input, openid)

test('every seeded round counts as many ballots as roster records, and stores no ballot', () => {
  expect(cloud.db.dumpAll()).not.toHaveProperty('eval_ballots')
  const shards = cloud.db.dump('eval_tallies') as { _id: string; roundId: string; ballots: number }[]
  const roster = cloud.db.dump('eval_roster')
  for (const id of [current, last]) {
    const s = shards.filter((x) => x.roundId === id)
    const ballots = s.reduce((n, x) => n + x.ballots, 0)
    expect(ballots).toBeGreaterThan(0)
    expect(ballots).toBe(roster.filter((x) => x.roundId === id).length)
    for (const x of s) expect(Object.keys(x).sort()).toEqual(['_id', 'ballots', 'counts', 'roundId'])
  }
  // The open round keeps its eight shards; last year's, closed, was folded into one.
  expect(shards.filter((x) => x.roundId === current)).toHaveLength(8)
  expect(shards.filter((x) => x.roundId === last).map((x) => x._id)).toEqual([`${last}_t0`])
})

test("last year's round: published, graded within the cap, 不合格 flagged and followed up", async () => {
  const t = ok(await call('getTally', { roundId: last }, devOpenid(DEMO.m.secretary)))
  expect(t.status).toBe('published')
  expect(t.ballots).toBe(t.voted)
  const excellent = t.rows.filter((r: { final: { grade: string } }) => r.final.grade === 'excellent')
  expect(excellent.length).toBeGreaterThan(0)
  expect(excellent.length).toBeLessThanOrEqual(t.settings.excellentQuota)
  const struggling = t.rows.find((r: { memberId: string }) => r.memberId === 'm_b1_21')
  expect(struggling).toMatchObject({ needsReview: true, final: { grade: 'unqualified' } })
  expect(struggling.followUp.notes).toContain('限期改正')
  const mine = ok(await call('getRound', { roundId: last }, devOpenid(DEMO.m.secretary))).round
  expect(mine.result.grade).toBe('excellent')
})

test("this year's round is open: 吴刚 can write his 自评 and vote; tallies stay sealed", async () => {
  const page = ok(await call('getRound', {}, devOpenid(DEMO.m.formal))).round
  expect(page).toMatchObject({ id: current, status: 'open', votingState: 'open' })
  expect(page.me).toMatchObject({ canVote: true, selfAssessment: null })
  expect(page.ballot.filter((r: { selfAssessment: string | null }) => r.selfAssessment).length).toBeGreaterThan(5)
  const admin = ok(await call('getRoundAdmin', {}, devOpenid(DEMO.m.secretary))).round
  expect(admin.turnout.voted).toBe(8)
  expect(admin.selfAssessments.missing.length).toBeGreaterThan(0)
  expect(errCode(await call('getTally', { roundId: current }, devOpenid(DEMO.m.secretary)))).toBe('RULE_VIOLATED')
  const rows = page.ballot.map((r: { memberId: string }) => ({ memberId: r.memberId, grade: 'qualified' }))
  ok(await call('vote', { roundId: current, rows }, devOpenid(DEMO.m.formal)))
  expect(ok(await call('getRoundAdmin', {}, devOpenid(DEMO.m.secretary))).round.turnout.voted).toBe(9)
})

test('closing captures the year’s 积分 and attendance from the demo branch for the 组织评定', async () => {
  ok(await call('closeRound', { roundId: current }, devOpenid(DEMO.m.secretary)))
  const t = ok(await call('getTally', { roundId: current }, devOpenid(DEMO.m.secretary)))
  expect(t.inputsCapturedAt).not.toBeNull()
  const withPoints = t.rows.filter((r: { points: number | null }) => typeof r.points === 'number')
  const withMeetings = t.rows.filter((r: { attendance: { due: number } | null }) => (r.attendance?.due ?? 0) > 0)
  expect(withPoints.length).toBe(t.rows.length)
  expect(withMeetings.length).toBeGreaterThan(t.rows.length / 2)
  for (const r of withMeetings) expect(r.attendance.attended).toBeLessThanOrEqual(r.attendance.due)
})
