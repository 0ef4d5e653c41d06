/**
 * Spreadsheets (exceljs): reading a 《党员缴纳党费核算表》 (姓名, 类别, 基数, 金额 — header found by its
 * words, so a unit's own title rows and extra columns do not matter) and writing the 党费交纳登记表, the
 * 公示 summary and the 核算表 itself (which imports back unchanged). Amounts are written in 元 with 2 decimals.
 */
import type ExcelJSNS from 'exceljs'
import { IMPORT_MAX_ROWS } from '@shared/contract/dues'
import { AppError } from '@shared/contract/errors'

type Workbook = ExcelJSNS.Workbook
type Worksheet = ExcelJSNS.Worksheet

// Loaded on first use: only the import and export actions pay for exceljs (≈1 MB) at cold start.
let excel: typeof ExcelJSNS | null = null
const exceljs = async (): Promise<typeof ExcelJSNS> => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require (esbuild bundles it; jest runs it as is)
  excel ??= require('exceljs') as typeof ExcelJSNS
  return excel
}

/** A cell's text whatever its type (rich text, formula result, number, date). */
export function cellText(v: ExcelJSNS.CellValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v.trim()
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('').trim()
    if ('result' in v) return cellText((v as { result?: ExcelJSNS.CellValue }).result ?? null)
    if ('text' in v) return String((v as { text: unknown }).text).trim()
  }
  return ''
}

export interface SheetRow {
  /** The spreadsheet's row number (1-based), as the user sees it. */
  row: number
  name: string
  category: string
  base: string
  amount: string
}

const HEADER_SCAN_ROWS = 15

/** Reads the first sheet with a 姓名 / 类别 / 基数 header. Throws INVALID_INPUT when there is none. */
export async function readAssessmentSheet(content: Buffer): Promise<SheetRow[]> {
  const ExcelJS = await exceljs()
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(content as unknown as ArrayBuffer)
  } catch {
    throw new AppError('INVALID_INPUT', '无法读取该文件，请上传 .xlsx 格式的核算表')
  }
  for (const ws of wb.worksheets) {
    const found = findHeader(ws)
    if (!found) continue
    const { headerRow, cols } = found
    const rows: SheetRow[] = []
    // One row past the cap is enough for the handler to refuse the sheet (rows are never silently dropped).
    for (let r = headerRow + 1; r <= ws.rowCount && rows.length <= IMPORT_MAX_ROWS; r++) {
      const row = ws.getRow(r)
      const get = (c: number | null) => (c === null ? '' : cellText(row.getCell(c).value))
      const name = get(cols.name).replace(/\s+/g, '')
      const rest = [get(cols.category), get(cols.base), get(cols.amount)]
      if (name === '' && rest.every((x) => x === '')) continue
      if (/合计|总计|小计/.test(name)) break
      rows.push({ row: r, name, category: rest[0] ?? '', base: rest[1] ?? '', amount: rest[2] ?? '' })
    }
    return rows
  }
  throw new AppError('INVALID_INPUT', '没有找到表头：核算表应包含“姓名”“类别”“基数”“金额”列')
}

function findHeader(ws: Worksheet): { headerRow: number; cols: { name: number; category: number | null; base: number | null; amount: number | null } } | null {
  for (let r = 1; r <= Math.min(ws.rowCount, HEADER_SCAN_ROWS); r++) {
    const row = ws.getRow(r)
    // An object, not `let`s: assignments inside the callback are invisible to TypeScript's narrowing.
    const cols: { name: number | null; category: number | null; base: number | null; amount: number | null } = { name: null, category: null, base: null, amount: null }
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const t = cellText(cell.value).replace(/\s+/g, '')
      if (cols.name === null && t.includes('姓名')) cols.name = col
      else if (cols.category === null && (t.includes('类别') || t.includes('类型'))) cols.category = col
      else if (cols.base === null && (t.includes('基数') || t.includes('工资') || t.includes('收入'))) cols.base = col
      else if (cols.amount === null && (t.includes('金额') || t.includes('党费'))) cols.amount = col
    })
    if (cols.name !== null && cols.category !== null) return { headerRow: r, cols: { ...cols, name: cols.name, category: cols.category } }
  }
  return null
}

// ---------------------------------------------------------------------------------------------------
// Writing.

export interface Table {
  sheet: string
  title: string
  subtitle?: string
  columns: { header: string; width: number; money?: boolean }[]
  rows: (string | number | null)[][]
  /** A bold last row (合计). */
  footer?: (string | number | null)[]
}

const yuan = (fen: number): number => fen / 100

/** Money columns take fen and are written as 元 numbers with 2 decimals. */
export async function writeWorkbook(tables: readonly Table[]): Promise<Buffer> {
  const ExcelJS = await exceljs()
  const wb: Workbook = new ExcelJS.Workbook()
  wb.creator = '支部助手'
  for (const t of tables) {
    const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: t.subtitle ? 3 : 2 }] })
    ws.columns = t.columns.map((c) => ({ width: c.width }))
    const titleRow = ws.addRow([t.title])
    ws.mergeCells(titleRow.number, 1, titleRow.number, t.columns.length)
    titleRow.font = { bold: true, size: 14 }
    titleRow.alignment = { horizontal: 'center' }
    if (t.subtitle) ws.addRow([t.subtitle]).font = { size: 10, color: { argb: 'FF666666' } }
    const header = ws.addRow(t.columns.map((c) => c.header))
    header.font = { bold: true }
    header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    const add = (values: (string | number | null)[], bold = false) => {
      const row = ws.addRow(values.map((v, i) => (t.columns[i]?.money && typeof v === 'number' ? yuan(v) : v)))
      t.columns.forEach((c, i) => {
        if (c.money) row.getCell(i + 1).numFmt = '0.00'
      })
      if (bold) row.font = { bold: true }
    }
    for (const r of t.rows) add(r)
    if (t.footer) add(t.footer, true)
  }
  const out = await wb.xlsx.writeBuffer()
  return Buffer.from(out as ArrayBuffer)
}
