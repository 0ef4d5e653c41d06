/**
 * The one .xlsx writer (exceljs, loaded on first use): sheets described as data — a merged title row, an
 * optional subtitle, bold Chinese headers, column widths, money columns (fen in, 元 with two decimals out),
 * an optional bold 合计 row and closing notes — drawn in one of three house styles, and the file as a
 * Buffer (stored and answered by `exports.ts`). What goes on a sheet stays in the domain (dues, workbench, evaluation).
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
  subtitle?: string
  columns: Column[]
  rows: Cell[][]
  /** A bold last row (合计). */
  footer?: Cell[]
  /** Lines written after the table, one blank row below it. */
  notes?: string[]
}

/**
 * How a sheet is drawn. `ledger`: 台账 (frozen header, landscape, ruled cells, shaded header);
 * `plain`: dues exports (frozen header, no rules, subtitle unmerged); `form`: paper forms such as the
 * 民主评议 registers (landscape, larger title, a tall wrapped subtitle, ruled cells, no frozen rows).
 */
export type SheetStyle = 'ledger' | 'plain' | 'form'

export interface WorkbookOptions {
  style: SheetStyle
  /** The workbook's own timestamp (created and modified); exceljs's default is the time of writing. */
  created?: Date
}

// Loaded on first use: only the actions that read or write spreadsheets pay for exceljs (≈1 MB) at cold start.
let excel: typeof ExcelJSNS | null = null
export const exceljs = async (): Promise<typeof ExcelJSNS> => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy require (esbuild bundles it; jest runs it as is)
  excel ??= require('exceljs') as typeof ExcelJSNS
  return excel
}

const THIN = { style: 'thin' as const, color: { argb: 'FF999999' } }
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN }
const LANDSCAPE = { orientation: 'landscape' as const, fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
const GREY_SMALL = { size: 10, color: { argb: 'FF666666' } }

function addSheet(wb: ExcelJSNS.Workbook, s: Sheet, style: SheetStyle): void {
  const width = style === 'plain' ? s.columns.length : Math.max(1, s.columns.length)
  const ws =
    style === 'ledger'
      ? wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 3 }], pageSetup: LANDSCAPE })
      : style === 'plain'
        ? wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: s.subtitle ? 3 : 2 }] })
        : wb.addWorksheet(s.name, { pageSetup: LANDSCAPE })
  ws.columns = s.columns.map((c) => ({ width: c.width }))

  const title = ws.addRow([s.title])
  ws.mergeCells(title.number, 1, title.number, width)
  if (style === 'form') {
    const cell = title.getCell(1)
    cell.font = { size: 16, bold: true }
    cell.alignment = { horizontal: 'center', vertical: 'middle' }
    title.height = 30
  } else {
    title.font = { bold: true, size: 14 }
    title.alignment = style === 'ledger' ? { horizontal: 'center', vertical: 'middle' } : { horizontal: 'center' }
    if (style === 'ledger') title.height = 26
  }
  if (s.subtitle !== undefined && (s.subtitle !== '' || style !== 'plain')) {
    const sub = ws.addRow([s.subtitle])
    if (style !== 'plain') ws.mergeCells(sub.number, 1, sub.number, width)
    if (style === 'form') {
      sub.getCell(1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true }
      sub.height = 36
    } else sub.font = GREY_SMALL
  }

  const ruled = style !== 'plain'
  const header = ws.addRow(s.columns.map((c) => c.header))
  header.font = { bold: true }
  if (ruled) {
    header.eachCell((c) => {
      c.border = BORDER
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F3F3' } }
    })
  } else header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }

  const add = (values: Cell[], bold: boolean) => {
    const row = ws.addRow(values.map((v, i) => (s.columns[i]?.money && typeof v === 'number' ? v / 100 : v)))
    s.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1)
      if (ruled) {
        cell.border = BORDER
        cell.alignment = { vertical: 'top', wrapText: true }
      }
      if (c.money) cell.numFmt = '0.00'
    })
    if (bold) row.font = { bold: true }
  }
  for (const r of s.rows) add(r, false)
  if (s.footer) add(s.footer, true)
  if (s.notes?.length) {
    ws.addRow([])
    for (const n of s.notes) ws.addRow([n])
  }
}

/** The workbook of `sheets`, in `style`, as file content. */
export async function writeSheets(sheets: readonly Sheet[], options: WorkbookOptions): Promise<Buffer> {
  const ExcelJS = await exceljs()
  const wb = new ExcelJS.Workbook()
  wb.creator = '支部助手'
  if (options.created) {
    wb.created = options.created
    wb.modified = options.created
  }
  for (const s of sheets) addSheet(wb, s, options.style)
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

/** Reads every sheet back as { name, title, header, rows } (the header is the third row). */
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
