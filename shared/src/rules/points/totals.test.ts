// Tests of totals.ts.
import fc from 'fast-check'
import { RuleInputError } from '../errors'
import { periodOf } from '../time'
import { BASE_60_SCHEME, PERCENT_QUARTERLY_SCHEME, type PointsEntry, type PointsScheme } from './scheme'
import { periodPoints, pointsBand, pointsTotal, rankPoints, yearlyPoints } from './totals'

const entry = (itemCode: string, month: string, count = 1, status: PointsEntry['status'] = 'approved'): PointsEntry => ({ itemCode, month, count, status })

describe('totals, bands and veto', () => {
  test.each([
    [90, 'excellent'],
    [89.99, 'good'],
    [80, 'good'],
    [79.5, 'qualified'],
    [60, 'qualified'],
    [59.99, 'unqualified'],
    [0, 'unqualified'],
  ])('%p → %s', (total, band) => {
    expect(pointsBand(BASE_60_SCHEME, total)).toBe(band)
  })
  test('a vetoed total sits in the lowest band; below every band too', () => {
    expect(pointsBand(BASE_60_SCHEME, 99, true)).toBe('unqualified')
    const noFloorBand: PointsScheme = { ...BASE_60_SCHEME, bands: [{ band: 'excellent', min: 90 }, { band: 'qualified', min: 60 }] }
    expect(pointsBand(noFloorBand, 10)).toBe('qualified')
  })
  test('yearly base-60 total: base + credits − deductions, clamped to [0, 100]', () => {
    const entries = [entry('attendance', '2024-01', 3), entry('duty', '2024-02'), entry('absence', '2024-03')]
    expect(yearlyPoints(BASE_60_SCHEME, entries, 2024)).toEqual({ total: 62, adds: 5, deducts: 3, vetoed: false, band: 'qualified', periods: [] })
    const lots = Array.from({ length: 12 }, (_, i) => entry('attendance', `2024-${String(i + 1).padStart(2, '0')}`, 3))
    const more = Array.from({ length: 12 }, (_, i) => entry('volunteer', `2024-${String(i + 1).padStart(2, '0')}`, 2))
    expect(yearlyPoints(BASE_60_SCHEME, [...lots, ...more], 2024).total).toBe(100) // 60 + 36 + 48 → max 100
    const bad = Array.from({ length: 25 }, () => entry('absence', '2024-06'))
    expect(yearlyPoints(BASE_60_SCHEME, bad, 2024).total).toBe(0) // floor
  })
  test('一票否决 puts the year in the lowest band', () => {
    const r = yearlyPoints(BASE_60_SCHEME, [entry('discipline', '2024-07'), entry('honor', '2024-08', 2)], 2024)
    expect(r).toMatchObject({ total: 50, vetoed: true, band: 'unqualified' })
    expect(pointsTotal(BASE_60_SCHEME, [entry('discipline', '2024-07')], { from: '2024-01', to: '2024-06' }).vetoed).toBe(false)
  })
  test('百分制 by quarter: each quarter from 100, the year averages them', () => {
    const entries = [entry('absence', '2024-02', 2), entry('dues-late', '2024-05'), entry('volunteer', '2024-05'), entry('absence', '2024-11', 4)]
    const r = yearlyPoints(PERCENT_QUARTERLY_SCHEME, entries, 2024)
    expect(r.periods.map((p) => p.total)).toEqual([90, 99, 100, 80])
    expect(r.total).toBe(92.25)
    expect(r.band).toBe('excellent')
    expect(r.adds).toBe(2)
    expect(r.deducts).toBe(33)
    expect(periodPoints(PERCENT_QUARTERLY_SCHEME, entries, periodOf('quarter', '2024-05-01')).total).toBe(99)
  })
  test('a summed multi-period year is banded on its average', () => {
    const halves: PointsScheme = { ...PERCENT_QUARTERLY_SCHEME, scorePeriod: 'half-year', yearly: 'sum' }
    const r = yearlyPoints(halves, [entry('absence', '2024-02', 4)], 2024)
    expect(r.periods.map((p) => p.total)).toEqual([80, 100])
    expect(r.total).toBe(180)
    expect(r.band).toBe('excellent') // 90 on average
  })
  test('ranges spanning a year end; reversed ranges throw', () => {
    const r = pointsTotal(BASE_60_SCHEME, [entry('honor', '2023-12', 2), entry('honor', '2024-01', 2)], { from: '2023-12', to: '2024-01' })
    expect(r.adds).toBe(20) // each year has its own cap of 10
    expect(() => pointsTotal(BASE_60_SCHEME, [], { from: '2024-02', to: '2024-01' })).toThrow(RuleInputError)
  })
  test('property: totals stay within [floor, max]', () => {
    const codes = BASE_60_SCHEME.items.map((i) => i.code)
    const arb = fc.array(fc.record({ code: fc.constantFrom(...codes), m: fc.integer({ min: 1, max: 12 }), count: fc.nat(5) }), { maxLength: 60 })
    fc.assert(
      fc.property(arb, fc.constantFrom(BASE_60_SCHEME, PERCENT_QUARTERLY_SCHEME), (rows, scheme) => {
        const entries = rows.filter((r) => scheme.items.some((i) => i.code === r.code)).map((r) => entry(r.code, `2024-${String(r.m).padStart(2, '0')}`, r.count))
        const y = yearlyPoints(scheme, entries, 2024)
        expect(y.total).toBeGreaterThanOrEqual(scheme.floor)
        expect(y.total).toBeLessThanOrEqual(scheme.max ?? Infinity)
      }),
    )
  })
})

describe('rankPoints — ties share a rank', () => {
  test('competition ranking, exclusions left out', () => {
    const rows = [
      { memberId: 'a', total: 88 },
      { memberId: 'b', total: 92 },
      { memberId: 'c', total: 88 },
      { memberId: 'd', total: 70 },
      { memberId: 'e', total: 95 },
      { memberId: 'f', total: 88.004 }, // rounds to 88
    ]
    expect(rankPoints(rows, { exclude: ['e'] })).toEqual([
      { memberId: 'b', total: 92, rank: 1 },
      { memberId: 'a', total: 88, rank: 2 },
      { memberId: 'c', total: 88, rank: 2 },
      { memberId: 'f', total: 88, rank: 2 },
      { memberId: 'd', total: 70, rank: 5 },
    ])
    expect(rankPoints([])).toEqual([])
  })
  test('property: ranks are 1-based, non-decreasing, and equal exactly for equal totals', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 30 }), (totals) => {
        const ranked = rankPoints(totals.map((total, i) => ({ memberId: `m${String(i).padStart(2, '0')}`, total })))
        ranked.forEach((r, i) => {
          expect(r.rank).toBe(ranked.filter((x) => x.total > r.total).length + 1)
          if (i > 0) expect(r.rank).toBeGreaterThanOrEqual(ranked[i - 1]!.rank)
        })
      }),
    )
  })
})
