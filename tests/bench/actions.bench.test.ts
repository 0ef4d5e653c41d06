/**
 * Keeps `npm run bench` honest without judging its numbers: every call it measures must answer ok (a figure
 * of a refused call would be meaningless), every row carries its target, and a small vote burst leaves one
 * ballot per voter. The figures themselves come from `npm run bench`.
 */
import { startTestCloud, type TestCloud } from '../support/cloud'
import { benchActions, TARGETS } from './actions'
import { benchVotes } from './votes'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ at: '2026-11-20T02:00:00.000Z' })
})
afterAll(() => cloud.close())

test('every benchmarked action answers ok and is listed with its target', async () => {
  const b = await benchActions(cloud, 20)
  expect(b.rows.filter((r) => r.error !== null).map((r) => `${r.fn}.${r.key}: ${r.error}`)).toEqual([])
  const names = b.rows.map((r) => `${r.fn}.${r.key}`)
  for (const n of ['org.me', 'meetings.listMeetings', 'meetings.signIn', 'meetings.requestLeave', 'dues.memberDues', 'points.submitEntry', 'evaluation.vote', 'reminders.listTodos', 'meetings.attendanceGrid', 'dues.collection', 'points.reviewQueue', 'evaluation.getTally', 'workbench.dashboard']) {
    expect(names).toContain(n)
  }
  for (const r of b.rows) {
    expect(r.target).toBe(TARGETS[r.audience])
    expect(r.requests).toBeGreaterThan(0)
  }
  expect(b.home.calls).toBe(6)
  expect(b.signinBurst).toMatchObject({ members: 20, ok: 20, duplicates: 0, lost: 0 })
}, 120_000)

test('vote burst: 10 voters × 3 submissions → 10 ballots, no duplicate', async () => {
  expect(await benchVotes(cloud, 10, 3)).toMatchObject({ voters: 10, submissions: 30, ok: 10, ballots: 10, roster: 10, duplicates: 0, lost: 0 })
}, 120_000)
