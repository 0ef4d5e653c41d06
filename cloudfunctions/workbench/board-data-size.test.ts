/**
 * The dashboards' aggregates survive a document without one of the arrays they count:
 * CloudBase fails a whole aggregate on `$size` of a missing array (so does the local cloud now), so the
 * pipeline counts a missing array as empty.
 */
import { DEMO, startTestCloud, type TestCloud } from '../../tests/support/cloud'
import { createStore } from '../_kit/store'
import { loadBranchBoard, loadOrgBoard } from './board-data'

const AT = '2026-11-20T02:00:00.000Z'
let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ at: AT })
  // A held meeting written before presentIds / exemptIds / leaveIds / roster existed, and a 测评 round
  // without voterIds.
  await cloud.db.insertMany('meetings', [
    { _id: 'mt_legacy', branchId: DEMO.branch, kind: 'branch-meeting', topic: '旧记录', date: '2026-03-05', status: 'held', lockedAt: '2026-03-06T00:00:00.000Z', rosterIds: ['a', 'b', 'c'] },
  ])
  await cloud.db.insertMany('eval_rounds', [{ _id: 'er_legacy', branchId: DEMO.branch, year: 2026, seq: 99, status: 'closed', title: '旧测评' }])
})
afterAll(() => cloud.close())

test('支部工作台 data: the legacy meeting counts 3 due, 0 present; the round 0 voters', async () => {
  const board = await loadBranchBoard(createStore(), DEMO.branch, 2026)
  const m = board?.meetings.find((x) => x._id === 'mt_legacy')
  expect(m).toMatchObject({ due: 3, present: 0, leave: 0, secretaryLed: false })
  expect(board?.rounds.find((r) => (r as { _id?: string })._id === 'er_legacy')).toMatchObject({ voters: 0, voted: 0 })
  // The seeded meetings are still counted as before.
  expect(board?.meetings.filter((x) => x._id !== 'mt_legacy').some((x) => x.present > 0)).toBe(true)
})

test('上级 overview data: the legacy meeting adds 3 due and 0 present to its branch', async () => {
  const [facts] = await loadOrgBoard(createStore(), [DEMO.branch], 2026)
  expect(facts?.held.some((h) => h.date === '2026-03-05')).toBe(true)
  expect(facts?.due).toBeGreaterThanOrEqual(3)
})
