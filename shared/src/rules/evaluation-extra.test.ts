import fc from 'fast-check'
import {
  checkFinalGrades,
  EVALUATION_GRADES,
  FOUR_GRADE_SCALE,
  tallyBallots,
  THREE_GRADE_SCALE,
  validateBallot,
  type BallotRow,
  type EvaluationGrade,
  type TallyRow,
} from './evaluation'
import {
  ballotMessage,
  checkFollowUpDeadline,
  checkGradeScale,
  checkVotingWindow,
  encodeBallot,
  exceedsUnqualifiedShare,
  finalGradesMessage,
  missingReasons,
  proposeRoundGrades,
  ratioLabel,
  scaleLabel,
  tallyMarkCounts,
  tallyStoredBallots,
  votingState,
} from './evaluation-extra'

const row = (memberId: string, counts: Partial<Record<EvaluationGrade, number>>): TallyRow => {
  const full = { excellent: 0, qualified: 0, 'basically-qualified': 0, unqualified: 0, ...counts }
  return { memberId, counts: full, ballots: Object.values(full).reduce((a, b) => a + b, 0) }
}

describe('messages name the rule', () => {
  test.each([
    [1 / 3, '三分之一'],
    [1 / 2, '二分之一'],
    [0.2, '五分之一'],
    [0.25, '四分之一'],
    [0.15, '15%'],
  ])('ratioLabel(%p) = %p', (ratio, label) => {
    expect(ratioLabel(ratio)).toBe(label)
  })

  test('an 11th 优秀 among 31 正式党员', () => {
    const grades = Array.from({ length: 31 }, (_, i) => ({ memberId: `m${i}`, status: 'formal' as const, grade: (i < 11 ? 'excellent' : 'qualified') as EvaluationGrade }))
    const check = checkFinalGrades(grades)
    expect(check).toEqual({ ok: false, reason: 'EXCELLENT_QUOTA_EXCEEDED', excellent: 11, quota: 10, formalCount: 31 })
    if (check.ok) throw new Error('unreachable')
    expect(finalGradesMessage(check)).toBe('评定为优秀的党员一般不超过正式党员总数的三分之一：本次正式党员31人，优秀最多10人，现为11人')
  })

  test('预备党员 graded, 正式党员 missing — names listed', () => {
    const names = { a: '张三', b: '李四' }
    expect(finalGradesMessage({ ok: false, reason: 'PROBATIONARY_GRADED', memberIds: ['a'] }, names)).toBe('预备党员参加民主评议，但不评定等次：张三')
    expect(finalGradesMessage({ ok: false, reason: 'FORMAL_UNGRADED', memberIds: ['a', 'b'] }, names)).toBe('还有正式党员未评定等次：张三、李四')
    expect(finalGradesMessage({ ok: false, reason: 'GRADE_NOT_IN_SCALE', memberIds: ['x'] }, names)).toContain('x')
    expect(finalGradesMessage({ ok: false, reason: 'DUPLICATE_MEMBER', memberIds: ['b'] }, names)).toContain('李四')
  })

  test('ballot messages', () => {
    expect(ballotMessage({ ok: false, reason: 'BALLOT_EXCELLENT_LIMIT_EXCEEDED', excellent: 4, limit: 3 })).toBe('每张测评表评为优秀的最多3人，您选了4人')
    expect(ballotMessage({ ok: false, reason: 'MISSING_MEMBER', memberIds: ['a', 'b'] }, { a: '甲', b: '乙' })).toBe('还有2名党员未选择等次：甲、乙')
    expect(ballotMessage({ ok: false, reason: 'SELF_GRADED', memberIds: ['a'] })).toContain('本人')
    expect(ballotMessage({ ok: false, reason: 'UNKNOWN_MEMBER', memberIds: ['z'] })).toContain('刷新')
    expect(ballotMessage({ ok: false, reason: 'GRADE_NOT_IN_SCALE', memberIds: ['a'] }, { a: '甲' })).toContain('甲')
    expect(ballotMessage({ ok: false, reason: 'DUPLICATE_MEMBER', memberIds: ['a'] }, { a: '甲' })).toContain('甲')
  })
})

describe('round settings', () => {
  test.each([
    [FOUR_GRADE_SCALE, true],
    [THREE_GRADE_SCALE, true],
    [['excellent', 'qualified', 'unqualified'], true],
    [['qualified', 'excellent', 'unqualified'], false],
    [['excellent', 'qualified'], false],
    [['qualified', 'qualified', 'unqualified'], false],
    [['basically-qualified', 'unqualified'], false],
  ] as [EvaluationGrade[], boolean][])('scale %p valid: %p', (scale, valid) => {
    expect(checkGradeScale(scale).ok).toBe(valid)
  })
  test('scale labels', () => {
    expect(scaleLabel(THREE_GRADE_SCALE)).toBe('合格 / 基本合格 / 不合格')
  })

  test.each([
    ['2026-12-01', '2026-12-01', '2026-11-22', true, undefined],
    ['2026-11-01', '2026-11-30', '2026-11-22', true, undefined],
    ['2026-12-02', '2026-12-01', '2026-11-22', false, 'WINDOW_REVERSED'],
    ['2026-11-01', '2026-11-21', '2026-11-22', false, 'WINDOW_PAST'],
    ['2026-12-01', '2027-01-01', '2026-11-22', false, 'WINDOW_TOO_LONG'],
    ['2026-12-01', '2026-12-31', '2026-11-22', true, undefined],
  ])('window %s..%s on %s', (from, to, today, ok, reason) => {
    const r = checkVotingWindow(from, to, today)
    expect(r.ok).toBe(ok)
    if (!r.ok) expect(r.reason).toBe(reason)
  })

  test.each([
    ['2026-11-21', 'before'],
    ['2026-11-22', 'open'],
    ['2026-11-25', 'open'],
    ['2026-11-26', 'ended'],
  ])('voting state on %s', (today, state) => {
    expect(votingState('2026-11-22', '2026-11-25', today)).toBe(state)
  })

  test.each([
    ['2027-06-30', '2026-12-10', '2026-12-01', true, undefined],
    ['2027-12-01', '2026-12-10', '2026-12-01', true, undefined],
    ['2027-12-02', '2026-12-10', '2026-12-01', false, 'DEADLINE_TOO_FAR'],
    ['2026-12-09', '2026-12-10', '2026-12-01', false, 'DEADLINE_PAST'],
  ])('限期改正 deadline %s (today %s, decided %s)', (deadline, today, decided, ok, reason) => {
    const r = checkFollowUpDeadline(deadline, today, decided)
    expect(r.ok).toBe(ok)
    if (!r.ok) expect(r.reason).toBe(reason)
  })
})

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
    const tally = tallyStoredBallots(stored, { gradedIds: graded, votedIds: graded, includeSelf: false })
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
        expect(tallyStoredBallots(stored, { gradedIds, votedIds, includeSelf })).toEqual(tallyBallots(ballots, gradedIds))
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
