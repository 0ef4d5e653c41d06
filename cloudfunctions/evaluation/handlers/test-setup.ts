/**
 * Shared setup of the evaluation handler tests (`handlers/*.test.ts`, `request-budget.test.ts`): test branches
 * written straight into the database, opening a round, full ballots, the picture uploads, and readers of the stored tally shards and voter roster.
 * Each test file starts its own cloud with `evaluationCloud(NOW)` (the seed without the demo's rounds), which
 * registers the jest hooks and returns the helpers bound to it.
 */
import type { BallotRow } from '@shared/rules/evaluation/ballot'
import type { EvaluationGrade } from '@shared/rules/evaluation/grades'
import { addTestBranch } from '../../../tests/support/branch'
import { SEED_PARTS } from '../../../local/seed'
import { evaluationSeed } from '../../../local/seed/evaluation'
import { DEMO, clock, devOpenid, ok, startTestCloud, type TestCloud } from '../../../tests/support/cloud'
import { lateCloud } from '../../../tests/support/late-cloud'
import { png } from '../../../tests/support/images'

export const YEAR = 2026
export const sec = devOpenid(DEMO.m.secretary)

/** A full ballot from `voter` over `graded` (self excluded), grades from `pick`. */
export const ballot = (voter: string, graded: readonly string[], pick: (memberId: string, i: number) => EvaluationGrade = () => 'qualified'): BallotRow[] =>
  graded.filter((id) => id !== voter).map((memberId, i) => ({ memberId, grade: pick(memberId, i) }))

/** A picture upload: a whole 2×2 PNG (uploads are parsed to IEND), and a file whose first bytes say otherwise. */
export const PNG = png(2, 2).toString('base64')
export const GIF = Buffer.concat([Buffer.from('GIF89a'), Buffer.from([1, 2, 3])]).toString('base64')
/** What a temporary link serves, as base64. */
export const fetched = async (url: string): Promise<string> => Buffer.from(await (await fetch(url)).arrayBuffer()).toString('base64')

export type Shard = { _id: string; roundId: string; ballots: number; counts: Record<string, Record<string, number>> }

/** The evaluation helpers bound to the file's test cloud (read through `cloud()`: it is started in `beforeAll`). */
export const evaluationHelpers = (cloud: () => TestCloud) => {
  const call = (action: string, input: unknown, openid: string | null) => cloud().call('evaluation', action, input, openid)

  /** Calls the function and reports how many database requests it made. */
  const measured = (action: string, input: unknown, openid: string) => cloud().counted('evaluation', action, input, openid)

  // ---- test branches written straight into the database: n 正式党员 (+ p 预备), the first is 书记, the second 组织委员.
  const makeBranch = async (id: string, formal: number, opts: { probationary?: number; profileId?: string } = {}): Promise<{ ids: string[]; openid: (memberId: string) => string }> => {
    const ids = await addTestBranch(cloud(), id, { formal, probationary: opts.probationary, profileId: opts.profileId ?? 'hunan-wuhua-2018', roles: (n) => (n === 0 ? ['secretary'] : n === 1 ? ['organizer'] : []) })
    return { ids, openid: (memberId) => `dev_${memberId}` }
  }

  const openAs = (openid: string, branchId: string, extra: Record<string, unknown> = {}) =>
    call('openRound', { branchId, year: YEAR, votingFrom: '2026-12-01', votingTo: '2026-12-05', ...extra }, openid)

  /** The 第一党支部 round with the profile's defaults, opened by its 书记 (what open-round.test.ts opens). */
  const openDemoRound = async (): Promise<void> => {
    ok(await openAs(sec, DEMO.branch))
  }

  const shardsOf = (roundId: string) => cloud().db.dump('eval_tallies').filter((t) => t.roundId === roundId) as unknown as Shard[]
  /** Ballots counted in the round's tally shards (no ballot document exists). */
  const ballotsOf = (roundId: string) => shardsOf(roundId).reduce((n, s) => n + s.ballots, 0)
  const rosterOf = (roundId: string) => cloud().db.dump('eval_roster').filter((r) => r.roundId === roundId)

  return { call, measured, makeBranch, openAs, openDemoRound, shardsOf, ballotsOf, rosterOf }
}

/**
 * Starts this file's test cloud at `at` (hooks registered here: started once without the demo's rounds, closed
 * after, the clock set back to `at` before each test) and returns it with the helpers bound to it.
 */
export function evaluationCloud(at: string) {
  let cloud!: TestCloud
  beforeAll(async () => {
    // The demo's own rounds are checked in evaluation-seed.test.ts; here every round starts from nothing.
    cloud = await startTestCloud({ at, parts: SEED_PARTS.filter((p) => p !== evaluationSeed) })
  })
  afterAll(async () => {
    await cloud.close()
  })
  beforeEach(() => clock.set(at))
  return { cloud: lateCloud(() => cloud), ...evaluationHelpers(() => cloud) }
}
