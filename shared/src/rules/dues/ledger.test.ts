// Tests of ledger.ts.
import fc from 'fast-check'
import { isRuleInputError } from '../errors'
import { monthlyDuesFen } from './amount'
import { DEFAULT_DUES_THRESHOLDS } from './arrears'
import {
  baseReviewStatus,
  duesBandOf,
  duesBaseInForce,
  type DuesBaseRecord,
  duesBaseUntil,
  duesDueFen,
  duesLedgerStart,
  type DuesMemberTerms,
  duesStanding,
  makeDuesBase,
  upsertDuesBase,
} from './ledger'

const opts = { rounding: 'ceil-fen' as const, farmerDefaultFen: 20, assessedOn: '2026-03-10' }

const base = (fromMonth: string, baseFen: number, category: DuesBaseRecord['category'] = 'employed') =>
  makeDuesBase({ fromMonth, category, baseFen }, opts)

const terms: DuesMemberTerms = { joinedAt: '2000-07-01', firstMonth: 'full', rounding: 'ceil-fen' }

describe('makeDuesBase', () => {
  test.each([
    ['employed', 300_000, 1500, '基数≤3000.00元，按0.5%交纳'],
    ['employed', 300_001, 3001, '3000.00＜基数≤5000.00元，按1%交纳'],
    ['employed', 500_000, 5000, '3000.00＜基数≤5000.00元，按1%交纳'],
    ['employed', 600_000, 9000, '5000.00＜基数≤10000.00元，按1.5%交纳'],
    ['employed', 1_000_001, 20001, '基数＞10000.00元，按2%交纳'],
    ['retired', 500_000, 2500, '基数≤5000.00元，按0.5%交纳'],
    ['retired', 500_001, 5001, '基数＞5000.00元，按1%交纳'],
  ] as const)('%s %i fen → %i fen, band %s', (category, baseFen, fen, band) => {
    const r = makeDuesBase({ fromMonth: '2026-01', category, baseFen }, opts)
    expect(r.standardFen).toBe(fen)
    expect(r.monthlyFen).toBe(fen)
    expect(duesBandOf(r)).toBe(band)
  })

  test('fixed categories ignore a base; farmers default to the profile amount', () => {
    const s = makeDuesBase({ fromMonth: '2026-01', category: 'student', baseFen: 999_999 }, opts)
    expect(s).toMatchObject({ baseFen: null, monthlyFen: 20 })
    expect(duesBandOf(s)).toBe('每月0.20元（固定）')
    expect(makeDuesBase({ fromMonth: '2026-01', category: 'farmer' }, { ...opts, farmerDefaultFen: 50 }).monthlyFen).toBe(50)
  })

  test('relief: a reduction must be lower; exemption owes 0', () => {
    expect(makeDuesBase({ fromMonth: '2026-01', category: 'employed', baseFen: 400_000, relief: { kind: 'reduced', monthlyFen: 1000, approvalRef: '街党发〔2026〕3号' } }, opts).monthlyFen).toBe(1000)
    expect(makeDuesBase({ fromMonth: '2026-01', category: 'employed', baseFen: 400_000, relief: { kind: 'exempt', approvalRef: 'x' } }, opts).monthlyFen).toBe(0)
    expect(() => makeDuesBase({ fromMonth: '2026-01', category: 'employed', baseFen: 400_000, relief: { kind: 'reduced', monthlyFen: 4000, approvalRef: 'x' } }, opts)).toThrow('减交后的金额应低于')
  })

  test('a missing base is a readable input error', () => {
    try {
      makeDuesBase({ fromMonth: '2026-01', category: 'employed' }, opts)
      throw new Error('no throw')
    } catch (e) {
      expect(isRuleInputError(e)).toBe(true)
      expect((e as Error).message).toBe('请填写党费基数')
    }
  })

  test('property: the monthly amount is always monthlyDuesFen of the base', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5_000_000 }), fc.constantFrom('employed', 'retired', 'annual-salary', 'self-employed'), (fen, category) => {
        const r = makeDuesBase({ fromMonth: '2026-01', category, baseFen: fen }, opts)
        return r.monthlyFen === monthlyDuesFen({ category, baseFen: fen })
      }),
    )
  })
})

describe('bases over time (第十条: a new base applies from the month pay changed)', () => {
  const bases = upsertDuesBase(upsertDuesBase([], base('2026-01', 400_000)), base('2026-07', 600_000))
  test('the base in force and the amount owed per month', () => {
    expect(duesBaseInForce(bases, '2025-12')).toBeNull()
    expect(duesBaseInForce(bases, '2026-06')?.baseFen).toBe(400_000)
    expect(duesDueFen(bases, '2026-06', terms)).toBe(4000)
    expect(duesDueFen(bases, '2026-07', terms)).toBe(9000)
    expect(duesDueFen(bases, '2025-12', terms)).toBeNull()
  })
  test('upsert replaces the record of the same month and keeps order', () => {
    const next = upsertDuesBase(bases, base('2026-01', 300_000))
    expect(next.map((b) => [b.fromMonth, b.baseFen])).toEqual([
      ['2026-01', 300_000],
      ['2026-07', 600_000],
    ])
  })
  test('预备党员 owe from the month the 支部大会 accepted them', () => {
    const t = { ...terms, joinedAt: '2026-05-20' }
    expect(duesLedgerStart(bases, t)).toBe('2026-05')
    expect(duesDueFen(bases, '2026-04', t)).toBeNull()
    expect(duesDueFen(bases, '2026-05', t)).toBe(4000)
    expect(duesDueFen(bases, '2026-05', { ...t, firstMonth: 'prorated' })).toBe(Math.ceil((4000 * 12) / 31))
  })
})

describe('standing: 党费交至 and arrears', () => {
  const bases = [base('2026-01', 400_000)]
  const months = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `2026-${String(from + i).padStart(2, '0')}`)
  test('paid through June, July–October unpaid: 4 months, warn', () => {
    const s = duesStanding({ bases, terms, paidMonths: months(1, 6), throughMonth: '2026-10', thresholds: DEFAULT_DUES_THRESHOLDS })
    expect(s.paidThrough).toBe('2026-06')
    expect(s.arrears.currentRun).toBe(4)
    expect(s.arrears.flag).toBe('warn')
    expect(s.owedFen).toBe(16000)
  })
  test('6 months unpaid → lapse-review flag; reported months do not count as arrears', () => {
    const s = duesStanding({ bases, terms, paidMonths: months(1, 4), throughMonth: '2026-10', thresholds: DEFAULT_DUES_THRESHOLDS })
    expect(s.arrears.flag).toBe('lapse-review')
    const r = duesStanding({ bases, terms, paidMonths: months(1, 4), pendingMonths: ['2026-10'], throughMonth: '2026-10', thresholds: DEFAULT_DUES_THRESHOLDS })
    expect(r.arrears.currentRun).toBe(0)
    expect(r.paidThrough).toBe('2026-04')
  })
  test('预交 moves 党费交至 past the current month; exempt months count as settled', () => {
    expect(duesStanding({ bases, terms, paidMonths: months(1, 12), throughMonth: '2026-10', thresholds: DEFAULT_DUES_THRESHOLDS }).paidThrough).toBe('2026-12')
    const exempt = [makeDuesBase({ fromMonth: '2026-01', category: 'employed', baseFen: 100_000, relief: { kind: 'exempt', approvalRef: 'x' } }, opts)]
    const s = duesStanding({ bases: exempt, terms, paidMonths: [], throughMonth: '2026-10', thresholds: DEFAULT_DUES_THRESHOLDS })
    expect(s.arrears.currentRun).toBe(0)
    expect(s.paidThrough).toBe('2026-10')
  })
  test('no 核定 yet: nothing tracked', () => {
    expect(duesStanding({ bases: [], terms, paidMonths: [], throughMonth: '2026-10', thresholds: DEFAULT_DUES_THRESHOLDS })).toMatchObject({ startMonth: null, paidThrough: null, owedFen: 0 })
  })
})

describe('band text and record spans', () => {
  test('a farmer record names the range and the amount the branch set', () => {
    const r = makeDuesBase({ fromMonth: '2026-01', category: 'farmer', farmerFen: 50 }, opts)
    expect(duesBandOf(r)).toBe('每月0.20—1.00元，支部确定为0.50元')
  })
  test.each([
    ['2026-01', '2026-07'],
    ['2026-07', '2027-01'],
    ['2027-01', null],
  ])('a record from %s applies until %s', (from, until) => {
    const bases = ['2027-01', '2026-01', '2026-07'].map((m) => makeDuesBase({ fromMonth: m, category: 'student' }, opts))
    expect(duesBaseUntil(bases, from)).toBe(until)
  })
})

describe('the yearly 核定', () => {
  test.each([
    ['2024-03-31', null, undefined, { year: 2024, deadline: '2024-03-31', done: false, overdue: false }],
    ['2024-04-01', null, undefined, { year: 2024, deadline: '2024-03-31', done: false, overdue: true }],
    ['2024-04-01', '2023-12-20', undefined, { year: 2024, deadline: '2024-03-31', done: false, overdue: true }],
    ['2024-04-01', '2024-02-10', undefined, { year: 2024, deadline: '2024-03-31', done: true, overdue: false }],
    ['2024-02-01', null, '01-31', { year: 2024, deadline: '2024-01-31', done: false, overdue: true }],
  ] as const)('today %s, last %s, deadline %s', (today, lastAssessedOn, deadline, expected) => {
    expect(baseReviewStatus({ today, lastAssessedOn, deadline })).toEqual(expected)
  })
})
