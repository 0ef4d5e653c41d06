// Tests of proposal.ts.
import fc from 'fast-check'
import { RuleInputError } from '../errors'
import type { BallotRow } from './ballot'
import { checkFinalGrades, type EvaluationGrade, THREE_GRADE_SCALE } from './grades'
import { exceedsUnqualifiedShare, missingReasons, proposeGrades, proposeRoundGrades } from './proposal'
import { gradeShare, tallyBallots, type TallyRow } from './tally'

describe('tally and proposal', () => {
  const tallyRow = (memberId: string, c: Partial<Record<EvaluationGrade, number>>): TallyRow => {
    const counts = { excellent: 0, qualified: 0, 'basically-qualified': 0, unqualified: 0, ...c }
    return { memberId, counts, ballots: Object.values(counts).reduce((a, b) => a + b, 0) }
  }

  test('tallyBallots counts each grade per member, in roster order', () => {
    const ballots: BallotRow[][] = [
      [{ memberId: 'b', grade: 'excellent' }, { memberId: 'a', grade: 'qualified' }],
      [{ memberId: 'a', grade: 'excellent' }, { memberId: 'x', grade: 'excellent' }],
      [{ memberId: 'b', grade: 'unqualified' }, { memberId: 'a', grade: 'bogus' as EvaluationGrade }],
    ]
    expect(tallyBallots(ballots, ['a', 'b', 'c'])).toEqual([
      tallyRow('a', { qualified: 1, excellent: 1 }),
      tallyRow('b', { excellent: 1, unqualified: 1 }),
      tallyRow('c', {}),
    ])
    expect(gradeShare(tallyRow('c', {}), 'excellent')).toBe(0)
    expect(gradeShare(tallyRow('b', { excellent: 1, unqualified: 3 }), 'unqualified')).toBe(0.75)
  })

  test('top 优秀 shares take the quota; ties at the edge are flagged, not broken', () => {
    // 7 正式 → quota 2.
    const tally = [
      tallyRow('a', { excellent: 6 }),
      tallyRow('b', { excellent: 5, qualified: 1 }),
      tallyRow('c', { excellent: 4, qualified: 2 }),
      tallyRow('d', { excellent: 4, qualified: 2 }),
      tallyRow('e', { qualified: 6 }),
      tallyRow('f', { 'basically-qualified': 3, unqualified: 1, qualified: 2 }),
      tallyRow('g', { unqualified: 2, qualified: 4 }),
    ]
    const { quota, proposals } = proposeGrades(tally)
    expect(quota).toBe(2)
    const by = Object.fromEntries(proposals.map((p) => [p.memberId, p]))
    expect(by.a?.proposed).toBe('excellent')
    expect(by.b?.proposed).toBe('excellent')
    expect(by.c?.proposed).toBe('qualified')
    expect(by.e?.proposed).toBe('qualified')
    expect(by.f?.proposed).toBe('basically-qualified')
    expect(by.g).toMatchObject({ proposed: 'qualified', flags: ['UNQUALIFIED_VOTES'] })
    expect(proposals.every((p) => p.proposed !== 'unqualified')).toBe(true)

    // With quota 3 the 3rd place is shared by c and d: both flagged, neither proposed 优秀.
    const three = proposeGrades(tally, { formalCount: 9 })
    const by3 = Object.fromEntries(three.proposals.map((p) => [p.memberId, p]))
    expect(three.quota).toBe(3)
    expect(by3.c).toMatchObject({ proposed: 'qualified', flags: ['TIE_AT_QUOTA'] })
    expect(by3.d).toMatchObject({ proposed: 'qualified', flags: ['TIE_AT_QUOTA'] })
    expect(three.proposals.filter((p) => p.proposed === 'excellent').map((p) => p.memberId)).toEqual(['a', 'b'])
  })

  test('积分 break a tie among 优秀 candidates', () => {
    const tally = [tallyRow('c', { excellent: 4, qualified: 2 }), tallyRow('d', { excellent: 4, qualified: 2 }), tallyRow('e', { qualified: 6 })]
    const { proposals } = proposeGrades(tally, { formalCount: 3, points: { c: 85, d: 92 } })
    expect(proposals.find((p) => p.proposed === 'excellent')?.memberId).toBe('d')
    // No points for either: still a tie.
    const none = proposeGrades(tally, { formalCount: 3 })
    expect(none.proposals.filter((p) => p.flags.includes('TIE_AT_QUOTA')).map((p) => p.memberId)).toEqual(['c', 'd'])
  })

  test('flags: no ballots, low 积分, many 不合格 — never an automatic 不合格', () => {
    const tally = [tallyRow('a', {}), tallyRow('b', { excellent: 5 }), tallyRow('c', { unqualified: 6 })]
    const { proposals } = proposeGrades(tally, { points: { b: 55, c: 40 }, lowPointsBelow: 60 })
    expect(proposals).toEqual([
      { memberId: 'a', proposed: 'qualified', flags: ['NO_BALLOTS'], excellentShare: 0, unqualifiedShare: 0, points: null },
      { memberId: 'b', proposed: 'qualified', flags: ['LOW_POINTS'], excellentShare: 1, unqualifiedShare: 0, points: 55 },
      { memberId: 'c', proposed: 'basically-qualified', flags: ['UNQUALIFIED_VOTES', 'LOW_POINTS'], excellentShare: 0, unqualifiedShare: 1, points: 40 },
    ])
  })

  test('a majority of 优秀 is needed; the threshold and flag share are options', () => {
    const tally = [tallyRow('a', { excellent: 3, qualified: 3 }), tallyRow('b', { excellent: 1, unqualified: 1, qualified: 4 })]
    expect(proposeGrades(tally, { formalCount: 6 }).proposals.map((p) => p.proposed)).toEqual(['qualified', 'qualified'])
    expect(proposeGrades(tally, { formalCount: 6, excellentMinShare: 0.4 }).proposals.map((p) => p.proposed)).toEqual(['excellent', 'qualified'])
    expect(proposeGrades(tally, { unqualifiedFlagShare: 1 / 6 }).proposals[1]?.flags).toEqual(['UNQUALIFIED_VOTES'])
  })

  test('three-grade scale: no 优秀 and quota 0', () => {
    const tally = [tallyRow('a', { excellent: 5 }), tallyRow('b', { 'basically-qualified': 4, qualified: 1 })]
    const r = proposeGrades(tally, { scale: THREE_GRADE_SCALE })
    expect(r.quota).toBe(0)
    expect(r.proposals.map((p) => p.proposed)).toEqual(['qualified', 'basically-qualified'])
    const noBasic = proposeGrades([tallyRow('b', { 'basically-qualified': 4 })], { scale: ['excellent', 'qualified', 'unqualified'] })
    expect(noBasic.proposals[0]?.proposed).toBe('qualified')
  })

  test('shares outside [0, 1] are refused', () => {
    const tally = [tallyRow('a', { excellent: 5 })]
    expect(() => proposeGrades(tally, { excellentMinShare: 1.5 })).toThrow(RuleInputError)
    expect(() => proposeGrades(tally, { unqualifiedFlagShare: -0.1 })).toThrow(RuleInputError)
  })
  test('property: proposals respect the quota and never say 不合格', () => {
    const row = fc.record({
      excellent: fc.nat(10),
      qualified: fc.nat(10),
      'basically-qualified': fc.nat(10),
      unqualified: fc.nat(10),
    })
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (counts) => {
        const tally = counts.map((c, i) => tallyRow(`m${i}`, c))
        const { quota, proposals } = proposeGrades(tally)
        expect(proposals.filter((p) => p.proposed === 'excellent').length).toBeLessThanOrEqual(quota)
        expect(proposals.some((p) => p.proposed === 'unqualified')).toBe(false)
        const ok = checkFinalGrades(proposals.map((p) => ({ memberId: p.memberId, status: 'formal', grade: p.proposed })))
        expect(ok).toEqual({ ok: true })
      }),
    )
  })
})

const row = (memberId: string, counts: Partial<Record<EvaluationGrade, number>>): TallyRow => {
  const full = { excellent: 0, qualified: 0, 'basically-qualified': 0, unqualified: 0, ...counts }
  return { memberId, counts: full, ballots: Object.values(full).reduce((a, b) => a + b, 0) }
}

describe('组织评定', () => {
  test('the 不合格 review flag needs MORE than the share', () => {
    expect(exceedsUnqualifiedShare(row('a', { unqualified: 1, qualified: 2 }), 1 / 3)).toBe(false)
    expect(exceedsUnqualifiedShare(row('a', { unqualified: 2, qualified: 2 }), 1 / 3)).toBe(true)
    expect(exceedsUnqualifiedShare(row('a', { unqualified: 2, qualified: 2 }), 1 / 2)).toBe(false)
    expect(exceedsUnqualifiedShare(row('a', {}), 1 / 3)).toBe(false)
  })

  test('proposals flag only above the threshold and never propose 不合格', () => {
    const tally = [row('a', { unqualified: 3, qualified: 6 }), row('b', { unqualified: 4, qualified: 5 }), row('c', { excellent: 9 })]
    const { quota, proposals } = proposeRoundGrades(tally, { reviewShare: 1 / 3, formalCount: 3 })
    expect(quota).toBe(1)
    expect(proposals.map((p) => [p.memberId, p.proposed, p.flags])).toEqual([
      ['a', 'qualified', []],
      ['b', 'qualified', ['UNQUALIFIED_VOTES']],
      ['c', 'excellent', []],
    ])
  })

  test('the village three-grade scale proposes no 优秀', () => {
    const { quota, proposals } = proposeRoundGrades([row('a', { qualified: 9 }), row('b', { 'basically-qualified': 6, qualified: 3 })], {
      reviewShare: 1 / 3,
      scale: THREE_GRADE_SCALE,
    })
    expect(quota).toBe(0)
    expect(proposals.map((p) => p.proposed)).toEqual(['qualified', 'basically-qualified'])
  })

  test('a grade that differs from the proposal needs a reason', () => {
    const proposed = { a: 'qualified', b: 'qualified', c: 'excellent' } as const
    expect(
      missingReasons(
        [
          { memberId: 'a', grade: 'qualified' },
          { memberId: 'b', grade: 'excellent', reason: '  ' },
          { memberId: 'c', grade: 'qualified', reason: '群众反映较好但有迟到' },
          { memberId: 'p', grade: null },
        ],
        proposed,
      ),
    ).toEqual(['b'])
  })
})
