// Tests of payment.ts.
import { RuleInputError } from '../errors'
import { checkDuesPaymentMonths, duesPaymentWindow } from './payment'

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
