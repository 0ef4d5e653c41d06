/**
 * Tests of the 发展党员 date and vote entry points: tables of the boundaries in docs/DOMAIN.md 发展党员
 * (the 公示 across 国庆, 春节 and 端午 of 2025 and 2026 on the official calendar) and fast-check properties.
 * Every date is stated; nothing reads the clock.
 */
import fc from 'fast-check'
import { RuleInputError } from '../errors'
import { addDays, diffDays } from '../time'
import { isWorkingDay } from '../calendar'
import {
  ageReachedOn,
  applicantAgeOk,
  approvalDueBy,
  branchVotePasses,
  candidateEligibleFrom,
  extendedProbationEndsOn,
  interviewDueBy,
  probationEndsOn,
  publicityEndsOn,
} from './dates'

const day = fc.integer({ min: 0, max: 40_000 }).map((n) => addDays('1990-01-01', n))
const calendarDay = fc.integer({ min: 0, max: 2_500 }).map((n) => addDays('2020-01-01', n))

const throwsReason = (f: () => unknown, reason: string): void => {
  expect(f).toThrow(RuleInputError)
  expect(f).toThrow(expect.objectContaining({ reason }))
}

describe('applicantAgeOk — 年满十八周岁', () => {
  test.each([
    ['2008-12-07', '2026-12-07', true],
    ['2008-12-07', '2026-12-06', false],
    ['2008-12-07', '2027-01-01', true],
    ['2008-02-29', '2026-02-28', false], // 29 Feb: not yet 18 on 28 Feb of a common year
    ['2008-02-29', '2026-03-01', true],
    ['2008-02-29', '2026-02-27', false],
    ['2012-02-29', '2030-03-01', true],
    ['2012-02-29', '2030-02-28', false],
    ['2008-02-29', '2026-03-02', true],
    ['2008-03-01', '2026-03-01', true],
    ['2008-03-01', '2026-02-28', false],
    ['2008-12-07', '2008-12-07', false], // applying on the day of birth
  ])('born %s, applied %s → %s', (birth, applied, ok) => {
    expect(applicantAgeOk(birth, applied)).toBe(ok)
  })

  test.each([
    ['2008-02-29', 18, '2026-03-01'],
    ['2008-02-29', 16, '2024-02-29'], // a leap year: the day itself
    ['2000-01-31', 18, '2018-01-31'],
  ])('ageReachedOn(%s, %i) → %s', (birth, years, expected) => {
    expect(ageReachedOn(birth, years)).toBe(expected)
  })

  test.each([
    [() => applicantAgeOk('2008-13-01', '2026-12-07'), 'INVALID_DATE'],
    [() => applicantAgeOk('2008-12-07', '2026-02-30'), 'INVALID_DATE'],
    [() => applicantAgeOk('2026-12-08', '2026-12-07'), 'INVALID_RANGE'],
    [() => ageReachedOn('2008-12-07', -1), 'INVALID_COUNT'],
  ])('bad input throws (%#)', (f, reason) => throwsReason(f, reason))

  test('property: ok exactly from the 18th birthday on', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 30 * 366 }), (birth, n) => {
        const applied = addDays(birth, n)
        const turns = ageReachedOn(birth, 18)
        expect(applicantAgeOk(birth, applied)).toBe(applied >= turns)
        expect(diffDays(birth, turns)).toBeGreaterThanOrEqual(18 * 365 + 3) // 2100 is not a leap year
      }),
    )
  })
})

describe('interviewDueBy — one calendar month', () => {
  test.each([
    ['2026-12-07', '2027-01-07'],
    ['2026-01-31', '2026-02-28'],
    ['2028-01-31', '2028-02-29'],
    ['2026-03-31', '2026-04-30'],
    ['2026-12-31', '2027-01-31'],
    ['2026-02-28', '2026-03-28'],
  ])('%s → %s', (applied, due) => {
    expect(interviewDueBy(applied)).toBe(due)
  })

  test('invalid date throws', () => throwsReason(() => interviewDueBy('2026/01/31'), 'INVALID_DATE'))

  test('property: later than the application, by 28–31 days', () => {
    fc.assert(
      fc.property(day, (d) => {
        const due = interviewDueBy(d)
        expect(due > d).toBe(true)
        expect(diffDays(d, due)).toBeGreaterThanOrEqual(28)
        expect(diffDays(d, due)).toBeLessThanOrEqual(31)
      }),
    )
  })
})

describe('candidateEligibleFrom — 一年以上', () => {
  test.each([
    ['2025-12-07', '2026-12-07'],
    ['2024-02-29', '2025-02-28'],
    ['2023-03-01', '2024-03-01'],
    ['2025-12-31', '2026-12-31'],
  ])('%s → %s', (activist, from) => {
    expect(candidateEligibleFrom(activist)).toBe(from)
  })

  test('invalid date throws', () => throwsReason(() => candidateEligibleFrom('2025-02-29'), 'INVALID_DATE'))

  test('property: at least 365 days − 1 later, at most 366', () => {
    fc.assert(
      fc.property(day, (d) => {
        const n = diffDays(d, candidateEligibleFrom(d))
        expect(n).toBeGreaterThanOrEqual(365 - 1)
        expect(n).toBeLessThanOrEqual(366)
      }),
    )
  })
})

describe('publicityEndsOn — working days, holidays and 调休', () => {
  test.each([
    // start, working days, last day
    ['2026-12-07', 5, '2026-12-11'], // Mon → Fri
    ['2026-12-09', 5, '2026-12-15'], // across a weekend
    ['2026-12-05', 5, '2026-12-11'], // a Saturday start is not counted
    ['2026-12-05', 1, '2026-12-07'],
    ['2026-12-07', 1, '2026-12-07'],
    ['2026-12-07', 7, '2026-12-15'],
    // 国庆 2025: 10-01…10-08 off; Sun 09-28 and Sat 10-11 are 调休 workdays
    ['2025-09-28', 5, '2025-10-10'],
    ['2025-09-30', 5, '2025-10-13'],
    ['2025-10-01', 5, '2025-10-14'],
    ['2025-10-08', 3, '2025-10-11'],
    // 春节 2025: 01-28…02-04 off; Sun 01-26 and Sat 02-08 are workdays
    ['2025-01-24', 5, '2025-02-06'],
    ['2025-01-28', 5, '2025-02-10'],
    // 端午 2025: 05-31…06-02 off
    ['2025-05-28', 5, '2025-06-04'],
    ['2025-05-31', 1, '2025-06-03'],
    // 春节 2026: 02-15…02-23 off; Sat 02-14 and Sat 02-28 are workdays
    ['2026-02-12', 5, '2026-02-25'],
    ['2026-02-24', 5, '2026-02-28'],
    ['2026-02-15', 5, '2026-02-28'],
    // 端午 2026: 06-19…06-21 off
    ['2026-06-17', 5, '2026-06-24'],
    // 中秋 and 国庆 2026: 09-25…09-27 and 10-01…10-07 off; Sun 09-20 and Sat 10-10 are workdays
    ['2026-09-19', 5, '2026-09-24'],
    ['2026-09-28', 5, '2026-10-09'],
    ['2026-10-08', 5, '2026-10-13'],
    ['2026-09-24', 5, '2026-10-08'],
  ])('%s, %i working days → %s', (start, n, end) => {
    expect(publicityEndsOn(start, n)).toBe(end)
  })

  test('five working days by default', () => {
    expect(publicityEndsOn('2025-09-28')).toBe('2025-10-10')
  })

  test.each([0, -1, 2.5, Number.NaN])('%p working days throws', (n) => throwsReason(() => publicityEndsOn('2026-12-07', n), 'INVALID_ARGUMENT'))
  test('invalid start throws', () => throwsReason(() => publicityEndsOn('2026-12-32'), 'INVALID_DATE'))

  test('property: on or after the start, a working day, monotone in n, and counts exactly n working days', () => {
    fc.assert(
      fc.property(calendarDay, fc.integer({ min: 1, max: 15 }), (d, n) => {
        const end = publicityEndsOn(d, n)
        expect(end >= d).toBe(true)
        expect(isWorkingDay(end)).toBe(true)
        expect(publicityEndsOn(d, n + 1) > end).toBe(true)
        let count = 0
        for (let x = d; x <= end; x = addDays(x, 1)) if (isWorkingDay(x)) count += 1
        expect(count).toBe(n)
      }),
    )
  })
})

describe('branchVotePasses — 双过半', () => {
  test.each([
    [{ entitled: 10, present: 6, yes: 6 }, true],
    [{ entitled: 10, present: 5, yes: 5 }, false], // exactly half present is not more than half
    [{ entitled: 10, present: 10, yes: 5 }, false], // half of 应到 voting for is not enough
    [{ entitled: 10, present: 10, yes: 6 }, true],
    [{ entitled: 9, present: 5, yes: 5 }, true],
    [{ entitled: 9, present: 5, yes: 4 }, false],
    [{ entitled: 1, present: 1, yes: 1 }, true],
    [{ entitled: 0, present: 0, yes: 0 }, false],
    [{ entitled: 31, present: 16, yes: 16 }, true],
  ])('%j → %s', (vote, ok) => {
    expect(branchVotePasses(vote)).toBe(ok)
  })

  test.each([
    [{ entitled: 10, present: 11, yes: 5 }],
    [{ entitled: 10, present: 6, yes: 7 }],
    [{ entitled: -1, present: 0, yes: 0 }],
    [{ entitled: 10, present: 6.5, yes: 6 }],
    [{ entitled: 10, present: 6, yes: -1 }],
  ])('%j throws', (vote) => throwsReason(() => branchVotePasses(vote), 'INVALID_COUNT'))

  test('property: monotone in yes and in present', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.nat(), fc.nat(), (entitled, a, b) => {
        const present = entitled === 0 ? 0 : a % (entitled + 1)
        const yes = present === 0 ? 0 : b % (present + 1)
        const passes = branchVotePasses({ entitled, present, yes })
        if (passes && yes < present) expect(branchVotePasses({ entitled, present, yes: yes + 1 })).toBe(true)
        if (passes && present < entitled) expect(branchVotePasses({ entitled, present: present + 1, yes })).toBe(true)
        expect(passes).toBe(present * 2 > entitled && yes * 2 > entitled)
      }),
    )
  })
})

describe('approvalDueBy — three calendar months', () => {
  test.each([
    ['2026-12-07', '2027-03-07'],
    ['2026-11-30', '2027-02-28'],
    ['2027-11-30', '2028-02-29'],
    ['2026-05-31', '2026-08-31'],
    ['2026-03-31', '2026-06-30'],
  ])('%s → %s', (meeting, due) => {
    expect(approvalDueBy(meeting)).toBe(due)
  })

  test('invalid date throws', () => throwsReason(() => approvalDueBy(''), 'INVALID_DATE'))

  test('property: 89–92 days later', () => {
    fc.assert(
      fc.property(day, (d) => {
        const n = diffDays(d, approvalDueBy(d))
        expect(n).toBeGreaterThanOrEqual(89)
        expect(n).toBeLessThanOrEqual(92)
      }),
    )
  })
})

describe('probationEndsOn and extendedProbationEndsOn', () => {
  test.each([
    ['2025-12-07', '2026-12-07'],
    ['2024-02-29', '2025-02-28'],
    ['2027-02-28', '2028-02-28'],
  ])('probationEndsOn(%s) → %s', (admitted, end) => {
    expect(probationEndsOn(admitted)).toBe(end)
  })

  test.each([
    ['2026-12-07', 6, '2027-06-07'],
    ['2026-12-07', 12, '2027-12-07'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-03-31', 9, '2026-12-31'],
    ['2026-05-31', 7, '2026-12-31'],
  ])('extendedProbationEndsOn(%s, %i) → %s', (end, months, extended) => {
    expect(extendedProbationEndsOn(end, months)).toBe(extended)
  })

  test.each([5, 13, 0, -6, 6.5, Number.NaN])('extension of %p months throws', (months) =>
    throwsReason(() => extendedProbationEndsOn('2026-12-07', months), 'INVALID_ARGUMENT'),
  )
  test.each([
    [() => probationEndsOn('2025-02-29'), 'INVALID_DATE'],
    [() => extendedProbationEndsOn('2026-12-7', 6), 'INVALID_DATE'],
  ])('invalid date throws (%#)', (f, reason) => throwsReason(f, reason))

  test('property: the extension lies 6–12 months past the end, monotone in months', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 6, max: 11 }), (d, m) => {
        const end = probationEndsOn(d)
        expect(end > d).toBe(true)
        const a = extendedProbationEndsOn(end, m)
        expect(a > end).toBe(true)
        expect(extendedProbationEndsOn(end, m + 1) > a).toBe(true)
        expect(diffDays(end, a)).toBeGreaterThanOrEqual(181)
      }),
    )
  })
})
