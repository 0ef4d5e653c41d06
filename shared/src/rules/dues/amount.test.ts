// Tests of amount.ts.
import fc from 'fast-check'
import { AppError } from '../../contract/errors'
import { RuleInputError } from '../errors'
import { type DuesRounding, duesRuleOf, monthlyDuesFen, roundFen, WAGE_RATE_BANDS } from './amount'
import { DUES_CATEGORIES, DUES_CATEGORY_LABELS, type DuesCategory } from './categories'

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
