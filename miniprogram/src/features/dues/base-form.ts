/**
 * The 核定 screen's rows as the 党费管理员 types them: category, base in 元 (or a farmer's amount), with
 * inline validation and the amount and band computed live by the same shared rules the server uses.
 * Only changed rows are sent (`setBases` saves all or nothing).
 */
import type { Assessment, BaseEntryInput } from '@shared/contract/dues'
import type { DuesCategory } from '@shared/contract/org'
import { isAppError } from '@shared/contract/errors'
import type { DuesRounding } from '@shared/rules/dues'
import { duesBandOf, isRateCategory, makeDuesBase } from '@shared/rules/dues-extra'
import { formatFen, yuanToFen } from '@shared/rules/money'

export interface BaseRow {
  memberId: string
  name: string
  category: DuesCategory | ''
  /** What was typed, in 元. */
  base: string
  /** A 农民党员's amount in 元 (0.20–1.00). */
  farmer: string
  /** The values loaded, to tell what changed. */
  original: { category: DuesCategory | ''; base: string; farmer: string }
}

export interface RowCheck {
  /** The monthly amount in fen, when the row is complete and valid. */
  monthlyFen: number | null
  band: string | null
  error: string | null
}

const fenText = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '' : formatFen(fen))

export function rowsFromAssessment(a: Assessment): BaseRow[] {
  return a.rows.map((r) => {
    const b = r.latest
    const original = { category: b?.category ?? ('' as const), base: fenText(b?.baseFen), farmer: fenText(b?.farmerFen) }
    return { memberId: r.memberId, name: r.name, ...original, original }
  })
}

export const isChanged = (r: BaseRow): boolean =>
  r.category !== r.original.category || r.base.trim() !== r.original.base || r.farmer.trim() !== r.original.farmer

/** Validates one row with the shared rules: the same amount and band the server will compute. */
export function checkRow(r: BaseRow, opts: { rounding: DuesRounding; farmerDefaultFen: number; fromMonth: string }): RowCheck {
  if (r.category === '') return { monthlyFen: null, band: null, error: null }
  let baseFen: number | null = null
  let farmerFen: number | null = null
  try {
    if (isRateCategory(r.category)) {
      if (r.base.trim() === '') return { monthlyFen: null, band: null, error: '请填写基数' }
      baseFen = yuanToFen(r.base.trim())
    }
    if (r.category === 'farmer' && r.farmer.trim() !== '') farmerFen = yuanToFen(r.farmer.trim())
    const rec = makeDuesBase({ fromMonth: opts.fromMonth, category: r.category, baseFen, farmerFen }, { ...opts, assessedOn: `${opts.fromMonth}-01` })
    return { monthlyFen: rec.monthlyFen, band: duesBandOf(rec), error: null }
  } catch (e) {
    return { monthlyFen: null, band: null, error: isAppError(e) ? e.message : '填写有误' }
  }
}

/** The entries to save (changed rows only), or the first problem to show. */
export function entriesToSave(
  rows: readonly BaseRow[],
  opts: { rounding: DuesRounding; farmerDefaultFen: number; fromMonth: string },
): { ok: true; entries: BaseEntryInput[] } | { ok: false; memberId: string; message: string } {
  const entries: BaseEntryInput[] = []
  for (const r of rows) {
    if (!isChanged(r) || r.category === '') continue
    const c = checkRow(r, opts)
    if (c.error) return { ok: false, memberId: r.memberId, message: `${r.name}：${c.error}` }
    entries.push({
      memberId: r.memberId,
      category: r.category,
      baseFen: isRateCategory(r.category) ? yuanToFen(r.base.trim()) : null,
      farmerFen: r.category === 'farmer' && r.farmer.trim() !== '' ? yuanToFen(r.farmer.trim()) : null,
    })
  }
  return { ok: true, entries }
}
