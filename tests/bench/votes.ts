/**
 * The 民主测评 vote burst for `npm run bench`: a fresh branch of `voters` 正式党员 opens a round, then every
 * voter submits the same ballot `tries` times at once (a double-tapping phone, a flaky network). Exactly one
 * counted ballot and one roster record per voter must remain: duplicates and lost votes are what is reported.
 */
import { addDays, beijingDate } from '../../shared/src/rules/time'
import { addTestBranch } from '../support/branch'
import { clock, type TestCloud } from '../support/cloud'
import { measure, percentile } from './measure'

export interface VoteBurst {
  voters: number
  submissions: number
  /** Submissions answered ok (must equal `voters`). */
  ok: number
  /** Ballots counted in the round's tally shards (must equal `voters`). */
  ballots: number
  roster: number
  /** Ballots beyond one per voter. */
  duplicates: number
  /** Voters whose ok answer left no roster record. */
  lost: number
  p50Ms: number
  p99Ms: number
  seconds: number
}


let voteBranchSeq = 0

export async function benchVotes(cloud: TestCloud, voters = 50, tries = 5): Promise<VoteBurst> {
  const branchId = `br_bench_vote_${++voteBranchSeq}`
  const ids = await addTestBranch(cloud, branchId, { formal: voters, pad: 3, at: clock.now().toISOString() })
  const today = beijingDate(clock.now())
  const year = Number(today.slice(0, 4))
  const opened = await measure(cloud, 'evaluation', 'openRound', { branchId, year, votingFrom: today, votingTo: addDays(today, 7) }, `dev_${ids[0]}`)
  if (!opened.reply.ok) throw new Error(`openRound: ${opened.reply.error.code} ${opened.reply.error.message}`)
  const roundId = `ev_${branchId}_${year}`
  const t0 = performance.now()
  const calls = ids.flatMap((voter) => {
    const rows = ids.filter((id) => id !== voter).map((memberId) => ({ memberId, grade: 'qualified' }))
    return Array.from({ length: tries }, () => measure(cloud, 'evaluation', 'vote', { roundId, rows }, `dev_${voter}`))
  })
  const results = await Promise.all(calls)
  const seconds = (performance.now() - t0) / 1000
  // No ballot is stored: the round's tally shards count them.
  const ballots = cloud.db.dump('eval_tallies').filter((t) => t.roundId === roundId).reduce((n, t) => n + (t.ballots as number), 0)
  const roster = cloud.db.dump('eval_roster').filter((r) => r.roundId === roundId)
  const okCount = results.filter((r) => r.reply.ok).length
  const distinct = new Set(roster.map((r) => r.memberId)).size
  return {
    voters,
    submissions: results.length,
    ok: okCount,
    ballots,
    roster: roster.length,
    duplicates: Math.max(0, ballots - distinct),
    lost: Math.max(0, okCount - distinct),
    p50Ms: percentile(results.map((r) => r.ms), 50),
    p99Ms: percentile(results.map((r) => r.ms), 99),
    seconds: Math.round(seconds * 10) / 10,
  }
}
