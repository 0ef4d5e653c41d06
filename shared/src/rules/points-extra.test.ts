import fc from 'fast-check'
import { HUNAN_WUHUA_2018 } from '../profiles'
import { BASE_60_SCHEME, PERCENT_QUARTERLY_SCHEME, rankPoints, yearlyPoints, type PointsEntry, type PointsScheme } from './points'
import {
  applyCaps,
  autoItemFor,
  BranchSchemeSchema,
  canDeclare,
  declarableItems,
  declareDeadline,
  exclusionOf,
  periodFromKey,
  publicationPeriods,
  publicationScore,
  publicityEnds,
  schemePresets,
  toBranchScheme,
  yearScore,
  type BranchScheme,
  type MonthSums,
} from './points-extra'

const base60 = toBranchScheme(BASE_60_SCHEME)
const percent = toBranchScheme(PERCENT_QUARTERLY_SCHEME)

describe('presets', () => {
  test('the profile scheme first, then 百分制 and 基础分60; all valid branch schemes', () => {
    const presets = schemePresets(HUNAN_WUHUA_2018)
    expect(presets.map((p) => p.id)).toEqual(['base-60', 'percent-quarterly'])
    for (const p of presets) expect(BranchSchemeSchema.safeParse(p.scheme).success).toBe(true)
    expect(presets[0]!.description).toBe('基础分60分 + 履职、奖励加分（5项）− 负面扣分（3项），按年度累计')
    expect(presets[1]!.description).toBe('百分制：每季从100分起评，4项扣分、2项加分，年度取平均')
    expect(schemePresets().map((p) => p.id)).toEqual(['percent-quarterly', 'base-60'])
  })
  test('志愿服务 is declarable and recordable by the branch; automatic items are not declarable', () => {
    const volunteer = base60.items.find((i) => i.code === 'volunteer')!
    expect(volunteer).toMatchObject({ declarable: true, auto: { source: 'volunteer', kinds: null }, needsApproval: true, evidenceRequired: false })
    expect(base60.items.find((i) => i.code === 'duty')?.evidenceRequired).toBe(true)
    expect(declarableItems(base60).map((i) => i.code)).toEqual(['duty', 'volunteer', 'honor'])
    expect(base60.items.find((i) => i.code === 'attendance')).toMatchObject({ declarable: false, needsApproval: false })
    expect(base60.declareDeadlineDay).toBe(5)
    expect(base60.publication).toEqual({ period: 'quarter', days: 7 })
  })
  test('the schema refuses broken schemes', () => {
    const ok = (patch: Partial<BranchScheme>) => BranchSchemeSchema.safeParse({ ...base60, ...patch }).success
    expect(ok({})).toBe(true)
    expect(ok({ publication: { period: 'quarter', days: 5 } })).toBe(false) // 公示 ≥ 7 days
    expect(ok({ max: 50 })).toBe(false)
    expect(ok({ floor: 70 })).toBe(false)
    expect(ok({ declareDeadlineDay: 31 })).toBe(false)
    expect(ok({ bands: [{ band: 'good', min: 80 }, { band: 'good', min: 60 }] })).toBe(false)
    const item = base60.items[0]!
    expect(ok({ items: [{ ...item, kind: 'deduct', declarable: true }] })).toBe(false)
    expect(ok({ items: [{ ...item, veto: true }] })).toBe(false) // veto on a credit
    expect(ok({ items: [{ ...item, points: 0 }] })).toBe(false)
    expect(ok({ items: [{ ...item, points: 0.333 }] })).toBe(false)
    expect(ok({ items: [{ ...item, capPerMonth: 5, capPerYear: 3 }] })).toBe(false)
  })
})

describe('autoItemFor', () => {
  test('maps events to the first matching item, respecting meeting kinds', () => {
    expect(autoItemFor(base60, { type: 'attendance.present', data: { kind: 'group' } })?.code).toBe('attendance')
    expect(autoItemFor(base60, { type: 'attendance.present', data: { kind: 'committee' } })).toBeNull() // 支委会 not in kinds
    expect(autoItemFor(base60, { type: 'attendance.absent', data: { kind: 'committee' } })?.code).toBe('absence') // kinds: any
    expect(autoItemFor(base60, { type: 'dues.paid-on-time', data: {} })?.code).toBe('dues-on-time')
    expect(autoItemFor(base60, { type: 'dues.overdue', data: {} })?.code).toBe('dues-late')
    expect(autoItemFor(base60, { type: 'volunteer.recorded', data: {} })?.code).toBe('volunteer')
    expect(autoItemFor(percent, { type: 'dues.paid-on-time', data: {} })).toBeNull() // no such item
    expect(autoItemFor(base60, { type: 'meeting.created', data: {} })).toBeNull()
  })
})

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
  test('equals points.ts yearlyPoints when entries are approved in month order (property)', () => {
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

describe('ranking and exclusions', () => {
  test('ties share a rank and the next skips (1, 2, 2, 4)', () => {
    const ranked = rankPoints([
      { memberId: 'a', total: 90 },
      { memberId: 'b', total: 85 },
      { memberId: 'c', total: 85 },
      { memberId: 'd', total: 70 },
    ])
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 2, 4])
  })
  test('exclusions come from the member record and the scheme', () => {
    const m = (duesCategory: string, elderly = false, mobile = false) => ({ duesCategory, flags: { elderly, mobile } })
    const all = ['retired', 'long-sick', 'long-away'] as const
    expect(exclusionOf(m('retired'), all)).toBe('retired')
    expect(exclusionOf(m('employed', true), all)).toBe('long-sick')
    expect(exclusionOf(m('employed', false, true), all)).toBe('long-away')
    expect(exclusionOf(m('employed'), all)).toBeNull()
    expect(exclusionOf(m('retired'), ['long-away'])).toBeNull()
  })
})
