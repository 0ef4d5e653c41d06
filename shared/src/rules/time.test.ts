import fc from 'fast-check'
import { RuleInputError } from './errors'
import {
  addDays,
  addMonths,
  addYears,
  assertDate,
  assertMonth,
  beijingDate,
  beijingDateTime,
  beijingMonth,
  beijingTime,
  beijingTimestamp,
  beijingYear,
  datesBetween,
  daysInMonth,
  diffDays,
  diffMonths,
  formatDate,
  formatDateCN,
  formatDateTimeCN,
  formatMonth,
  formatMonthCN,
  halfOf,
  isValidDate,
  isValidMonth,
  isValidTime,
  monthOf,
  monthRange,
  monthsBetween,
  parseDate,
  parseMonth,
  periodOf,
  periodsBetween,
  PERIOD_UNITS,
  quarterOf,
  shiftMonth,
  toEpochMs,
  weekdayOf,
  type PeriodUnit,
} from './time'

// These tests must pass whatever the process time zone: run them with TZ=UTC and TZ=America/Los_Angeles.

describe('Beijing date and time of an instant', () => {
  test.each([
    ['2024-04-30T15:59:59.999Z', '2024-04-30', '23:59'],
    ['2024-04-30T16:00:00Z', '2024-05-01', '00:00'],
    ['2024-12-31T16:00:00.000Z', '2025-01-01', '00:00'],
    ['2024-05-01T00:30:00+08:00', '2024-05-01', '00:30'],
    ['2024-05-01T00:30:00-07:00', '2024-05-01', '15:30'],
    ['2024-02-28T16:00Z', '2024-02-29', '00:00'],
  ])('%s → %s %s', (instant, date, time) => {
    expect(beijingDate(instant)).toBe(date)
    expect(beijingTime(instant)).toBe(time)
    expect(beijingMonth(instant)).toBe(date.slice(0, 7))
  })

  test.each([
    ['2024-12-31T15:59:59Z', 2024, '2024-12-31 23:59:59'],
    ['2024-12-31T16:00:00Z', 2025, '2025-01-01 00:00:00'],
    ['2025-06-25T10:00:00.000Z', 2025, '2025-06-25 18:00:00'],
  ])('%s → Beijing year %p, %s', (instant, year, stamp) => {
    expect(beijingYear(instant)).toBe(year)
    expect(beijingTimestamp(instant)).toBe(stamp)
    expect(beijingTimestamp(Date.parse(instant))).toBe(stamp)
  })

  test('accepts Date and epoch milliseconds', () => {
    expect(beijingDate(new Date(Date.UTC(2024, 0, 31, 16)))).toBe('2024-02-01')
    expect(beijingDate(Date.UTC(2024, 0, 31, 15, 59))).toBe('2024-01-31')
    expect(toEpochMs('2024-01-01T00:00:00Z')).toBe(Date.UTC(2024, 0, 1))
  })

  test.each([['2024-05-01'], ['2024-05-01T10:00'], ['yesterday'], [''], [new Date(Number.NaN)], [Number.POSITIVE_INFINITY], [null]])(
    'refuses %p',
    (bad) => {
      expect(() => beijingDate(bad as never)).toThrow(RuleInputError)
    },
  )

  test.each([
    ['2024-05-01', '09:30', '2024-05-01T01:30:00.000Z'],
    ['2024-05-01', '00:00', '2024-04-30T16:00:00.000Z'],
    ['2024-01-01', '07:59', '2023-12-31T23:59:00.000Z'],
    ['2024-03-10', '23:59', '2024-03-10T15:59:00.000Z'], // a US DST day: irrelevant
  ])('beijingDateTime(%s, %s) → %s', (date, time, iso) => {
    expect(beijingDateTime(date, time)).toBe(iso)
    expect(beijingDate(iso)).toBe(date)
    expect(beijingTime(iso)).toBe(time)
  })

  test('beijingDateTime defaults to midnight and refuses bad times', () => {
    expect(beijingDateTime('2024-05-01')).toBe('2024-04-30T16:00:00.000Z')
    expect(() => beijingDateTime('2024-05-01', '24:00')).toThrow(RuleInputError)
    expect(() => beijingDateTime('2024-05-01', '9:30')).toThrow(RuleInputError)
    expect(() => beijingDateTime('2024-02-30', '09:30')).toThrow(RuleInputError)
  })


  test('property: date/time round-trips through the instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), (ms) => {
        const t = Math.floor(ms / 60_000) * 60_000
        const iso = beijingDateTime(beijingDate(t), beijingTime(t))
        expect(Date.parse(iso)).toBe(t)
      }),
    )
  })
})

describe('validation', () => {
  test.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-04-31', false],
    ['2024-00-10', false],
    ['2024-13-01', false],
    ['2024-01-00', false],
    ['0999-01-01', false],
    ['2024-1-01', false],
    ['2024-01-01T00:00', false],
    [20240101, false],
  ])('isValidDate(%p) → %p', (s, ok) => {
    expect(isValidDate(s)).toBe(ok)
  })
  test.each([
    ['2024-01', true],
    ['2024-12', true],
    ['2024-13', false],
    ['2024-00', false],
    ['0999-01', false],
    ['2024-1', false],
    [null, false],
  ])('isValidMonth(%p) → %p', (s, ok) => {
    expect(isValidMonth(s)).toBe(ok)
  })
  test.each([
    ['00:00', true],
    ['23:59', true],
    ['24:00', false],
    ['12:60', false],
    ['7:05', false],
  ])('isValidTime(%p) → %p', (s, ok) => {
    expect(isValidTime(s)).toBe(ok)
  })
  test('assertions throw typed errors with the reason', () => {
    expect(assertDate('2024-01-02')).toBe('2024-01-02')
    expect(assertMonth('2024-01')).toBe('2024-01')
    expect(() => assertDate('2024-02-30')).toThrow(expect.objectContaining({ reason: 'INVALID_DATE' }))
    expect(() => assertMonth('2024-13')).toThrow(expect.objectContaining({ reason: 'INVALID_MONTH' }))
    expect(() => formatDate(2023, 2, 29)).toThrow(RuleInputError)
  })
})

describe('date arithmetic', () => {
  test.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2024-03-10', 0, '2024-03-10'],
  ])('addDays(%s, %p) → %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected)
    expect(diffDays(date, expected)).toBe(n)
  })
  test.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2024-05-15', 12, '2025-05-15'],
    ['2024-05-15', -17, '2022-12-15'],
    ['2024-08-31', 1, '2024-09-30'],
  ])('addMonths(%s, %p) → %s', (date, n, expected) => {
    expect(addMonths(date, n)).toBe(expected)
  })
  test('addYears clamps 02-29', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28')
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29')
  })
  test('non-integer steps throw', () => {
    expect(() => addDays('2024-01-01', 1.5)).toThrow(RuleInputError)
    expect(() => addMonths('2024-01-01', Number.NaN)).toThrow(RuleInputError)
    expect(() => shiftMonth('2024-01', 0.5)).toThrow(RuleInputError)
    expect(() => addYears('2024-01-01', 0.5)).toThrow(RuleInputError)
  })
  test.each([
    ['2024-01-01', 1], // Monday
    ['2024-01-07', 7], // Sunday
    ['1970-01-01', 4], // Thursday
    ['1969-12-31', 3], // Wednesday, before the epoch
    ['2024-02-29', 4],
  ])('weekdayOf(%s) → %p', (date, weekday) => {
    expect(weekdayOf(date)).toBe(weekday)
  })
  test('property: weekdays advance by one each day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20_000, max: 60_000 }), (n) => {
        const d = addDays('1970-01-01', n)
        expect(weekdayOf(addDays(d, 1))).toBe((weekdayOf(d) % 7) + 1)
        expect(diffDays('1970-01-01', d)).toBe(n)
      }),
    )
  })
})

describe('months', () => {
  test.each([
    ['2024-02', 29],
    ['2023-02', 28],
    ['1900-02', 28],
    ['2000-02', 29],
    ['2024-04', 30],
    ['2024-12', 31],
  ])('daysInMonth(%s) → %p', (month, n) => {
    expect(daysInMonth(month)).toBe(n)
  })
  test('month helpers', () => {
    expect(monthOf('2024-02-29')).toBe('2024-02')
    expect(shiftMonth('2024-12', 1)).toBe('2025-01')
    expect(shiftMonth('2024-01', -13)).toBe('2022-12')
    expect(diffMonths('2023-11', '2024-02')).toBe(3)
    expect(diffMonths('2024-02', '2023-11')).toBe(-3)
    expect(monthRange('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' })
    expect(monthsBetween('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02'])
    expect(monthsBetween('2024-02', '2024-01')).toEqual([])
    expect(datesBetween('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01'])
    expect(datesBetween('2024-03-01', '2024-02-28')).toEqual([])
    expect(formatMonth(2024, 13)).toBe('2025-01')
    expect(formatMonth(2024, 0)).toBe('2023-12')
    expect(parseMonth('2024-07')).toEqual({ year: 2024, month: 7 })
    expect(parseDate('2024-07-09')).toEqual({ year: 2024, month: 7, day: 9 })
  })
  test.each([
    ['2024-01-01', 1, 1],
    ['2024-03-31', 1, 1],
    ['2024-04-01', 2, 1],
    ['2024-06-30', 2, 1],
    ['2024-07-01', 3, 2],
    ['2024-12', 4, 2],
  ])('quarterOf / halfOf(%s) → Q%p H%p', (d, q, h) => {
    expect(quarterOf(d)).toBe(q)
    expect(halfOf(d)).toBe(h)
  })
})

describe('periods', () => {
  test.each([
    ['month', '2024-02-10', '2024-02', '2024-02-01', '2024-02-29', '2024年2月'],
    ['bimonth', '2024-04-30', '2024-B2', '2024-03-01', '2024-04-30', '2024年3—4月'],
    ['bimonth', '2024-12-01', '2024-B6', '2024-11-01', '2024-12-31', '2024年11—12月'],
    ['quarter', '2024-05-20', '2024-Q2', '2024-04-01', '2024-06-30', '2024年第2季度'],
    ['half-year', '2024-07-01', '2024-H2', '2024-07-01', '2024-12-31', '2024年下半年'],
    ['half-year', '2024-01-01', '2024-H1', '2024-01-01', '2024-06-30', '2024年上半年'],
    ['semester', '2024-03-01', '2024-S1', '2024-03-01', '2024-08-31', '2024年春季学期'],
    ['semester', '2024-09-01', '2024-S2', '2024-09-01', '2025-02-28', '2024年秋季学期'],
    ['semester', '2024-02-29', '2023-S2', '2023-09-01', '2024-02-29', '2023年秋季学期'],
    ['year', '2024-06-01', '2024', '2024-01-01', '2024-12-31', '2024年'],
  ] as [PeriodUnit, string, string, string, string, string][])('%s of %s → %s', (unit, date, key, start, end, label) => {
    expect(periodOf(unit, date)).toEqual({ unit, key, start, end, label })
  })
  test('unknown unit throws', () => {
    expect(() => periodOf('week' as PeriodUnit, '2024-01-01')).toThrow(RuleInputError)
  })
  test('periodsBetween lists overlapping periods', () => {
    expect(periodsBetween('quarter', '2024-02-15', '2024-07-01').map((p) => p.key)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3'])
    expect(periodsBetween('semester', '2024-01-01', '2024-12-31').map((p) => p.key)).toEqual(['2023-S2', '2024-S1', '2024-S2'])
    expect(periodsBetween('month', '2024-05-01', '2024-04-30')).toEqual([])
  })
  test('property: periods tile the calendar without gaps', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PERIOD_UNITS), fc.integer({ min: 0, max: 3000 }), (unit, offset) => {
        const date = addDays('2020-01-01', offset)
        const p = periodOf(unit, date)
        expect(p.start <= date && date <= p.end).toBe(true)
        expect(periodOf(unit, addDays(p.end, 1)).start).toBe(addDays(p.end, 1))
        expect(periodOf(unit, p.start).key).toBe(p.key)
      }),
    )
  })
})

describe('Chinese formatting', () => {
  test('dates, months, instants', () => {
    expect(formatDateCN('2019-10-01')).toBe('2019年10月1日')
    expect(formatMonthCN('2019-03')).toBe('2019年3月')
    expect(formatDateTimeCN('2019-10-01T07:01:00Z')).toBe('2019年10月1日 15:01')
    expect(formatDateTimeCN('2019-09-30T16:05:00Z')).toBe('2019年10月1日 00:05')
  })
})
