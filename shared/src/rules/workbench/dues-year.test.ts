// Tests of dues-year.ts.
import type { DuesBaseRecord } from '../dues/ledger'
import { duesYearSummary } from './dues-year'

describe('duesYearSummary', () => {
  const base = (fromMonth: string, monthlyFen: number): DuesBaseRecord => ({
    fromMonth,
    category: 'employed',
    baseFen: monthlyFen * 100,
    farmerFen: null,
    standardFen: monthlyFen,
    relief: null,
    monthlyFen,
    assessedOn: `${fromMonth}-01`,
    note: null,
  })
  const terms = { firstMonth: 'full' as const, rounding: 'ceil-fen' as const }
  const thresholds = { warnMonths: 3, flagMonths: 6 }
  const members = [
    { id: 'a', name: '甲', joinedAt: '2000-01-01', bases: [base('2026-01', 1500)], paidMonths: ['2026-01', '2026-02', '2026-03', '2026-04'], reportedMonths: [] },
    { id: 'b', name: '乙', joinedAt: '2000-01-01', bases: [base('2026-01', 1000), base('2026-03', 2000)], paidMonths: ['2026-01'], reportedMonths: ['2026-02'] },
    { id: 'c', name: '丙', joinedAt: '2000-01-01', bases: [], paidMonths: [], reportedMonths: [] },
  ]

  test('due from each base in force; collected by month; arrears runs', () => {
    const s = duesYearSummary({ members, terms, thresholds, year: 2026, lastDue: '2026-05', paidFenByMonth: { '2026-01': 2500, '2026-02': 1500, '2026-09': 99 } })
    expect(s.throughMonth).toBe('2026-05')
    expect(s.months).toEqual([
      { month: '2026-01', dueFen: 2500, paidFen: 2500 },
      { month: '2026-02', dueFen: 2500, paidFen: 1500 },
      { month: '2026-03', dueFen: 3500, paidFen: 0 },
      { month: '2026-04', dueFen: 3500, paidFen: 0 },
      { month: '2026-05', dueFen: 3500, paidFen: 0 },
    ])
    expect([s.dueFen, s.paidFen, s.tracked]).toEqual([15500, 4000, 2])
    // 乙: February is reported (pending), March–May unpaid: a run of 3 → warn.
    expect(s.arrears).toEqual([{ memberId: 'b', name: '乙', run: 3, unpaidMonths: 3, owedFen: 6000, flag: 'warn' }])
  })
  test('a past year counts to December; a future year owes nothing yet', () => {
    expect(duesYearSummary({ members, terms, thresholds, year: 2025, lastDue: '2026-05', paidFenByMonth: {} }).throughMonth).toBe('2025-12')
    const future = duesYearSummary({ members, terms, thresholds, year: 2027, lastDue: '2026-05', paidFenByMonth: {} })
    expect([future.throughMonth, future.dueFen, future.months]).toEqual([null, 0, []])
  })
  test('six months behind is flagged for review, longest first', () => {
    const s = duesYearSummary({ members, terms, thresholds, year: 2026, lastDue: '2026-10', paidFenByMonth: {} })
    expect(s.arrears.map((a) => [a.name, a.run, a.flag])).toEqual([
      ['乙', 8, 'lapse-review'],
      ['甲', 6, 'lapse-review'],
    ])
  })
})
