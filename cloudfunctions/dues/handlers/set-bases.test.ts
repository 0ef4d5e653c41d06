/**
 * dues.setBases (核定): amounts at the band boundaries end to end (核定 → member page → collection → ledger, also
 * memberDues, collection, recordPayment), the rule's amount for any base; all or nothing with row errors; a raise
 * from a month already paid; a submitted base (submitBase) on the 核定 screen.
 */
import fc from 'fast-check'
import { monthlyDuesFen } from '@shared/rules/dues/amount'
import { DEMO, devOpenid, errCode, ok } from '../../../tests/support/cloud'
import { MONTH, NEXT, TODAY, formal, mgr, sec, duesCloud } from './test-setup'

const NOW = '2026-11-22T04:00:00.000Z' // 12:00 Beijing, before the collection day 26th
const { cloud, call, ledgerDoc, setBase } = duesCloud(NOW)

describe('amounts at the band boundaries, end to end (核定 → member page → collection → ledger)', () => {
  test.each([
    ['m_b1_26', 'employed', 300_000, 1500],
    ['m_b1_27', 'employed', 300_001, 3001],
    ['m_b1_28', 'employed', 500_000, 5000],
    ['m_b1_29', 'employed', 1_000_001, 20001],
    ['m_b1_18', 'retired', 500_000, 2500],
    ['m_b1_30', 'retired', 500_001, 5001],
  ] as const)('%s %s base %i fen owes %i fen a month', async (memberId, category, baseFen, fen) => {
    const saved = ok(await setBase(memberId, baseFen, category))
    expect(saved.rows).toEqual([expect.objectContaining({ memberId, monthlyFen: fen })])
    const page = ok(await call('memberDues', { memberId }, mgr))
    expect(page.current.monthlyFen).toBe(fen)
    expect(page.thisMonth.dueFen).toBe(fen)
    const col = ok(await call('collection', { branchId: DEMO.branch, month: NEXT }, mgr))
    expect(col.rows.find((r: { memberId: string }) => r.memberId === memberId).entry.dueFen).toBe(fen)
    // 预交 of next month: the ledger amount is the rule's amount.
    const paid = ok(await call('recordPayment', { memberId, months: [NEXT], paidOn: TODAY, method: 'cash' }, mgr))
    expect(paid.totalFen).toBe(fen)
    expect(ledgerDoc(memberId, NEXT)).toMatchObject({ status: 'paid', dueFen: fen, paidFen: fen })
    expect(fen).toBe(monthlyDuesFen({ category, baseFen }))
  })

  test('the member sees 90.00 元 for a base of 6000.00 (the issue walk-through)', async () => {
    ok(await setBase(DEMO.m.formal, 600_000))
    const page = ok(await call('memberDues', {}, formal))
    expect(page.thisMonth).toMatchObject({ month: MONTH, status: 'unpaid', dueFen: 9000 })
    expect(page.current.band).toBe('5000.00＜基数≤10000.00元，按1.5%交纳')
  })

  test('property: any base saved through setBases owes exactly monthlyDuesFen', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3_000_000 }), fc.constantFrom('employed', 'retired', 'self-employed'), async (baseFen, category) => {
        const saved = ok(await setBase('m_b1_26', baseFen, category, '2027-01'))
        return saved.rows[0].monthlyFen === monthlyDuesFen({ category, baseFen })
      }),
      { numRuns: 15 },
    )
  })
})

describe('核定', () => {
  test('one bad entry saves nothing (row errors name the member)', async () => {
    const before = cloud.snapshot()
    const r = await call(
      'setBases',
      {
        branchId: DEMO.branch,
        fromMonth: MONTH,
        entries: [
          { memberId: 'm_b1_20', category: 'employed', baseFen: 400_000 },
          { memberId: 'm_b1_21', category: 'employed' },
          { memberId: DEMO.b2.formal, category: 'employed', baseFen: 1 },
        ],
      },
      mgr,
    )
    expect(errCode(r)).toBe('INVALID_INPUT')
    expect(!r.ok && r.error.message).toBe('袁涛：请填写党费基数（共2处错误），未保存任何数据')
    expect(!r.ok && r.error.details?.rows).toEqual([
      { memberId: 'm_b1_21', name: '袁涛', message: '请填写党费基数' },
      { memberId: DEMO.b2.formal, name: '', message: '不是本支部的党员' },
    ])
    expect(cloud.snapshot()).toEqual(before)
    expect(errCode(await call('setBases', { branchId: DEMO.branch, fromMonth: '2025-10', entries: [{ memberId: 'm_b1_20', category: 'student' }] }, mgr))).toBe('RULE_VIOLATED')
  })

  test('a raise from a month already paid leaves the difference to 补交 (第十条)', async () => {
    const m = 'm_b1_22'
    const old = ledgerDoc(m, '2026-10') as { paidFen: number }
    ok(await setBase(m, 1_200_000, 'employed', '2026-10'))
    const page = ok(await call('memberDues', { memberId: m }, mgr))
    const oct = page.history.find((h: { month: string }) => h.month === '2026-10')
    expect(oct).toMatchObject({ status: 'paid', dueFen: 24000, paidFen: old.paidFen, shortFen: 24000 - old.paidFen })
    expect(ledgerDoc(m, '2026-10')).toMatchObject({ dueFen: 24000 })
    expect(page.history.find((h: { month: string }) => h.month === '2026-09').dueFen).toBe(old.paidFen)
  })

  test('a member submits a base; the 核定 screen shows it; saving clears it and the member record follows', async () => {
    const m = 'm_b1_16'
    const sub = ok(await call('submitBase', { memberId: m, category: 'retired', baseFen: 380_000, note: '今年退休' }, devOpenid(m)))
    expect(sub).toMatchObject({ monthlyFen: 1900, band: '基数≤5000.00元，按0.5%交纳' })
    const row = ok(await call('baseReview', { branchId: DEMO.branch }, mgr)).rows.find((r: { memberId: string }) => r.memberId === m)
    expect(row.proposal).toMatchObject({ category: 'retired', baseFen: 380_000, note: '今年退休' })
    ok(await setBase(m, 380_000, 'retired'))
    expect(ok(await call('baseReview', { branchId: DEMO.branch }, mgr)).rows.find((r: { memberId: string }) => r.memberId === m).proposal).toBeNull()
    expect(ok(await cloud.call('org', 'getMember', { memberId: m }, sec)).duesCategory).toBe('retired')
  })
})
