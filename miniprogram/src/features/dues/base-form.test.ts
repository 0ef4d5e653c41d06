import type { BaseReview } from '@shared/contract/dues'
import { NO_RELIEF, checkRow, entriesToSave, isChanged, rowsFromBaseReview, type BaseRow } from './base-form'

const opts = { rounding: 'ceil-fen' as const, farmerDefaultFen: 20, fromMonth: '2026-11' }
const row = (patch: Partial<BaseRow>): BaseRow => ({
  memberId: 'm1',
  name: '吴刚',
  category: 'employed',
  base: '',
  farmer: '',
  relief: NO_RELIEF,
  original: { category: 'employed', base: '4500.00', farmer: '', relief: NO_RELIEF },
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
    expect(checkRow(row({ base: '-5' }), opts).error).toBe('基数不能为负数')
    expect(checkRow(row({ category: 'farmer', farmer: '2.00' }), opts).error).toBe('农民党员每月交纳党费应为0.20元至1.00元')
  })
})

describe('saving changed rows only', () => {
  test('unchanged rows are not sent; a bad changed row stops the save with the member named', () => {
    const rows = [row({ base: '4500.00' }), row({ memberId: 'm2', name: '赵敏', base: '6000' }), row({ memberId: 'm3', name: '孙伟', category: 'student', original: { category: '', base: '', farmer: '', relief: NO_RELIEF } })]
    expect(rows.map(isChanged)).toEqual([false, true, true])
    expect(entriesToSave(rows, opts)).toEqual({
      ok: true,
      entries: [
        { memberId: 'm2', category: 'employed', baseFen: 600_000, farmerFen: null, relief: null },
        { memberId: 'm3', category: 'student', baseFen: null, farmerFen: null, relief: null },
      ],
    })
    expect(entriesToSave([row({ base: 'abc' })], opts)).toEqual({ ok: false, memberId: 'm1', message: '吴刚：金额格式不正确，最多保留两位小数' })
  })

  test('减交 / 免交 (困难党员) need the approval; a reduction must be lower; the amount shown is what is owed', () => {
    const ref = '支委会研究、街道党工委批准（2026-03-05）'
    expect(checkRow(row({ base: '4500', relief: { kind: 'exempt', amount: '', ref: '' } }), opts).error).toBe('请填写减免的批准依据（支部研究、上级批准的文号或会议记录）')
    expect(checkRow(row({ base: '4500', relief: { kind: 'reduced', amount: '', ref } }), opts).error).toBe('请填写减交后每月的金额')
    expect(checkRow(row({ base: '4500', relief: { kind: 'reduced', amount: '50', ref } }), opts).error).toBe('减交后的金额应低于按基数计算的金额')
    expect(checkRow(row({ base: '4500', relief: { kind: 'reduced', amount: '10', ref } }), opts).monthlyFen).toBe(1000)
    expect(checkRow(row({ base: '4500', relief: { kind: 'exempt', amount: '', ref } }), opts).monthlyFen).toBe(0)
    // Approving relief alone is a change; it is sent with the unchanged base.
    const r = row({ base: '4500.00', relief: { kind: 'exempt', amount: '', ref } })
    expect(isChanged(r)).toBe(true)
    expect(entriesToSave([r], opts)).toEqual({ ok: true, entries: [{ memberId: 'm1', category: 'employed', baseFen: 450_000, farmerFen: null, relief: { kind: 'exempt', approvalRef: ref } }] })
    expect(entriesToSave([row({ base: '4500', relief: { kind: 'exempt', amount: '', ref: ' ' } })], opts)).toMatchObject({ ok: false, message: '吴刚：请填写减免的批准依据（支部研究、上级批准的文号或会议记录）' })
  })

  test('a base edited on a member with approved relief keeps the relief', () => {
    const a = {
      rows: [{ memberId: 'm1', name: '吴刚', latest: { category: 'employed', baseFen: 450_000, farmerFen: null, relief: { kind: 'reduced', monthlyFen: 1000, approvalRef: '街党发〔2026〕3号' } } }],
    } as unknown as BaseReview
    const [loaded] = rowsFromBaseReview(a) as [BaseRow]
    expect(loaded.relief).toEqual({ kind: 'reduced', amount: '10.00', ref: '街党发〔2026〕3号' })
    expect(isChanged(loaded)).toBe(false)
    const plan = entriesToSave([{ ...loaded, base: '4800' }], opts)
    expect(plan.ok && plan.entries[0]?.relief).toEqual({ kind: 'reduced', monthlyFen: 1000, approvalRef: '街党发〔2026〕3号' })
  })

  test('rows from the server show the latest 核定 in 元', () => {
    const a = {
      rows: [
        { memberId: 'm1', name: '吴刚', latest: { category: 'employed', baseFen: 450_000, farmerFen: null } },
        { memberId: 'm2', name: '新党员', latest: null },
      ],
    } as unknown as BaseReview
    expect(rowsFromBaseReview(a).map((r) => [r.category, r.base])).toEqual([
      ['employed', '4500.00'],
      ['', ''],
    ])
  })
})
