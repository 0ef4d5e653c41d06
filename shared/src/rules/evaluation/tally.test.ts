// Tests of tally.ts.
import fc from 'fast-check'
import { type BallotRow, encodeBallot, validateBallot } from './ballot'
import { EVALUATION_GRADES, type EvaluationGrade } from './grades'
import { tallyBallots, tallyMarkCounts } from './tally'

/** Sparse ballots summed into mark counts, as the round's tally shards hold them. */
const sumMarks = (stored: readonly Readonly<Record<string, EvaluationGrade>>[]): Record<string, Partial<Record<EvaluationGrade, number>>> => {
  const counts: Record<string, Partial<Record<EvaluationGrade, number>>> = {}
  for (const marks of stored) {
    for (const [memberId, grade] of Object.entries(marks)) {
      const c = (counts[memberId] ??= {})
      c[grade] = (c[grade] ?? 0) + 1
    }
  }
  return counts
}

describe('sparse ballots', () => {
  test('a ballot keeps only rows that are not 合格', () => {
    expect(
      encodeBallot([
        { memberId: 'a', grade: 'excellent' },
        { memberId: 'b', grade: 'qualified' },
        { memberId: 'c', grade: 'unqualified' },
      ]),
    ).toEqual({ a: 'excellent', c: 'unqualified' })
  })

  test('with self excluded, a voter who gives everyone 合格 stores the same ballot as anyone else doing so', () => {
    const graded = ['a', 'b', 'c']
    const full = (voter: string): BallotRow[] => graded.filter((id) => id !== voter).map((memberId) => ({ memberId, grade: 'qualified' }))
    expect(encodeBallot(full('a'))).toEqual(encodeBallot(full('b')))
  })

  test('worked example: three voters, self excluded', () => {
    const graded = ['a', 'b', 'c']
    const ballots: BallotRow[][] = [
      [
        { memberId: 'b', grade: 'excellent' },
        { memberId: 'c', grade: 'qualified' },
      ], // a's
      [
        { memberId: 'a', grade: 'qualified' },
        { memberId: 'c', grade: 'unqualified' },
      ], // b's
      [
        { memberId: 'a', grade: 'excellent' },
        { memberId: 'b', grade: 'excellent' },
      ], // c's
    ]
    const stored = ballots.map(encodeBallot)
    const tally = tallyMarkCounts(sumMarks(stored), stored.length, { gradedIds: graded, votedIds: graded, includeSelf: false })
    expect(tally).toEqual(tallyBallots(ballots, graded))
    expect(tally.find((r) => r.memberId === 'b')).toEqual({ memberId: 'b', ballots: 2, counts: { excellent: 2, qualified: 0, 'basically-qualified': 0, unqualified: 0 } })
  })

  test('property: the tally of stored ballots equals the tally of the full ballots', () => {
    const scenario = fc
      .record({
        graded: fc.integer({ min: 1, max: 12 }),
        probationary: fc.integer({ min: 0, max: 3 }),
        includeSelf: fc.boolean(),
        turnout: fc.double({ min: 0, max: 1, noNaN: true }),
        seed: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 400, maxLength: 400 }),
      })
      .map(({ graded, probationary, includeSelf, turnout, seed }) => {
        const gradedIds = Array.from({ length: graded }, (_, i) => `f${i}`)
        const voters = [...gradedIds, ...Array.from({ length: probationary }, (_, i) => `p${i}`)]
        const votedIds = voters.filter((_, i) => (i * 7919) % 100 < turnout * 100)
        let k = 0
        const ballots = votedIds.map((voter) =>
          gradedIds
            .filter((id) => includeSelf || id !== voter)
            .map((memberId) => ({ memberId, grade: EVALUATION_GRADES[seed[k++ % seed.length] as number] as EvaluationGrade })),
        )
        return { gradedIds, votedIds, includeSelf, ballots }
      })
    fc.assert(
      fc.property(scenario, ({ gradedIds, votedIds, includeSelf, ballots }) => {
        ballots.forEach((b, i) => expect(validateBallot(b, { gradedIds, voterId: votedIds[i], includeSelf }).ok).toBe(true))
        const stored = ballots.map(encodeBallot)
        expect(tallyMarkCounts(sumMarks(stored), stored.length, { gradedIds, votedIds, includeSelf })).toEqual(tallyBallots(ballots, gradedIds))
      }),
    )
  })

  test('summed marks: only graded members and grades other than 合格 count; 合格 is what is left', () => {
    const counts = { a: { excellent: 2, qualified: 5, unqualified: 1 }, x: { excellent: 3 }, b: { great: 1 } as Partial<Record<EvaluationGrade, number>> }
    expect(tallyMarkCounts(counts, 4, { gradedIds: ['a', 'b', 'a'], votedIds: ['a'], includeSelf: false })).toEqual([
      { memberId: 'a', ballots: 3, counts: { excellent: 2, qualified: 0, 'basically-qualified': 0, unqualified: 1 } },
      { memberId: 'b', ballots: 4, counts: { excellent: 0, qualified: 4, 'basically-qualified': 0, unqualified: 0 } },
    ])
    expect(tallyMarkCounts({}, 0, { gradedIds: ['a'], votedIds: ['a'], includeSelf: false })).toEqual([
      { memberId: 'a', ballots: 0, counts: { excellent: 0, qualified: 0, 'basically-qualified': 0, unqualified: 0 } },
    ])
  })
})
