import fc from 'fast-check'
import { RuleInputError } from './errors'
import {
  ballotMemberIds,
  checkFinalGrades,
  EVALUATION_GRADE_LABELS,
  EVALUATION_GRADES,
  evaluationRoster,
  excellentQuota,
  gradeShare,
  proposeGrades,
  tallyBallots,
  THREE_GRADE_SCALE,
  validateBallot,
  type BallotRow,
  type EvaluationGrade,
  type FinalGradeEntry,
  type TallyRow,
} from './evaluation'

describe('excellentQuota — floor(正式党员 × ratio)', () => {
  test.each([
    [31, undefined, 10],
    [30, undefined, 10],
    [29, undefined, 9],
    [3, undefined, 1],
    [2, undefined, 0],
    [0, undefined, 0],
    [300, undefined, 100],
    [31, 0.2, 6],
    [31, 1, 31],
    [31, 0, 0],
    [10, 0.3, 3], // 10 × 0.3 is 2.9999999999999996 in binary
  ])('%p members, ratio %p → %p', (count, ratio, expected) => {
    expect(excellentQuota(count, ratio)).toBe(expected)
  })
  test.each([[-1], [2.5], [Number.NaN], [Number.POSITIVE_INFINITY]])('count %p throws', (count) => {
    expect(() => excellentQuota(count)).toThrow(expect.objectContaining({ reason: 'INVALID_COUNT' }))
  })
  test.each([[-0.1], [1.5], [Number.NaN]])('ratio %p throws', (ratio) => {
    expect(() => excellentQuota(10, ratio)).toThrow(expect.objectContaining({ reason: 'INVALID_RATIO' }))
  })
  test('property: never more than a third, and the largest such number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
        const q = excellentQuota(n)
        expect(q * 3).toBeLessThanOrEqual(n)
        expect((q + 1) * 3).toBeGreaterThan(n)
      }),
    )
  })
  test('property: never more than count × ratio', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), (n, a, b) => {
        const [num, den] = a <= b ? [a, b] : [b, a]
        const q = excellentQuota(n, num / den)
        expect(q * den).toBeLessThanOrEqual(n * num)
        expect((q + 1) * den).toBeGreaterThan(n * num)
      }),
    )
  })
})

describe('checkFinalGrades — 31 正式 + 3 预备', () => {
  const branch = (excellent: number, extra: Partial<FinalGradeEntry>[] = []): FinalGradeEntry[] => [
    ...Array.from({ length: 31 }, (_, i): FinalGradeEntry => ({ memberId: `f${i}`, status: 'formal', grade: i < excellent ? 'excellent' : 'qualified' })),
    { memberId: 'p0', status: 'probationary' },
    { memberId: 'p1', status: 'probationary', grade: null },
    { memberId: 'p2', status: 'probationary', grade: undefined },
    ...(extra as FinalGradeEntry[]),
  ]

  test('10 优秀 of 31 正式 is allowed (预备 do not count)', () => {
    expect(checkFinalGrades(branch(10))).toEqual({ ok: true })
  })
  test('11 优秀 exceeds the quota', () => {
    expect(checkFinalGrades(branch(11))).toEqual({ ok: false, reason: 'EXCELLENT_QUOTA_EXCEEDED', excellent: 11, quota: 10, formalCount: 31 })
  })
  test('a lower ratio lowers the quota', () => {
    expect(checkFinalGrades(branch(7), 0.2)).toMatchObject({ ok: false, reason: 'EXCELLENT_QUOTA_EXCEEDED', quota: 6 })
    expect(checkFinalGrades(branch(6), 0.2)).toEqual({ ok: true })
  })
  test('a graded 预备党员 is refused', () => {
    const grades = branch(0)
    grades[32] = { memberId: 'p1', status: 'probationary', grade: 'qualified' }
    expect(checkFinalGrades(grades)).toEqual({ ok: false, reason: 'PROBATIONARY_GRADED', memberIds: ['p1'] })
  })
  test('an ungraded 正式党员 is refused', () => {
    const grades = branch(0)
    grades[5] = { memberId: 'f5', status: 'formal', grade: null }
    expect(checkFinalGrades(grades)).toEqual({ ok: false, reason: 'FORMAL_UNGRADED', memberIds: ['f5'] })
  })
  test('a member listed twice is refused', () => {
    expect(checkFinalGrades(branch(0, [{ memberId: 'f3', status: 'formal', grade: 'qualified' }]))).toEqual({
      ok: false,
      reason: 'DUPLICATE_MEMBER',
      memberIds: ['f3'],
    })
  })
  test('grades outside the scale are refused (village: no 优秀)', () => {
    expect(checkFinalGrades(branch(1), 1 / 3, { scale: THREE_GRADE_SCALE })).toEqual({ ok: false, reason: 'GRADE_NOT_IN_SCALE', memberIds: ['f0'] })
    expect(checkFinalGrades(branch(0), 1 / 3, { scale: THREE_GRADE_SCALE })).toEqual({ ok: true })
    expect(checkFinalGrades([{ memberId: 'a', status: 'formal', grade: 'good' as EvaluationGrade }])).toMatchObject({ reason: 'GRADE_NOT_IN_SCALE' })
  })
  test.each([
    [3, 1, true],
    [3, 2, false],
    [2, 1, false], // 2 正式 → quota 0
    [0, 0, true],
  ])('%p 正式 with %p 优秀 → ok=%p', (n, excellent, ok) => {
    const grades = Array.from({ length: n }, (_, i): FinalGradeEntry => ({ memberId: `m${i}`, status: 'formal', grade: i < excellent ? 'excellent' : 'basically-qualified' }))
    expect(checkFinalGrades(grades).ok).toBe(ok)
  })
  test('a bad ratio throws', () => {
    expect(() => checkFinalGrades([], 2)).toThrow(RuleInputError)
  })
  test('property: ok exactly when 优秀 ≤ floor(正式/3)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ formal: fc.boolean(), grade: fc.constantFrom(...EVALUATION_GRADES) }), { maxLength: 60 }), (rows) => {
        const grades: FinalGradeEntry[] = rows.map((r, i) => (r.formal ? { memberId: `m${i}`, status: 'formal', grade: r.grade } : { memberId: `m${i}`, status: 'probationary', grade: null }))
        const formal = rows.filter((r) => r.formal)
        const excellent = formal.filter((r) => r.grade === 'excellent').length
        expect(checkFinalGrades(grades).ok).toBe(excellent * 3 <= formal.length)
      }),
    )
  })
})

describe('roster', () => {
  test('正式 are graded; everyone may vote', () => {
    expect(
      evaluationRoster([
        { id: 'a', status: 'formal' },
        { id: 'b', status: 'probationary' },
        { id: 'c', status: 'formal' },
      ]),
    ).toEqual({ gradedIds: ['a', 'c'], voterIds: ['a', 'b', 'c'] })
  })
  test('labels', () => {
    expect(EVALUATION_GRADES.map((g) => EVALUATION_GRADE_LABELS[g])).toEqual(['优秀', '合格', '基本合格', '不合格'])
  })
})

describe('validateBallot', () => {
  const gradedIds = ['a', 'b', 'c', 'd']
  const rows = (entries: [string, EvaluationGrade][]): BallotRow[] => entries.map(([memberId, grade]) => ({ memberId, grade }))

  test('a 正式 voter grades everyone but themselves', () => {
    expect(ballotMemberIds({ gradedIds, voterId: 'a' })).toEqual(['b', 'c', 'd'])
    expect(validateBallot(rows([['b', 'excellent'], ['c', 'qualified'], ['d', 'unqualified']]), { gradedIds, voterId: 'a' })).toEqual({ ok: true })
  })
  test('a 预备 voter (not graded) grades every 正式', () => {
    expect(validateBallot(rows([['a', 'qualified'], ['b', 'qualified'], ['c', 'qualified'], ['d', 'qualified']]), { gradedIds, voterId: 'p' })).toEqual({ ok: true })
  })
  test('self-evaluation when the branch includes it', () => {
    expect(ballotMemberIds({ gradedIds, voterId: 'a', includeSelf: true })).toEqual(gradedIds)
    expect(validateBallot(rows([['a', 'qualified'], ['b', 'qualified'], ['c', 'qualified'], ['d', 'qualified']]), { gradedIds, voterId: 'a', includeSelf: true })).toEqual({ ok: true })
  })
  test.each([
    [[['b', 'qualified'], ['b', 'excellent'], ['c', 'qualified'], ['d', 'qualified']], { ok: false, reason: 'DUPLICATE_MEMBER', memberIds: ['b'] }],
    [[['a', 'qualified'], ['b', 'qualified'], ['c', 'qualified'], ['d', 'qualified']], { ok: false, reason: 'SELF_GRADED', memberIds: ['a'] }],
    [[['b', 'qualified'], ['c', 'qualified'], ['x', 'qualified'], ['d', 'qualified']], { ok: false, reason: 'UNKNOWN_MEMBER', memberIds: ['x'] }],
    [[['b', 'qualified'], ['c', 'qualified']], { ok: false, reason: 'MISSING_MEMBER', memberIds: ['d'] }],
    [[['b', 'good'], ['c', 'qualified'], ['d', 'qualified']], { ok: false, reason: 'GRADE_NOT_IN_SCALE', memberIds: ['b'] }],
  ] as [[string, EvaluationGrade][], unknown][])('%j → %j', (entries, expected) => {
    expect(validateBallot(rows(entries), { gradedIds, voterId: 'a' })).toEqual(expected)
  })
  test('village scale has no 优秀', () => {
    expect(validateBallot(rows([['b', 'excellent'], ['c', 'qualified'], ['d', 'qualified']]), { gradedIds, voterId: 'a', scale: THREE_GRADE_SCALE })).toEqual({
      ok: false,
      reason: 'GRADE_NOT_IN_SCALE',
      memberIds: ['b'],
    })
  })
  test('optional per-ballot 优秀 limit', () => {
    const ballot = rows([['b', 'excellent'], ['c', 'excellent'], ['d', 'qualified']])
    expect(validateBallot(ballot, { gradedIds, voterId: 'a', maxExcellentPerBallot: 1 })).toEqual({ ok: false, reason: 'BALLOT_EXCELLENT_LIMIT_EXCEEDED', excellent: 2, limit: 1 })
    expect(validateBallot(ballot, { gradedIds, voterId: 'a', maxExcellentPerBallot: 2 })).toEqual({ ok: true })
    expect(validateBallot(ballot, { gradedIds, voterId: 'a', maxExcellentPerBallot: null })).toEqual({ ok: true })
  })
  test('without a known voter every member is expected', () => {
    expect(validateBallot(rows([['a', 'qualified']]), { gradedIds: ['a'] })).toEqual({ ok: true })
  })
})

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
