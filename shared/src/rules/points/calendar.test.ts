// Tests of calendar.ts.
import { toBranchScheme } from './branch-scheme'
import { canDeclare, declareDeadline, periodFromKey, publicationPeriods, publicityEnds } from './calendar'
import { BASE_60_SCHEME } from './scheme'

const base60 = toBranchScheme(BASE_60_SCHEME)

describe('calendar', () => {
  test('申报 until the deadline day of the next month, never for a future month', () => {
    expect(declareDeadline('2026-12', 5)).toBe('2027-01-05')
    expect(canDeclare('2026-11', '2026-11-22', 5)).toEqual({ ok: true })
    expect(canDeclare('2026-10', '2026-11-05', 5)).toEqual({ ok: true })
    expect(canDeclare('2026-10', '2026-11-06', 5)).toMatchObject({ ok: false, reason: 'DEADLINE_PASSED', message: '10月的积分申报已于11月5日截止' })
    expect(canDeclare('2026-12', '2026-11-22', 5)).toMatchObject({ ok: false, reason: 'FUTURE_MONTH' })
  })
  test('period keys and publicity windows', () => {
    expect(periodFromKey('2026-Q3')).toMatchObject({ start: '2026-07-01', end: '2026-09-30', label: '2026年第3季度' })
    expect(periodFromKey('2026-H2')).toMatchObject({ start: '2026-07-01', end: '2026-12-31' })
    expect(periodFromKey('2026-Q5')).toBeNull()
    expect(periodFromKey('x')).toBeNull()
    expect(publicationPeriods(base60, 2026).map((p) => p.key)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'])
    expect(publicityEnds('2026-10-08', 7)).toBe('2026-10-14')
  })
})
