/**
 * Tally shards in memory: ballots added into shards at random, summed or folded, give the tally of the
 * full ballots; an added ballot changes numbers only, never the shard's keys or their order.
 */
import fc from 'fast-check'
import { EVALUATION_GRADES, type EvaluationGrade } from '@shared/rules/evaluation/grades'
import { tallyBallots, tallyMarkCounts } from '@shared/rules/evaluation/tally'
import { type BallotRow, encodeBallot } from '@shared/rules/evaluation/ballot'
import { addBallot, ballotIncrements, emptyShards, emptyTally, foldShards, sumShards, TALLY_SHARDS, tallyShardId } from './tally'

const round = (graded: number, grades: EvaluationGrade[] = [...EVALUATION_GRADES]) => ({ _id: 'ev_b_2026', gradedIds: Array.from({ length: graded }, (_, i) => `f${i}`), grades })

test('an empty shard lists every graded member with each grade but 合格; the round starts with all of them', () => {
  expect(emptyTally(round(2))).toEqual({ roundId: 'ev_b_2026', ballots: 0, counts: { f0: { excellent: 0, 'basically-qualified': 0, unqualified: 0 }, f1: { excellent: 0, 'basically-qualified': 0, unqualified: 0 } } })
  expect(emptyTally(round(1, ['qualified', 'basically-qualified', 'unqualified'])).counts).toEqual({ f0: { 'basically-qualified': 0, unqualified: 0 } })
  expect(emptyShards(round(1)).map((s) => s._id)).toEqual(Array.from({ length: TALLY_SHARDS }, (_, k) => tallyShardId('ev_b_2026', k)))
})

test('a ballot adds 1 ballot and 1 per mark, as increments and in memory alike; the shard given is untouched', () => {
  const marks = encodeBallot([
    { memberId: 'f1', grade: 'excellent' },
    { memberId: 'f2', grade: 'qualified' },
    { memberId: 'f3', grade: 'unqualified' },
  ])
  expect(ballotIncrements(marks)).toEqual({ ballots: 1, 'counts.f1.excellent': 1, 'counts.f3.unqualified': 1 })
  const empty = emptyShards(round(4))[3] as NonNullable<ReturnType<typeof emptyShards>[number]>
  const once = addBallot(empty, marks)
  expect(empty.ballots).toBe(0)
  expect(empty.counts.f1?.excellent).toBe(0)
  expect(once).toMatchObject({ _id: empty._id, ballots: 1, counts: { f1: { excellent: 1 }, f3: { unqualified: 1 } } })
  expect(Object.keys(once.counts)).toEqual(Object.keys(empty.counts))
  for (const id of Object.keys(empty.counts)) expect(Object.keys(once.counts[id] ?? {})).toEqual(Object.keys(empty.counts[id] ?? {}))
  // A shard that somehow lacks a member still counts it.
  expect(addBallot({ roundId: 'r', ballots: 0, counts: {} }, { f9: 'excellent' }).counts).toEqual({ f9: { excellent: 1 } })
})

test('property: ballots spread over shards at random, summed or folded, tally as the full ballots do', () => {
  const scenario = fc.record({
    graded: fc.integer({ min: 1, max: 10 }),
    probationary: fc.integer({ min: 0, max: 2 }),
    includeSelf: fc.boolean(),
    picks: fc.array(fc.tuple(fc.nat(TALLY_SHARDS - 1), fc.array(fc.nat(3), { minLength: 12, maxLength: 12 })), { maxLength: 14 }),
  })
  fc.assert(
    fc.property(scenario, ({ graded, probationary, includeSelf, picks }) => {
      const r = round(graded)
      const voters = [...r.gradedIds, ...Array.from({ length: probationary }, (_, i) => `p${i}`)].slice(0, picks.length)
      const shards = emptyShards(r)
      const ballots: BallotRow[][] = voters.map((voter, v) => {
        const [shard, grades] = picks[v] as [number, number[]]
        const rows = r.gradedIds.filter((id) => includeSelf || id !== voter).map((memberId, i) => ({ memberId, grade: EVALUATION_GRADES[grades[i] as number] as EvaluationGrade }))
        shards[shard] = addBallot(shards[shard] as (typeof shards)[number], encodeBallot(rows))
        return rows
      })
      const expected = tallyBallots(ballots, r.gradedIds)
      const options = { gradedIds: r.gradedIds, votedIds: voters, includeSelf }
      const sum = sumShards(shards)
      expect(sum.ballots).toBe(voters.length)
      expect(tallyMarkCounts(sum.counts, sum.ballots, options)).toEqual(expected)
      const folded = foldShards(r, shards)
      expect(folded._id).toBe(tallyShardId(r._id, 0))
      expect(Object.keys(folded.counts)).toEqual(r.gradedIds)
      expect(tallyMarkCounts(folded.counts, folded.ballots, options)).toEqual(expected)
    }),
  )
})
