/**
 * dues.importBases: the Excel 核算表 (姓名, 类别, 基数, 金额) — one bad row imports nothing, a good sheet imports every
 * row with amounts from the rule, a file that is not a workbook is refused.
 */
import ExcelJS from 'exceljs'
import { DEMO, ok } from '../../../tests/support/cloud'
import { NEXT, PNG_1PX, mgr, duesCloud } from './test-setup'

const NOW = '2026-11-22T04:00:00.000Z' // 12:00 Beijing, before the collection day 26th
const { cloud, call } = duesCloud(NOW)

describe('Excel import of the 核算表 (姓名, 类别, 基数, 金额)', () => {
  const workbook = async (rows: (string | number | null)[][]): Promise<string> => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('核算表')
    ws.addRow(['示范社区第一党支部党员缴纳党费核算表（2026年）'])
    ws.addRow(['序号', '姓名', '党员类别', '党费基数（元）', '月交金额（元）'])
    rows.forEach((r, i) => ws.addRow([i + 1, ...r]))
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
  }
  const importAs = async (rows: (string | number | null)[][], dryRun: boolean) =>
    call('importBases', { branchId: DEMO.branch, fromMonth: NEXT, file: { name: '核算表.xlsx', base64: await workbook(rows) }, dryRun }, mgr)

  test('one bad row imports nothing; the preview lists every row with its error', async () => {
    const rows = [
      ['李红梅', '在职', 7500, 112.5],
      ['陈卫东', '在职', '10000.01', '200.01'],
      ['孙伟', '在职', 3000, 30],
      ['查无此人', '在职', 3000, 15],
    ]
    const preview = ok(await importAs(rows, true))
    expect(preview.errorCount).toBe(2)
    expect(preview.rows.map((r: { row: number; error: string | null }) => [r.row, r.error])).toEqual([
      [3, null],
      [4, null],
      [5, '金额应为15.00元（表中为30.00元）'],
      [6, '本支部没有名为“查无此人”的党员'],
    ])
    const before = cloud.snapshot()
    const r = await importAs(rows, false)
    expect(!r.ok && r.error.message).toBe('第5行：金额应为15.00元（表中为30.00元）（共2行有误），未导入任何数据')
    expect(cloud.snapshot()).toEqual(before)
  })

  test('a good sheet imports every row, amounts from the rule', async () => {
    const r = ok(await importAs([['李红梅', '在职党员', 7500, 112.5], ['陈卫东', '在职', '10000.01', null], ['孙伟', '在职', 3000, '15.00']], false))
    expect(r).toMatchObject({ imported: 3, errorCount: 0 })
    const page = ok(await call('memberDues', { memberId: DEMO.m.discipline }, mgr))
    expect(page.bases[0]).toMatchObject({ fromMonth: NEXT, baseFen: 1_000_001, monthlyFen: 20001 })
  })

  test('a file that is not a workbook is refused', async () => {
    const r = await call('importBases', { branchId: DEMO.branch, fromMonth: NEXT, file: { name: '核算表.xlsx', base64: PNG_1PX }, dryRun: true }, mgr)
    expect(!r.ok && r.error.message).toBe('请上传 .xlsx 格式的 Excel 文件')
  })
})
