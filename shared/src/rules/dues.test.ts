import fc from 'fast-check'
import { AppError } from '../contract/errors'
import {
  checkDuesPaymentMonths,
  DUES_CATEGORIES,
  DUES_CATEGORY_LABELS,
  duesArrears,
  duesAssessmentStatus,
  duesBaseFen,
  duesDayOf,
  duesForMonthFen,
  duesPaidThrough,
  duesPaymentWindow,
  duesPublicationPeriod,
  duesPublicationPeriods,
  duesRuleOf,
  duesStartMonth,
  lastDueMonth,
  monthlyDuesFen,
  roundFen,
  WAGE_RATE_BANDS,
  type DuesCategory,
  type DuesRounding,
} from './dues'
import { RuleInputError } from './errors'

describe('monthlyDuesFen — whole-base bands, upper bounds inclusive (docs/DOMAIN.md §3)', () => {
  test.each([
    // category, base (fen), expected (fen)
    ['employed', 0, 0],
    ['employed', 1, 1], // 0.005 fen rounds up to 1 fen
    ['employed', 300_000, 1_500], // 3000.00 → 15.00
    ['employed', 300_001, 3_001], // 3000.01 → 30.0001 → 30.01
    ['employed', 333_333, 3_334], // 3333.33 → 33.3333 → 33.34
    ['employed', 500_000, 5_000], // 5000.00 → 50.00
    ['employed', 500_001, 7_501], // 5000.01 → 75.0015 → 75.01
    ['employed', 1_000_000, 15_000], // 10000.00 → 150.00
    ['employed', 1_000_001, 20_001], // 10000.01 → 200.0002 → 200.01
    ['annual-salary', 1_000_000, 15_000],
    ['self-employed', 300_000, 1_500],
    ['retired', 500_000, 2_500], // 离退休 5000.00 → 25.00
    ['retired', 500_001, 5_001], // 离退休 5000.01 → 50.0001 → 50.01
    ['retired', 1_000_001, 10_001],
    ['student', undefined, 20],
    ['unemployed', undefined, 20],
    ['relief', undefined, 20],
    ['low-income', undefined, 20],
    ['low-income', 999_999, 20], // a base given for a fixed category is ignored
    ['farmer', undefined, 20],
  ] as [DuesCategory, number | undefined, number][])('%s base %p → %p fen', (category, baseFen, expected) => {
    expect(monthlyDuesFen({ category, baseFen })).toBe(expected)
  })

  test.each([
    [20, 20],
    [50, 50],
    [100, 100],
  ])('farmer amount %p fen is taken as set', (farmerFen, expected) => {
    expect(monthlyDuesFen({ category: 'farmer', farmerFen })).toBe(expected)
  })

  test.each([
    // base, rounding, expected
    [333_333, 'ceil-fen', 3_334],
    [333_333, 'half-up-fen', 3_333],
    [333_350, 'half-up-fen', 3_334], // 33.335 → 33.34
    [333_349, 'half-up-fen', 3_333], // 33.3349 → 33.33
    [333_333, 'ceil-jiao', 3_340],
    [300_000, 'ceil-jiao', 1_500],
    [300_001, 'ceil-jiao', 3_010],
  ] as [number, DuesRounding, number][])('base %p with %s → %p', (baseFen, rounding, expected) => {
    expect(monthlyDuesFen({ category: 'employed', baseFen }, { rounding })).toBe(expected)
  })

  test('fixed amounts are not rounded by ceil-jiao', () => {
    expect(monthlyDuesFen({ category: 'farmer', farmerFen: 25 }, { rounding: 'ceil-jiao' })).toBe(25)
  })

  test.each([
    [{ category: 'employed', baseFen: -1 }, 'NEGATIVE_AMOUNT'],
    [{ category: 'employed', baseFen: 100.5 }, 'NON_INTEGER_AMOUNT'],
    [{ category: 'employed', baseFen: Number.NaN }, 'NON_INTEGER_AMOUNT'],
    [{ category: 'retired', baseFen: -100 }, 'NEGATIVE_AMOUNT'],
    [{ category: 'student', baseFen: -5 }, 'NEGATIVE_AMOUNT'],
    [{ category: 'employed', baseFen: 2 ** 60 }, 'AMOUNT_TOO_LARGE'],
    [{ category: 'employed', baseFen: 2 ** 50 }, 'AMOUNT_TOO_LARGE'], // safe base, unsafe product
    [{ category: 'employed' }, 'MISSING_BASE'],
    [{ category: 'retired' }, 'MISSING_BASE'],
    [{ category: 'farmer', farmerFen: 19 }, 'FARMER_AMOUNT_OUT_OF_RANGE'],
    [{ category: 'farmer', farmerFen: 101 }, 'FARMER_AMOUNT_OUT_OF_RANGE'],
    [{ category: 'farmer', farmerFen: 20.5 }, 'FARMER_AMOUNT_OUT_OF_RANGE'],
    [{ category: 'soldier' }, 'INVALID_ARGUMENT'],
  ])('%j throws RuleInputError %s', (input, reason) => {
    let caught: unknown
    try {
      monthlyDuesFen(input as never)
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(RuleInputError)
    expect(caught).toBeInstanceOf(AppError)
    expect((caught as RuleInputError).reason).toBe(reason)
    expect((caught as RuleInputError).code).toBe('INVALID_INPUT')
    expect((caught as RuleInputError).name).toBe('RuleInputError')
  })

  test('a missing input is refused with a typed error', () => {
    expect(() => monthlyDuesFen(null as never)).toThrow(RuleInputError)
    expect(() => monthlyDuesFen(undefined as never)).toThrow(RuleInputError)
  })

  test('an unknown rounding mode is refused', () => {
    expect(() => monthlyDuesFen({ category: 'employed', baseFen: 100 }, { rounding: 'floor' as DuesRounding })).toThrow(RuleInputError)
  })

  test('duesRuleOf describes the band', () => {
    expect(duesRuleOf({ category: 'employed', baseFen: 300_001 })).toEqual({ kind: 'rate', rateBp: 100, aboveFen: 300_000, upToFen: 500_000, baseFen: 300_001 })
    expect(duesRuleOf({ category: 'employed', baseFen: 2_000_000 })).toEqual({ kind: 'rate', rateBp: 200, aboveFen: 1_000_000, upToFen: null, baseFen: 2_000_000 })
    expect(duesRuleOf({ category: 'farmer', farmerFen: 60 })).toEqual({ kind: 'farmer', fen: 60, minFen: 20, maxFen: 100 })
    expect(duesRuleOf({ category: 'student' })).toEqual({ kind: 'fixed', fen: 20 })
  })

  test('every category has a Chinese label', () => {
    for (const c of DUES_CATEGORIES) expect(DUES_CATEGORY_LABELS[c]).toMatch(/党员|个体/)
  })
})

describe('monthlyDuesFen properties', () => {
  const rateCategory = fc.constantFrom<DuesCategory>('employed', 'annual-salary', 'self-employed', 'retired')
  const bandOf = (category: DuesCategory, base: number): number => (duesRuleOf({ category, baseFen: base }) as { rateBp: number }).rateBp

  test('never under the exact amount, and less than one fen over it (ceil-fen)', () => {
    fc.assert(
      fc.property(rateCategory, fc.integer({ min: 0, max: 100_000_000 }), (category, baseFen) => {
        const fen = monthlyDuesFen({ category, baseFen })
        const exactTimes10000 = baseFen * bandOf(category, baseFen)
        expect(fen * 10_000).toBeGreaterThanOrEqual(exactTimes10000)
        expect((fen - 1) * 10_000).toBeLessThan(exactTimes10000)
      }),
    )
  })

  test('monotonic within a band, for every rounding mode', () => {
    fc.assert(
      fc.property(
        rateCategory,
        fc.integer({ min: 0, max: 20_000_000 }),
        fc.integer({ min: 0, max: 20_000_000 }),
        fc.constantFrom<DuesRounding>('ceil-fen', 'half-up-fen', 'ceil-jiao'),
        (category, a, b, rounding) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a]
          fc.pre(bandOf(category, lo) === bandOf(category, hi))
          expect(monthlyDuesFen({ category, baseFen: lo }, { rounding })).toBeLessThanOrEqual(monthlyDuesFen({ category, baseFen: hi }, { rounding }))
        },
      ),
    )
  })

  test('ceil-jiao is a whole number of jiao and never under ceil-fen', () => {
    fc.assert(
      fc.property(rateCategory, fc.integer({ min: 0, max: 100_000_000 }), (category, baseFen) => {
        const jiao = monthlyDuesFen({ category, baseFen }, { rounding: 'ceil-jiao' })
        expect(jiao % 10).toBe(0)
        expect(jiao).toBeGreaterThanOrEqual(monthlyDuesFen({ category, baseFen }))
      }),
    )
  })

  test('the band table is ordered and ends open', () => {
    const bounds = WAGE_RATE_BANDS.map((b) => b.upToFen)
    expect(bounds).toEqual([300_000, 500_000, 1_000_000, null])
  })
})

describe('roundFen', () => {
  test.each([
    [7, 2, 'ceil-fen', 4],
    [7, 2, 'half-up-fen', 4],
    [5, 4, 'half-up-fen', 1],
    [6, 4, 'half-up-fen', 2],
    [1, 1, 'ceil-jiao', 10],
    [0, 3, 'ceil-jiao', 0],
  ] as [number, number, DuesRounding, number][])('%p/%p %s → %p', (n, d, mode, expected) => {
    expect(roundFen(n, d, mode)).toBe(expected)
  })
})

describe('duesBaseFen', () => {
  test('wage minus income tax only, by default', () => {
    expect(duesBaseFen({ wageFen: 650_000, incomeTaxFen: 20_000, socialInsuranceFen: 100_000 })).toBe(630_000)
  })
  test('minus 五险一金 too when the profile says so', () => {
    expect(duesBaseFen({ wageFen: 650_000, incomeTaxFen: 20_000, socialInsuranceFen: 100_000 }, { deductSocialInsurance: true })).toBe(530_000)
    expect(duesBaseFen({ wageFen: 650_000, incomeTaxFen: 20_000 }, { deductSocialInsurance: true })).toBe(630_000)
  })
  test('never below zero; bad amounts throw', () => {
    expect(duesBaseFen({ wageFen: 100, incomeTaxFen: 200 })).toBe(0)
    expect(() => duesBaseFen({ wageFen: -1, incomeTaxFen: 0 })).toThrow(RuleInputError)
  })
})

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

describe('预交 / 补交 window (≤6 months)', () => {
  const window = { prepayMaxMonths: 6, backpayMaxMonths: 6 }
  test('window around the current month', () => {
    expect(duesPaymentWindow('2024-05', window)).toEqual({ earliest: '2023-11', latest: '2024-11' })
    expect(duesPaymentWindow('2024-05', window, '2024-03')).toEqual({ earliest: '2024-03', latest: '2024-11' })
    expect(duesPaymentWindow('2024-05', window, '2023-01')).toEqual({ earliest: '2023-11', latest: '2024-11' })
  })
  test.each([
    [['2024-05'], { ok: true }],
    [['2023-11', '2024-11'], { ok: true }], // both ends included
    [['2023-10'], { ok: false, reason: 'BACKPAY_BEYOND_WINDOW', months: ['2023-10'] }],
    [['2024-12'], { ok: false, reason: 'PREPAY_BEYOND_WINDOW', months: ['2024-12'] }],
    [['2024-06', '2024-06'], { ok: false, reason: 'DUPLICATE_MONTH', months: ['2024-06'] }],
    [['2024-04'], { ok: false, reason: 'MONTH_ALREADY_PAID', months: ['2024-04'] }],
    [['2023-01'], { ok: false, reason: 'BEFORE_DUES_START', months: ['2023-01'] }],
    [[], { ok: false, reason: 'NO_MONTHS', months: [] }],
  ] as [string[], unknown][])('%j → %j', (months, expected) => {
    expect(checkDuesPaymentMonths({ currentMonth: '2024-05', months, paidMonths: ['2024-04'], startMonth: '2023-02', window })).toEqual(expected)
  })
  test('start month check', () => {
    expect(checkDuesPaymentMonths({ currentMonth: '2024-05', months: ['2024-02', '2024-03'], startMonth: '2024-03', window })).toEqual({
      ok: false,
      reason: 'BEFORE_DUES_START',
      months: ['2024-02'],
    })
    expect(checkDuesPaymentMonths({ currentMonth: '2024-05', months: ['2024-03'], window })).toEqual({ ok: true })
  })
  test('bad months throw', () => {
    expect(() => checkDuesPaymentMonths({ currentMonth: '2024-05', months: ['2024-13'], window })).toThrow(RuleInputError)
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

describe('publication periods and the yearly 核定', () => {
  test('half-year and year periods', () => {
    expect(duesPublicationPeriod('2024-07-01', 'half-year')).toMatchObject({ key: '2024-H2', start: '2024-07-01', end: '2024-12-31', label: '2024年下半年' })
    expect(duesPublicationPeriod('2024-06-30', 'half-year').key).toBe('2024-H1')
    expect(duesPublicationPeriods(2024, 'half-year').map((p) => p.key)).toEqual(['2024-H1', '2024-H2'])
    expect(duesPublicationPeriods(2024, 'year').map((p) => p.key)).toEqual(['2024'])
  })
  test.each([
    ['2024-03-31', null, undefined, { year: 2024, deadline: '2024-03-31', done: false, overdue: false }],
    ['2024-04-01', null, undefined, { year: 2024, deadline: '2024-03-31', done: false, overdue: true }],
    ['2024-04-01', '2023-12-20', undefined, { year: 2024, deadline: '2024-03-31', done: false, overdue: true }],
    ['2024-04-01', '2024-02-10', undefined, { year: 2024, deadline: '2024-03-31', done: true, overdue: false }],
    ['2024-02-01', null, '01-31', { year: 2024, deadline: '2024-01-31', done: false, overdue: true }],
  ] as const)('today %s, last %s, deadline %s', (today, lastAssessedOn, deadline, expected) => {
    expect(duesAssessmentStatus({ today, lastAssessedOn, deadline })).toEqual(expected)
  })
})
