/**
 * The 核定 screen's rows as the 党费管理员 types them: category, base in 元 (or a farmer's amount), with
 * inline validation and the amount and band computed live by the same shared rules the server uses.
 * An approved 减交 / 免交 (困难党员: 支部研究、上级批准) rides with the row, so editing a base keeps it.
 * Only changed rows are sent (`setBases` saves all or nothing).
 */
import type { BaseEntryInput, BaseReview } from '@shared/contract/dues'
import type { DuesCategory } from '@shared/contract/org'
import { isAppError } from '@shared/contract/errors'
import type { DuesRounding } from '@shared/rules/dues/amount'
import { duesBandOf, makeDuesBase } from '@shared/rules/dues/ledger'
import { isRateCategory } from '@shared/rules/dues/categories'
import { formatFen, yuanToFen } from '@shared/rules/money'

/** 减免 as typed: none, 减交 to an amount in 元, or 免交; `ref` is the approval (文号 or 会议记录). */
export interface ReliefInput {
  kind: 'none' | 'reduced' | 'exempt'
  amount: string
  ref: string
}

export const NO_RELIEF: ReliefInput = { kind: 'none', amount: '', ref: '' }

export interface BaseRow {
  memberId: string
  name: string
  category: DuesCategory | ''
  /** What was typed, in 元. */
  base: string
  /** A 农民党员's amount in 元 (0.20–1.00). */
  farmer: string
  relief: ReliefInput
  /** The values loaded, to tell what changed. */
  original: { category: DuesCategory | ''; base: string; farmer: string; relief: ReliefInput }
}

export interface RowCheck {
  /** The monthly amount in fen, when the row is complete and valid. */
  monthlyFen: number | null
  band: string | null
  error: string | null
}

/** The largest monthly base the form accepts: 10万元 a month (far above any 工资收入 the 2008 rule bands). */
export const BASE_MAX_FEN = 10_000_000

/** A typed base (元) as fen, or the specific problem with it: never silently changed. */
export function parseBase(text: string): { fen: number } | { error: string } {
  const t = text.trim()
  if (t === '') return { error: '请填写基数' }
  if (t.startsWith('-') || t.startsWith('−')) return { error: '基数不能为负数' }
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return { error: '金额格式不正确，最多保留两位小数' }
  const fen = (t.split('.')[0] ?? '').length > 8 ? Infinity : yuanToFen(t)
  if (fen > BASE_MAX_FEN) return { error: `基数不能超过${BASE_MAX_FEN / 100}元（每月）` }
  return { fen }
}

const fenText = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '' : formatFen(fen))

export function rowsFromBaseReview(a: BaseReview): BaseRow[] {
  return a.rows.map((r) => {
    const b = r.latest
    const relief: ReliefInput = b?.relief ? { kind: b.relief.kind, amount: b.relief.kind === 'reduced' ? formatFen(b.relief.monthlyFen) : '', ref: b.relief.approvalRef } : NO_RELIEF
    const original = { category: b?.category ?? ('' as const), base: fenText(b?.baseFen), farmer: fenText(b?.farmerFen), relief }
    return { memberId: r.memberId, name: r.name, ...original, original }
  })
}

const sameRelief = (a: ReliefInput, b: ReliefInput): boolean =>
  a.kind === b.kind && (a.kind === 'none' || (a.ref.trim() === b.ref.trim() && (a.kind !== 'reduced' || a.amount.trim() === b.amount.trim())))

export const isChanged = (r: BaseRow): boolean =>
  r.category !== r.original.category || r.base.trim() !== r.original.base || r.farmer.trim() !== r.original.farmer || !sameRelief(r.relief, r.original.relief)

type ReliefEntry = NonNullable<BaseEntryInput['relief']>

/** The relief to send, or the problem with what was typed. */
function reliefOf(r: ReliefInput): { relief: ReliefEntry | null } | { error: string } {
  if (r.kind === 'none') return { relief: null }
  const ref = r.ref.trim()
  if (ref === '') return { error: '请填写减免的批准依据（支部研究、上级批准的文号或会议记录）' }
  if (ref.length > 60) return { error: '批准依据不能超过60个字' }
  if (r.kind === 'exempt') return { relief: { kind: 'exempt', approvalRef: ref } }
  if (r.amount.trim() === '') return { error: '请填写减交后每月的金额' }
  return { relief: { kind: 'reduced', monthlyFen: yuanToFen(r.amount.trim()), approvalRef: ref } }
}

/** Validates one row with the shared rules: the same amount and band the server will compute. */
export function checkRow(r: BaseRow, opts: { rounding: DuesRounding; farmerDefaultFen: number; fromMonth: string }): RowCheck {
  if (r.category === '') return { monthlyFen: null, band: null, error: null }
  let baseFen: number | null = null
  let farmerFen: number | null = null
  try {
    if (isRateCategory(r.category)) {
      const parsed = parseBase(r.base)
      if ('error' in parsed) return { monthlyFen: null, band: null, error: parsed.error }
      baseFen = parsed.fen
    }
    if (r.category === 'farmer' && r.farmer.trim() !== '') farmerFen = yuanToFen(r.farmer.trim())
    const relief = reliefOf(r.relief)
    if ('error' in relief) return { monthlyFen: null, band: null, error: relief.error }
    const rec = makeDuesBase({ fromMonth: opts.fromMonth, category: r.category, baseFen, farmerFen, relief: relief.relief }, { ...opts, assessedOn: `${opts.fromMonth}-01` })
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
    const relief = reliefOf(r.relief)
    entries.push({
      memberId: r.memberId,
      category: r.category,
      baseFen: isRateCategory(r.category) ? yuanToFen(r.base.trim()) : null,
      farmerFen: r.category === 'farmer' && r.farmer.trim() !== '' ? yuanToFen(r.farmer.trim()) : null,
      relief: 'relief' in relief ? relief.relief : null,
    })
  }
  return { ok: true, entries }
}
