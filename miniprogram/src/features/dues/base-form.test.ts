import type { Assessment } from '@shared/contract/dues'
import { checkRow, entriesToSave, isChanged, rowsFromAssessment, type BaseRow } from './base-form'

const opts = { rounding: 'ceil-fen' as const, farmerDefaultFen: 20, fromMonth: '2026-11' }
const row = (patch: Partial<BaseRow>): BaseRow => ({
  memberId: 'm1',
  name: '吴刚',
  category: 'employed',
  base: '',
  farmer: '',
  original: { category: 'employed', base: '4500.00', farmer: '' },
  ...patch,
})

describe('checkRow: the amount and band shown while typing', () => {
  test.each([
    ['3000', 1500, '基数≤3000.00元，按0.5%交纳'],
    ['3000.01', 3001, '3000.00＜基数≤5000.00元，按1%交纳'],
    ['6000.00', 9000, '5000.00＜基数≤10000.00元，按1.5%交纳'],
    ['10000.01', 20001, '基数＞10000.00元，按2%交纳'],
  ])('在职 %s 元 → %i 分', (base, fen, band) => {
    expect(checkRow(row({ base }), opts)).toEqual({ monthlyFen: fen, band, error: null })
  })
  test('离退休 5000.00 → 25.00 元; students pay 0.20 元 with no base', () => {
    expect(checkRow(row({ category: 'retired', base: '5000' }), opts).monthlyFen).toBe(2500)
    expect(checkRow(row({ category: 'student', base: '' }), opts)).toMatchObject({ monthlyFen: 20, error: null })
  })
  test('inline errors', () => {
    expect(checkRow(row({ base: '' }), opts).error).toBe('请填写基数')
    expect(checkRow(row({ base: '12.345' }), opts).error).toBe('金额格式不正确，最多保留两位小数')
    expect(checkRow(row({ base: '-5' }), opts).error).toBe('金额格式不正确，最多保留两位小数')
    expect(checkRow(row({ category: 'farmer', farmer: '2.00' }), opts).error).toBe('农民党员每月交纳党费应为0.20元至1.00元')
  })
})

describe('saving changed rows only', () => {
  test('unchanged rows are not sent; a bad changed row stops the save with the member named', () => {
    const rows = [row({ base: '4500.00' }), row({ memberId: 'm2', name: '赵敏', base: '6000' }), row({ memberId: 'm3', name: '孙伟', category: 'student', original: { category: '', base: '', farmer: '' } })]
    expect(rows.map(isChanged)).toEqual([false, true, true])
    expect(entriesToSave(rows, opts)).toEqual({
      ok: true,
      entries: [
        { memberId: 'm2', category: 'employed', baseFen: 600_000, farmerFen: null },
        { memberId: 'm3', category: 'student', baseFen: null, farmerFen: null },
      ],
    })
    expect(entriesToSave([row({ base: 'abc' })], opts)).toEqual({ ok: false, memberId: 'm1', message: '吴刚：金额格式不正确，最多保留两位小数' })
  })

  test('rows from the server show the latest 核定 in 元', () => {
    const a = {
      rows: [
        { memberId: 'm1', name: '吴刚', latest: { category: 'employed', baseFen: 450_000, farmerFen: null } },
        { memberId: 'm2', name: '新党员', latest: null },
      ],
    } as unknown as Assessment
    expect(rowsFromAssessment(a).map((r) => [r.category, r.base])).toEqual([
      ['employed', '4500.00'],
      ['', ''],
    ])
  })
})
