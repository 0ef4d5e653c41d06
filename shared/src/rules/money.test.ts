import fc from 'fast-check'
import { AppError } from '../contract/errors'
import { isRuleInputError, RuleInputError } from './errors'
import { assertFen, formatFen, formatYuan, sumFen, yuanToFen } from './money'

describe('yuanToFen — exact', () => {
  test.each([
    ['3000.01', 300_001],
    ['3000.1', 300_010],
    ['3000', 300_000],
    [' 0.20 ', 20],
    ['0', 0],
    [3000.01, 300_001],
    [0.2, 20],
    [10000, 1_000_000],
  ])('%p → %p', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen)
  })
  test.each([['3000.001'], ['-1'], ['1e3'], ['abc'], [''], [0.1 + 0.2], [-5], ['12345678901']])('%p is refused', (yuan) => {
    expect(() => yuanToFen(yuan)).toThrow(RuleInputError)
  })
  test('property: formatFen and yuanToFen round-trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999 }), (fen) => {
        expect(yuanToFen(formatFen(fen))).toBe(fen)
      }),
    )
  })
})

describe('formatting and sums', () => {
  test.each([
    [0, '0.00'],
    [5, '0.05'],
    [20, '0.20'],
    [3001, '30.01'],
    [150_000, '1500.00'],
  ])('%p fen → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text)
    expect(formatYuan(fen)).toBe(`${text}元`)
  })
  test('sumFen adds checked amounts', () => {
    expect(sumFen([1500, 3001, 20])).toBe(4521)
    expect(sumFen([])).toBe(0)
    expect(() => sumFen([1, -1])).toThrow(RuleInputError)
  })
  test.each([
    [-1, 'NEGATIVE_AMOUNT'],
    [1.5, 'NON_INTEGER_AMOUNT'],
    [Number.NaN, 'NON_INTEGER_AMOUNT'],
    [2 ** 60, 'AMOUNT_TOO_LARGE'],
  ])('assertFen(%p) → %s', (fen, reason) => {
    expect(() => assertFen(fen)).toThrow(expect.objectContaining({ reason }))
  })
})

describe('RuleInputError', () => {
  test('is an INVALID_INPUT AppError with a reason and details', () => {
    const e = new RuleInputError('INVALID_DATE', '日期格式不正确', { value: 'x' })
    expect(e).toBeInstanceOf(Error)
    expect(e).toBeInstanceOf(AppError)
    expect(isRuleInputError(e)).toBe(true)
    expect(isRuleInputError(new Error('x'))).toBe(false)
    expect(e.toBody()).toEqual({ code: 'INVALID_INPUT', message: '日期格式不正确', details: { reason: 'INVALID_DATE', value: 'x' } })
  })
})
