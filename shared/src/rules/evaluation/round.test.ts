// Tests of round.ts.
import { checkGradeScale, type EvaluationGrade, FOUR_GRADE_SCALE, scaleLabel, THREE_GRADE_SCALE } from './grades'
import { checkFollowUpDeadline, checkVotingWindow, votingState } from './round'

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
