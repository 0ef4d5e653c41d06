import fc from 'fast-check'
import { RuleInputError } from './errors'
import { nextThemeDay, themeDayOf, type ThemeDayRule } from './theme-day'
import { addDays, daysInMonth, monthOf, weekdayOf } from './time'
import { isWorkingDay, lunarDateOf } from './calendar'

describe('themeDayOf — day of month', () => {
  test.each([
    [26, '2024-05', '2024-05-26'],
    [31, '2024-02', '2024-02-29'], // leap February
    [31, '2023-02', '2023-02-28'],
    [30, '2023-02', '2023-02-28'],
    [29, '2023-02', '2023-02-28'],
    [31, '2024-04', '2024-04-30'],
    [31, '2024-12', '2024-12-31'],
    [1, '2024-10', '2024-10-01'], // a holiday, but no shift asked
  ])('day %p of %s → %s', (day, month, expected) => {
    expect(themeDayOf({ kind: 'day-of-month', day }, month)).toBe(expected)
  })

  test.each([
    [26, '2024-10', '2024-10-28'], // Saturday → Monday
    [1, '2024-10', '2024-10-08'], // 国庆 → first working day after the holiday
    [12, '2024-10', '2024-10-12'], // a 调休 Saturday is a working day: stays
    [31, '2024-08', '2024-08-30'], // Saturday; Monday is in September → previous working day
    [30, '2024-06', '2024-06-28'], // Sunday 06-30: next would leave the month → Friday
    [1, '2025-02', '2025-02-05'], // Saturday inside 春节 2025 (01-28…02-04)
    [8, '2024-06', '2024-06-11'], // Saturday 06-08, Monday 06-10 is 端午 → Tuesday
    [26, '2024-05', '2024-05-27'], // Sunday
    [15, '2024-05', '2024-05-15'], // a Wednesday: unchanged
  ])('day %p of %s with shiftIfHoliday → %s', (day, month, expected) => {
    expect(themeDayOf({ kind: 'day-of-month', day, shiftIfHoliday: true }, month)).toBe(expected)
  })
})

describe('themeDayOf — nth weekday', () => {
  test.each([
    [2, 5, '2024-05', '2024-05-10'], // 第二个星期五
    [1, 1, '2024-04', '2024-04-01'], // first Monday on the 1st
    [1, 7, '2024-09', '2024-09-01'], // first Sunday on the 1st
    [-1, 5, '2024-05', '2024-05-31'], // last Friday on the 31st
    [-1, 7, '2024-09', '2024-09-29'],
    [5, 5, '2024-05', '2024-05-31'], // a 5th Friday exists
    [5, 1, '2024-02', '2024-02-26'], // no 5th Monday → the last one
    [4, 4, '2024-02', '2024-02-22'],
    [5, 4, '2024-02', '2024-02-29'], // leap day is the 5th Thursday
    [1, 3, '2023-02', '2023-02-01'],
  ] as [1 | 2 | 3 | 4 | 5 | -1, number, string, string][])('n=%p weekday=%p of %s → %s', (n, weekday, month, expected) => {
    const date = themeDayOf({ kind: 'nth-weekday', n, weekday }, month)
    expect(date).toBe(expected)
    expect(weekdayOf(date)).toBe(weekday)
  })
  test('shifted off a holiday', () => {
    expect(themeDayOf({ kind: 'nth-weekday', n: 1, weekday: 1, shiftIfHoliday: true }, '2024-10')).toBe('2024-10-08')
    // Last Sunday of September 2024 is a 调休 working day.
    expect(themeDayOf({ kind: 'nth-weekday', n: -1, weekday: 7, shiftIfHoliday: true }, '2024-09')).toBe('2024-09-29')
  })
})

describe('themeDayOf — 农历 day', () => {
  test.each([
    [8, '2024-02', '2024-02-17'], // 正月初八 2024
    [1, '2024-02', '2024-02-10'], // 春节
    [15, '2024-09', '2024-09-17'], // 中秋
    [21, '2024-03', '2024-03-01'], // two 农历 21sts in March 2024: the first
    [30, '2020-02', '2020-02-22'], // 正月 2020 has 29 days: its last day stands in for 30
    [30, '2024-07', '2024-07-05'], // a real 三十 (五月三十)
    [18, '2021-02', '2021-02-01'], // February 2021 skips 农历 18 and 19 → the 1st
    [2, '2025-02', '2025-02-01'], // February 2025 skips 初二 and 初三
  ])('农历 day %p in %s → %s', (day, month, expected) => {
    expect(themeDayOf({ kind: 'lunar-day', day }, month)).toBe(expected)
  })
  test('shifted off 中秋', () => {
    expect(themeDayOf({ kind: 'lunar-day', day: 15, shiftIfHoliday: true }, '2024-09')).toBe('2024-09-18')
  })
})

describe('themeDayOf — refusals', () => {
  test.each([
    [{ kind: 'day-of-month', day: 0 }, '2024-05'],
    [{ kind: 'day-of-month', day: 32 }, '2024-05'],
    [{ kind: 'nth-weekday', n: 0, weekday: 1 }, '2024-05'],
    [{ kind: 'nth-weekday', n: 2, weekday: 8 }, '2024-05'],
    [{ kind: 'lunar-day', day: 31 }, '2024-05'],
    [{ kind: 'weekly' }, '2024-05'],
    [{ kind: 'day-of-month', day: 5 }, '2024-13'],
    [{ kind: 'day-of-month', day: 5 }, '2024-5'],
  ])('%j in %s throws', (rule, month) => {
    expect(() => themeDayOf(rule as ThemeDayRule, month)).toThrow(RuleInputError)
  })
})

describe('themeDayOf — properties', () => {
  const month = fc.record({ y: fc.integer({ min: 2004, max: 2030 }), m: fc.integer({ min: 1, max: 12 }) }).map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`)
  const rule: fc.Arbitrary<ThemeDayRule> = fc.oneof(
    fc.record({ kind: fc.constant('day-of-month' as const), day: fc.integer({ min: 1, max: 31 }), shiftIfHoliday: fc.boolean() }),
    fc.record({
      kind: fc.constant('nth-weekday' as const),
      n: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const, 5 as const, -1 as const),
      weekday: fc.integer({ min: 1, max: 7 }),
      shiftIfHoliday: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('lunar-day' as const), day: fc.integer({ min: 1, max: 30 }), shiftIfHoliday: fc.boolean() }),
  )

  test('always inside its month; shifted days are working days', () => {
    fc.assert(
      fc.property(rule, month, (r, m) => {
        const date = themeDayOf(r, m)
        expect(monthOf(date)).toBe(m)
        if (r.shiftIfHoliday) expect(isWorkingDay(date)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  test('a shift stays within the allowed move: the next working day, else the previous one', () => {
    fc.assert(
      fc.property(rule, month, (r, m) => {
        const base = themeDayOf({ ...r, shiftIfHoliday: false }, m)
        const shifted = themeDayOf({ ...r, shiftIfHoliday: true }, m)
        if (isWorkingDay(base)) {
          expect(shifted).toBe(base)
        } else if (shifted > base) {
          // Every day between is a holiday.
          for (let d = base; d < shifted; d = addDays(d, 1)) expect(isWorkingDay(d)).toBe(false)
        } else {
          // Moved back only because no working day was left in the month after it.
          for (let d = base; monthOf(d) === m; d = addDays(d, 1)) expect(isWorkingDay(d)).toBe(false)
          for (let d = addDays(shifted, 1); d < base; d = addDays(d, 1)) expect(isWorkingDay(d)).toBe(false)
        }
      }),
      { numRuns: 300 },
    )
  })

  test('unshifted days match their rule', () => {
    fc.assert(
      fc.property(rule, month, (r, m) => {
        const date = themeDayOf({ ...r, shiftIfHoliday: false }, m)
        if (r.kind === 'nth-weekday') expect(weekdayOf(date)).toBe(r.weekday)
        if (r.kind === 'day-of-month') expect(Number(date.slice(8))).toBe(Math.min(r.day, daysInMonth(m)))
        if (r.kind === 'lunar-day' && date.slice(8) !== '01') expect(lunarDateOf(date).day).toBe(r.day === 30 && lunarDateOf(date).day === 29 ? 29 : r.day)
      }),
      { numRuns: 300 },
    )
  })
})

describe('nextThemeDay', () => {
  const rule: ThemeDayRule = { kind: 'day-of-month', day: 26 }
  test.each([
    ['2024-05-25', '2024-05-26'],
    ['2024-05-26', '2024-05-26'],
    ['2024-05-27', '2024-06-26'],
    ['2024-12-31', '2025-01-26'],
  ])('next after %s → %s', (today, expected) => {
    expect(nextThemeDay(rule, today)).toBe(expected)
  })
})
