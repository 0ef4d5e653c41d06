/**
 * Writing the 台账 as .xlsx (exceljs, loaded on first use): one sheet per table, a merged title row, a
 * subtitle, bold Chinese headers, thin borders, money columns as 元 with two decimals, an optional 合计 row.
 */
import type ExcelJSNS from 'exceljs'

export type Cell = string | number | null

export interface Column {
  header: string
  width: number
  /** The value is in fen; written as 元. */
  money?: boolean
}

export interface Sheet {
  name: string
  title: string
  subtitle: string
  columns: Column[]
  rows: Cell[][]
  footer?: Cell[]
}

// Loaded on first use: only exports pay for exceljs (≈1 MB) at cold start.
let excel: typeof ExcelJSNS | null = null
const exceljs = async (): Promise<typeof ExcelJSNS> => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require (esbuild bundles it; jest runs it as is)
  excel ??= require('exceljs') as typeof ExcelJSNS
  return excel
}

const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } }
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN }

export async function writeSheets(sheets: readonly Sheet[]): Promise<Buffer> {
  const ExcelJS = await exceljs()
  const wb = new ExcelJS.Workbook()
  wb.creator = '支部助手'
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } })
    ws.columns = s.columns.map((c) => ({ width: c.width }))
    const width = Math.max(1, s.columns.length)
    const title = ws.addRow([s.title])
    ws.mergeCells(title.number, 1, title.number, width)
    title.font = { bold: true, size: 14 }
    title.alignment = { horizontal: 'center', vertical: 'middle' }
    title.height = 26
    const sub = ws.addRow([s.subtitle])
    ws.mergeCells(sub.number, 1, sub.number, width)
    sub.font = { size: 10, color: { argb: 'FF666666' } }
    const header = ws.addRow(s.columns.map((c) => c.header))
    header.font = { bold: true }
    header.eachCell((c) => {
      c.border = BORDER
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F3F3' } }
    })
    const add = (values: Cell[], bold: boolean) => {
      const row = ws.addRow(values.map((v, i) => (s.columns[i]?.money && typeof v === 'number' ? v / 100 : v)))
      s.columns.forEach((c, i) => {
        const cell = row.getCell(i + 1)
        cell.border = BORDER
        cell.alignment = { vertical: 'top', wrapText: true }
        if (c.money) cell.numFmt = '0.00'
      })
      if (bold) row.font = { bold: true }
    }
    for (const r of s.rows) add(r, false)
    if (s.footer) add(s.footer, true)
  }
  const out = await wb.xlsx.writeBuffer()
  return Buffer.from(out as ArrayBuffer)
}

/** A cell's value as text (tests and readers). */
export function cellText(v: ExcelJSNS.CellValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'object' && 'richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('')
  if (typeof v === 'object' && 'result' in v) return cellText((v as { result?: ExcelJSNS.CellValue }).result ?? null)
  return String(v)
}

/** Reads every sheet back as { name, header, rows } (the header is the third row). */
export async function readSheets(content: Buffer): Promise<{ name: string; title: string; header: string[]; rows: string[][] }[]> {
  const ExcelJS = await exceljs()
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(content as unknown as ArrayBuffer)
  return wb.worksheets.map((ws) => {
    const all: string[][] = []
    ws.eachRow({ includeEmpty: false }, (row) => {
      const values: string[] = []
      for (let c = 1; c <= ws.columnCount; c++) values.push(cellText(row.getCell(c).value))
      all.push(values)
    })
    return { name: ws.name, title: all[0]?.[0] ?? '', header: all[2] ?? [], rows: all.slice(3) }
  })
}
