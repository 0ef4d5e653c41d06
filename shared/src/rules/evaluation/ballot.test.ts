// Tests of ballot.ts.
import { ballotMemberIds, type BallotRow, validateBallot } from './ballot'
import { type EvaluationGrade, THREE_GRADE_SCALE } from './grades'

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
