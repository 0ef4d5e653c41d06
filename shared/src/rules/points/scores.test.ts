// Tests of scores.ts.
import fc from 'fast-check'
import { type BranchScheme, toBranchScheme } from './branch-scheme'
import { periodFromKey } from './calendar'
import { BASE_60_SCHEME, PERCENT_QUARTERLY_SCHEME, type PointsEntry, type PointsScheme } from './scheme'
import { applyCaps, type MonthSums, publicationScore, yearScore } from './scores'
import { yearlyPoints } from './totals'

const base60 = toBranchScheme(BASE_60_SCHEME)

const percent = toBranchScheme(PERCENT_QUARTERLY_SCHEME)

describe('applyCaps', () => {
  const item = { name: '参加志愿服务', capPerMonth: 4, capPerYear: 10 }
  test.each([
    [2, { month: 0, year: 0 }, 2, null],
    [2, { month: 2, year: 2 }, 2, null],
    [2, { month: 3, year: 3 }, 1, 'month'],
    [2, { month: 4, year: 4 }, 0, 'month'],
    [2, { month: 0, year: 9 }, 1, 'year'],
    [2, { month: 0, year: 12 }, 0, 'year'],
  ] as const)('requested %d with used %j counts %d (capped by %s)', (requested, used, counted, by) => {
    const r = applyCaps(item, requested, used)
    expect(r.counted).toBe(counted)
    expect(r.cappedBy).toBe(by)
    expect(r.note === null).toBe(by === null)
  })
  test('the note says what was capped', () => {
    expect(applyCaps(item, 2, { month: 3, year: 3 }).note).toBe('“参加志愿服务”每月最多计4分，已计3分，本次按1分计入（原2分）')
    expect(applyCaps({ ...item, capPerMonth: null, capPerYear: null }, 999, { month: 500, year: 900 })).toEqual({ counted: 999, cappedBy: null, note: null })
  })
})

/** Approve entries in month order, applying caps as the server does, and sum the counted points by month. */
function approveInOrder(scheme: BranchScheme, entries: PointsEntry[]): Record<string, MonthSums> {
  const months: Record<string, MonthSums> = {}
  const usedMonth = new Map<string, number>()
  const usedYear = new Map<string, number>()
  const sorted = [...entries].filter((e) => e.status === 'approved').sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0))
  for (const e of sorted) {
    const item = scheme.items.find((i) => i.code === e.itemCode)!
    const mk = `${e.month}|${item.code}`
    const yk = `${e.month.slice(0, 4)}|${item.code}`
    const r = applyCaps(item, item.points * (e.count ?? 1), { month: usedMonth.get(mk) ?? 0, year: usedYear.get(yk) ?? 0 })
    usedMonth.set(mk, (usedMonth.get(mk) ?? 0) + r.counted)
    usedYear.set(yk, (usedYear.get(yk) ?? 0) + r.counted)
    const m = (months[e.month] ??= { adds: 0, deducts: 0 })
    if (item.kind === 'add') m.adds = Math.round((m.adds + r.counted) * 100) / 100
    else m.deducts = Math.round((m.deducts + r.counted) * 100) / 100
  }
  return months
}

describe('yearScore', () => {
  test('base 60: one year, clamped to max 100 and floor 0', () => {
    expect(yearScore(base60, 2026, {}).total).toBe(60)
    expect(yearScore(base60, 2026, { '2026-03': { adds: 12, deducts: 2 } })).toMatchObject({ total: 70, band: 'qualified', adds: 12, deducts: 2, periods: [] })
    expect(yearScore(base60, 2026, { '2026-03': { adds: 80, deducts: 0 } }).total).toBe(100)
    expect(yearScore(base60, 2026, { '2026-03': { adds: 0, deducts: 90 } })).toMatchObject({ total: 0, band: 'unqualified' })
    expect(yearScore(base60, 2026, { '2026-03': { adds: 40, deducts: 0 } }, true)).toMatchObject({ total: 100, band: 'unqualified', vetoed: true })
  })
  test('百分制: each quarter from 100, the year is their average', () => {
    const r = yearScore(percent, 2026, { '2026-02': { adds: 0, deducts: 10 }, '2026-08': { adds: 0, deducts: 30 } })
    expect(r.periods.map((p) => p.total)).toEqual([90, 100, 70, 100])
    expect(r.total).toBe(90)
    expect(r.band).toBe('excellent')
  })
  test('equals totals.ts yearlyPoints when entries are approved in month order (property)', () => {
    for (const [preset, scheme] of [
      [BASE_60_SCHEME, base60],
      [PERCENT_QUARTERLY_SCHEME, percent],
    ] as [PointsScheme, BranchScheme][]) {
      const entryArb = fc.record({
        itemCode: fc.constantFrom(...preset.items.map((i) => i.code)),
        month: fc.integer({ min: 1, max: 12 }).map((m) => `2026-${String(m).padStart(2, '0')}`),
        count: fc.integer({ min: 1, max: 4 }),
        status: fc.constantFrom('approved', 'approved', 'pending', 'rejected') as fc.Arbitrary<PointsEntry['status']>,
      })
      fc.assert(
        fc.property(fc.array(entryArb, { maxLength: 40 }), (entries) => {
          const expected = yearlyPoints(preset, entries, 2026)
          const vetoed = entries.some((e) => e.status === 'approved' && scheme.items.find((i) => i.code === e.itemCode)!.veto)
          const got = yearScore(scheme, 2026, approveInOrder(scheme, entries), vetoed)
          expect(got.total).toBeCloseTo(expected.total, 2)
          expect(got.band).toBe(expected.band)
          expect(got.vetoed).toBe(expected.vetoed)
        }),
        { numRuns: 150 },
      )
    }
  })
})

describe('publicationScore', () => {
  const months = { '2026-01': { adds: 3, deducts: 0 }, '2026-04': { adds: 5, deducts: 2 }, '2026-05': { adds: 1, deducts: 0 } }
  test('yearly scheme: the quarter net and the year-to-date score', () => {
    const q2 = periodFromKey('2026-Q2')!
    expect(publicationScore(base60, q2, months)).toEqual({ adds: 6, deducts: 2, net: 4, score: 67, band: 'qualified' })
  })
  test('quarterly scheme: the quarter score from 100', () => {
    const q2 = periodFromKey('2026-Q2')!
    expect(publicationScore(percent, q2, months)).toMatchObject({ net: 4, score: 100 })
    expect(publicationScore(percent, q2, { '2026-05': { adds: 0, deducts: 15 } })).toMatchObject({ score: 85, band: 'good' })
  })
})
