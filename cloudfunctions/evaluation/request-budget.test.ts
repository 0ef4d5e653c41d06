/**
 * The database-request budget of the evaluation hot actions (benchmarked): the ballot page (getRound), 自评, a vote
 * (besides its transaction) and the 支委 view (getRoundAdmin), on the 第一党支部 round opened before the block.
 */
import { DEMO, devOpenid } from '../../tests/support/cloud'
import { YEAR, ballot, sec, evaluationCloud } from './handlers/test-setup'

const NOW = '2026-12-01T02:00:00.000Z' // 10:00 Beijing, the first day of the rounds' voting window
const { cloud, measured, openDemoRound } = evaluationCloud(NOW)

describe('hot actions stay within the request budget', () => {
  const roundId = `ev_${DEMO.branch}_${YEAR}`
  beforeAll(openDemoRound) // the 第一党支部 round, as open-round.test.ts opens it

  test('ballot page ≤ 2, 自评 3, vote 3 besides its transaction, 支委 views ≤ 4', async () => {
    const page = await measured('getRound', {}, devOpenid(DEMO.m.leader1))
    expect(page.reply.ok).toBe(true)
    expect(page.requests).toBe(2) // caller + round with its roster (one aggregate)
    const self = await measured('submitSelfAssessment', { roundId, text: '自评' }, devOpenid(DEMO.m.leader1))
    expect(self.reply.ok).toBe(true)
    // caller + the round (the target the pipeline authorizes: its branch, the caller as member) + one update
    expect(self.requests).toBe(3)
    const graded = (cloud.db.dump('eval_rounds')[0] as { gradedIds: string[] }).gradedIds
    const voted = await measured('vote', { roundId, rows: ballot(DEMO.m.leader1, graded) }, devOpenid(DEMO.m.leader1))
    expect(voted.reply.ok).toBe(true)
    // caller lookup + the round (the target: its branch is authorized before any transaction opens) + the
    // transaction's own five (start, read round again, create roster, add into a tally shard, commit) + closing
    // the voter's 首页 to-do.
    expect(voted.requests).toBe(1 + 1 + 5 + 1)
    const admin = await measured('getRoundAdmin', {}, sec)
    expect(admin.requests).toBe(2)
  })
})
