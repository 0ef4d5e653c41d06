// Tests of months.ts.
import fc from 'fast-check'
import { RuleInputError } from '../errors'
import { duesDayOf, duesForMonthFen, duesStartMonth, lastDueMonth } from './months'

describe('lastDueMonth and duesDayOf', () => {
  test.each([
    ['2024-05-15', 15, '2024-04'], // on the collection day the month is not yet late
    ['2024-05-16', 15, '2024-05'],
    ['2024-01-10', 15, '2023-12'],
    ['2024-02-29', 31, '2024-01'], // day 31 is 02-29 in 2024: not yet late on it
    ['2024-03-01', 31, '2024-02'],
    ['2023-03-01', 31, '2023-02'],
  ])('%s with dues day %p → %s', (today, day, expected) => {
    expect(lastDueMonth(today, day)).toBe(expected)
  })
  test('a bad dues day throws', () => {
    expect(() => lastDueMonth('2024-05-01', 0)).toThrow(RuleInputError)
    expect(() => lastDueMonth('2024-05-01', 32)).toThrow(RuleInputError)
    expect(() => lastDueMonth('2024-05-01', 1.5)).toThrow(RuleInputError)
  })
  test.each([
    ['2024-02', 31, '2024-02-29'],
    ['2023-02', 30, '2023-02-28'],
    ['2024-04', 5, '2024-04-05'],
  ])('duesDayOf(%s, %p) → %s', (month, day, expected) => {
    expect(duesDayOf(month, day)).toBe(expected)
  })
})

describe('first month of a 预备党员 and pro-rating', () => {
  test.each([
    ['2024-03-15', 'full', '2024-03'],
    ['2024-03-15', 'prorated', '2024-03'],
    ['2024-03-15', 'next-month', '2024-04'],
    ['2024-12-31', 'next-month', '2025-01'],
  ] as const)('joined %s, %s → starts %s', (joinedAt, mode, expected) => {
    expect(duesStartMonth(joinedAt, mode)).toBe(expected)
  })
  test('default is the full month', () => {
    expect(duesStartMonth('2024-03-15')).toBe('2024-03')
  })
  test.each([
    // month, mode, expected (monthly 3100 fen, joined 2024-03-15; March has 31 days → 17 days)
    ['2024-02', 'full', 0],
    ['2024-03', 'full', 3100],
    ['2024-03', 'prorated', 1700],
    ['2024-03', 'next-month', 0],
    ['2024-04', 'prorated', 3100],
    ['2024-04', 'next-month', 3100],
  ] as const)('%s %s → %p', (month, firstMonth, expected) => {
    expect(duesForMonthFen({ monthlyFen: 3100, month, joinedAt: '2024-03-15', firstMonth })).toBe(expected)
  })
  test('pro-rating rounds up and never exceeds the month', () => {
    // 1000 × 17 / 31 = 548.38… → 549
    expect(duesForMonthFen({ monthlyFen: 1000, month: '2024-03', joinedAt: '2024-03-15', firstMonth: 'prorated' })).toBe(549)
    expect(duesForMonthFen({ monthlyFen: 1000, month: '2024-03', joinedAt: '2024-03-15', firstMonth: 'prorated', rounding: 'half-up-fen' })).toBe(548)
    expect(duesForMonthFen({ monthlyFen: 1000, month: '2024-03', joinedAt: '2024-03-01', firstMonth: 'prorated' })).toBe(1000)
    expect(duesForMonthFen({ monthlyFen: 20, month: '2024-03', joinedAt: '2024-03-31', firstMonth: 'prorated', rounding: 'ceil-jiao' })).toBe(10)
    expect(duesForMonthFen({ monthlyFen: 1000, month: '2024-03', joinedAt: '2024-03-10' })).toBe(1000)
  })
  test('property: pro-rated first month is between 0 and the full amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 28 }), (monthlyFen, day) => {
        const joinedAt = `2023-02-${String(day).padStart(2, '0')}`
        const fen = duesForMonthFen({ monthlyFen, month: '2023-02', joinedAt, firstMonth: 'prorated' })
        expect(fen).toBeGreaterThanOrEqual(0)
        expect(fen).toBeLessThanOrEqual(monthlyFen)
        expect(fen * 28).toBeGreaterThanOrEqual(monthlyFen * (29 - day))
      }),
    )
  })
})
