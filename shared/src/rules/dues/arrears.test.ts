// Tests of arrears.ts.
import { duesArrears, duesPaidThrough } from './arrears'

describe('duesArrears — warn at 3, flag at 6 consecutive months', () => {
  const months = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `2024-${String(from + i).padStart(2, '0')}`)

  test.each([
    // paid months (2024), expected run, longest, flag
    [months(1, 12), 0, 0, 'none'],
    [months(1, 10), 2, 2, 'none'],
    [months(1, 9), 3, 3, 'warn'],
    [months(1, 7), 5, 5, 'warn'],
    [months(1, 6), 6, 6, 'lapse-review'],
    [[], 12, 12, 'lapse-review'],
    [[...months(4, 12)], 0, 3, 'none'], // an old gap, since closed
  ] as [string[], number, number, string][])('paid %j → run %p', (paidMonths, run, longest, flag) => {
    const r = duesArrears({ startMonth: '2024-01', throughMonth: '2024-12', paidMonths })
    expect(r.currentRun).toBe(run)
    expect(r.longestRun).toBe(longest)
    expect(r.flag).toBe(flag)
    expect(r.unpaidMonths).toHaveLength(12 - paidMonths.length)
  })

  test('exempt months (免交) are settled', () => {
    const r = duesArrears({ startMonth: '2024-01', throughMonth: '2024-06', paidMonths: ['2024-01', '2024-02'], exemptMonths: ['2024-03', '2024-04', '2024-05', '2024-06'] })
    expect(r).toEqual({ unpaidMonths: [], currentRun: 0, longestRun: 0, flag: 'none' })
  })

  test('across a year end, with custom thresholds', () => {
    const r = duesArrears({ startMonth: '2023-11', throughMonth: '2024-02', paidMonths: ['2023-11'] }, { warnMonths: 2, flagMonths: 3 })
    expect(r.unpaidMonths).toEqual(['2023-12', '2024-01', '2024-02'])
    expect(r.flag).toBe('lapse-review')
  })

  test('start after through: nothing owed', () => {
    expect(duesArrears({ startMonth: '2024-06', throughMonth: '2024-05', paidMonths: [] }).unpaidMonths).toEqual([])
  })
})

describe('duesPaidThrough', () => {
  test.each([
    [['2024-01', '2024-02', '2024-03'], '2024-03'],
    [['2024-01', '2024-03'], '2024-01'],
    [['2024-02'], null],
    [['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07'], '2024-07'], // 预交 ahead
  ] as [string[], string | null][])('%j → %p', (paidMonths, expected) => {
    expect(duesPaidThrough({ startMonth: '2024-01', paidMonths })).toBe(expected)
  })
  test('exempt months bridge gaps', () => {
    expect(duesPaidThrough({ startMonth: '2024-01', paidMonths: ['2024-01', '2024-03'], exemptMonths: ['2024-02'] })).toBe('2024-03')
  })
})
