/**
 * 民主测评 tallies without ballots. A round keeps no per-ballot document at all (one would name its voter
 * by the missing own row, and the natural order of ballots would follow the roster's): a vote adds its
 * sparse marks (`encodeBallot`) into ONE of the round's `TALLY_SHARDS` tally documents, picked at random,
 * in the same transaction as its roster entry. Shards keep concurrent votes from all writing one document.
 *
 * Every shard is written when the round opens, with a 0 for every graded member × grade other than 合格,
 * so votes change numbers only: not the shards' order, not their keys, not their key order. At close the
 * shards are folded into shard 0, so what stays at rest afterwards is the round's total and nothing finer.
 *
 * Invariant: the sum of the shards' `ballots` equals the round's roster count. The demo seed builds its
 * rounds through `addBallot` and `foldShards` here, the code the vote and the close use.
 */
import { randomInt } from 'node:crypto'
import type { EvaluationGrade } from '@shared/rules/evaluation/grades'
import { DEFAULT_BALLOT_GRADE } from '@shared/rules/evaluation/ballot'
import type { MarkCounts } from '@shared/rules/evaluation/tally'
import type { EvalRoundDoc, EvalTallyDoc } from './documents'
import type { Store } from '../_kit/store'

/** How many documents a round's tally is spread over. */
export const TALLY_SHARDS = 8

export const tallyShardId = (roundId: string, shard: number): string => `${roundId}_t${shard}`

/** A shard for this vote: crypto-random, so neither the voter nor the time decides it. */
export const pickShard = (): number => randomInt(TALLY_SHARDS)

type RoundShape = Pick<EvalRoundDoc, '_id' | 'gradedIds' | 'grades'>

/** An empty shard of `round`: every graded member with a 0 for each grade of the scale other than 合格. */
export const emptyTally = (round: RoundShape): Omit<EvalTallyDoc, '_id'> => {
  const grades = round.grades.filter((g) => g !== DEFAULT_BALLOT_GRADE)
  return {
    roundId: round._id,
    ballots: 0,
    counts: Object.fromEntries(round.gradedIds.map((id) => [id, Object.fromEntries(grades.map((g) => [g, 0]))])),
  }
}

/** The shards a round starts with (written by openRound, or by the seed). */
export const emptyShards = (round: RoundShape): EvalTallyDoc[] =>
  Array.from({ length: TALLY_SHARDS }, (_, k) => ({ _id: tallyShardId(round._id, k), ...emptyTally(round) }))

/**
 * What one ballot adds to its shard, as field path → amount: 1 ballot, and 1 for each mark. The vote
 * applies these with `inc` inside its transaction; `addBallot` applies the same to a document in memory.
 */
export const ballotIncrements = (marks: Readonly<Record<string, EvaluationGrade>>): Record<string, number> => {
  const inc: Record<string, number> = { ballots: 1 }
  for (const [memberId, grade] of Object.entries(marks)) inc[`counts.${memberId}.${grade}`] = 1
  return inc
}

/** `shard` with one ballot added: `ballotIncrements` applied in memory (a new document; `shard` is untouched). */
export const addBallot = <T extends Omit<EvalTallyDoc, '_id'>>(shard: T, marks: Readonly<Record<string, EvaluationGrade>>): T => {
  const next = { ...shard, counts: Object.fromEntries(Object.entries(shard.counts).map(([id, c]) => [id, { ...c }])) } as T
  for (const [path, n] of Object.entries(ballotIncrements(marks))) {
    if (path === 'ballots') {
      next.ballots += n
      continue
    }
    const [, memberId, grade] = path.split('.') as [string, string, EvaluationGrade]
    const c = (next.counts[memberId] ??= {})
    c[grade] = (c[grade] ?? 0) + n
  }
  return next
}

export interface TallyTotal {
  /** Ballots in all shards: equals the roster count. */
  ballots: number
  counts: MarkCounts
}

/** The sum of a round's shards. */
export const sumShards = (shards: readonly Pick<EvalTallyDoc, 'ballots' | 'counts'>[]): TallyTotal => {
  const counts: Record<string, Partial<Record<EvaluationGrade, number>>> = {}
  let ballots = 0
  for (const s of shards) {
    ballots += s.ballots
    for (const [memberId, c] of Object.entries(s.counts)) {
      const into = (counts[memberId] ??= {})
      for (const [grade, n] of Object.entries(c) as [EvaluationGrade, number][]) into[grade] = (into[grade] ?? 0) + n
    }
  }
  return { ballots, counts }
}

/** The shards folded into one document, shard 0: their sum over the empty shard (its keys, in their order). */
export const foldShards = (round: RoundShape, shards: readonly Pick<EvalTallyDoc, 'ballots' | 'counts'>[]): EvalTallyDoc => {
  const total = sumShards(shards)
  const doc = emptyTally(round)
  for (const [memberId, c] of Object.entries(total.counts)) {
    const into = (doc.counts[memberId] ??= {})
    for (const [grade, n] of Object.entries(c) as [EvaluationGrade, number][]) into[grade] = (into[grade] ?? 0) + n
  }
  return { _id: tallyShardId(round._id, 0), ...doc, ballots: total.ballots }
}

/** Every shard of a round (one request). */
export const loadShards = (store: Store, roundId: string): Promise<EvalTallyDoc[]> => store.findAll('eval_tallies', { roundId })

/** The round's tally: its shards summed (one request). */
export const loadTally = async (store: Store, roundId: string): Promise<TallyTotal> => sumShards(await loadShards(store, roundId))

/**
 * At close: the shards become one document (shard 0 holds the sum, the others are removed), in one
 * transaction, so a backup or export taken after close holds only the round's total. Every shard written
 * here makes a vote still in flight on it conflict, retry, and find the round closed. Returns the total.
 */
export const foldRoundTally = (store: Store, round: RoundShape): Promise<TallyTotal> =>
  store.transaction(
    async (tx) => {
      // Read after the transaction started: a vote committed since then conflicts with the writes below.
      const shards = await loadShards(store, round._id)
      const folded = foldShards(round, shards)
      const { _id, ...doc } = folded
      await tx.set('eval_tallies', _id, doc)
      for (const s of shards) if (s._id !== _id) await tx.remove('eval_tallies', s._id)
      return { ballots: folded.ballots, counts: folded.counts }
    },
    { attempts: 12 },
  )
