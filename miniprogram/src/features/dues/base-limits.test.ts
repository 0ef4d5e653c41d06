/** The 党费基数 as typed: a negative or absurd base gets its own message, never a silent change. */
import { BASE_MAX_FEN, parseBase } from './base-form'

describe('parseBase', () => {
  it.each([
    ['6000', { fen: 600_000 }],
    [' 4500.5 ', { fen: 450_050 }],
    ['', { error: '请填写基数' }],
    ['-100', { error: '基数不能为负数' }],
    ['12.345', { error: '金额格式不正确，最多保留两位小数' }],
    ['abc', { error: '金额格式不正确，最多保留两位小数' }],
    ['99999999', { error: `基数不能超过${BASE_MAX_FEN / 100}元（每月）` }],
    ['123456789012345', { error: `基数不能超过${BASE_MAX_FEN / 100}元（每月）` }],
  ])('%s', (typed, out) => {
    expect(parseBase(typed)).toEqual(out)
  })
})
