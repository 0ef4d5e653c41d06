/**
 * dues.exportFile (.xlsx parsed back with exceljs): the year ledger against the ledger documents, the 核算表 export
 * imported back unchanged (importBases), the half-year summary against the 公示 totals (publish).
 */
import ExcelJS from 'exceljs'
import { DEMO, ok } from '../../../tests/support/cloud'
import { NEXT, mgr, duesCloud } from './test-setup'

const NOW = '2026-11-22T04:00:00.000Z' // 12:00 Beijing, before the collection day 26th
const { cloud, call } = duesCloud(NOW)

describe('exports (.xlsx parsed back with exceljs)', () => {
  const download = async (url: string) => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await (await fetch(url)).arrayBuffer())
    return wb
  }
  const fen = (v: unknown) => Math.round(Number(v) * 100)

  test('the year ledger: 明细 rows match the ledger documents, 登记表 months match paid amounts', async () => {
    const r = ok(await call('exportFile', { branchId: DEMO.branch, kind: 'ledger', year: 2026 }, mgr))
    expect(r.fileName).toBe('示范社区第一党支部_2026年党费交纳登记表.xlsx')
    const wb = await download(r.url)
    const paid = cloud.db.dump('dues_ledger').filter((d) => d.branchId === DEMO.branch && d.status === 'paid' && String(d.month).startsWith('2026-'))
    const detail = wb.getWorksheet('明细')!
    const rows: { name: string; month: string; due: number; paid: number; on: string }[] = []
    detail.eachRow((row, n) => {
      if (n <= 2) return
      rows.push({ name: String(row.getCell(1).value), month: String(row.getCell(2).value), due: fen(row.getCell(3).value), paid: fen(row.getCell(4).value), on: String(row.getCell(5).value) })
    })
    expect(rows).toHaveLength(paid.length)
    expect(r.rows).toBe(paid.length)
    const names = new Map(cloud.db.dump('members').map((m) => [m._id, m.name]))
    const expected = paid.map((d) => ({ name: names.get(d.memberId), month: d.month, due: d.dueFen, paid: d.paidFen, on: d.paidOn })).sort((a, b) => `${a.name}${a.month}`.localeCompare(`${b.name}${b.month}`))
    expect([...rows].sort((a, b) => `${a.name}${a.month}`.localeCompare(`${b.name}${b.month}`))).toEqual(expected)

    const reg = wb.getWorksheet('登记表')!
    let checked = 0
    reg.eachRow((row, n) => {
      if (n <= 3) return
      const name = String(row.getCell(2).value)
      for (let month = 1; month <= 12; month++) {
        const cell = row.getCell(5 + month).value
        const doc = paid.find((d) => names.get(d.memberId) === name && d.month === `2026-${String(month).padStart(2, '0')}`)
        if (doc) {
          expect(fen(cell)).toBe(doc.paidFen)
          checked++
        } else expect(cell === null || cell === '免交').toBe(true)
      }
    })
    expect(checked).toBe(paid.length)
  })

  test('the 核算表 export imports back unchanged (no errors)', async () => {
    const r = ok(await call('exportFile', { branchId: DEMO.branch, kind: 'base-review', year: 2026 }, mgr))
    const base64 = Buffer.from(await (await fetch(r.url)).arrayBuffer()).toString('base64')
    const preview = ok(await call('importBases', { branchId: DEMO.branch, fromMonth: NEXT, file: { name: 'x.xlsx', base64 }, dryRun: true }, mgr))
    expect(preview.rows.length).toBeGreaterThanOrEqual(30)
    expect(preview.rows.filter((x: { error: string | null }) => x.error)).toEqual([])
  })

  test('the half-year summary matches the 公示 totals', async () => {
    const pub = ok(await call('publish', { branchId: DEMO.branch, period: '2026-H1', dryRun: true }, mgr))
    const r = ok(await call('exportFile', { branchId: DEMO.branch, kind: 'summary', year: 2026, period: '2026-H1' }, mgr))
    const ws = (await download(r.url)).getWorksheet('公示')!
    const footer = ws.getRow(ws.rowCount)
    expect(String(footer.getCell(1).value)).toBe('合计')
    expect(fen(footer.getCell(4).value)).toBe(pub.totals.dueFen)
    expect(fen(footer.getCell(6).value)).toBe(pub.totals.paidFen)
  })
})
