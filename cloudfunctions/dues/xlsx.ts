/**
 * Reading a 《党员缴纳党费核算表》 (.xlsx: 姓名, 类别, 基数, 金额 — header found by its words, so a unit's own
 * title rows and extra columns do not matter). The exports are written by the kit's writer (`_kit/xlsx.ts`);
 * the 核算表 export (handlers/export-file.ts) imports back unchanged.
 */
import type ExcelJSNS from 'exceljs'
import { IMPORT_MAX_ROWS } from '@shared/contract/dues'
import { AppError } from '@shared/contract/errors'
import { exceljs } from '../_kit/xlsx'

type Worksheet = ExcelJSNS.Worksheet

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
