/**
 * Money is integer fen (分) everywhere (docs/DOMAIN.md §3); these helpers convert at the edges only —
 * parsing what a member typed in 元 and formatting fen for display — without floating-point drift.
 */
import { RuleInputError } from './errors'

const YUAN_RE = /^(\d{1,10})(?:\.(\d{1,2}))?$/

/** Throws unless `fen` is a non-negative safe integer. */
export function assertFen(fen: number, what = '金额'): number {
  if (!Number.isFinite(fen) || !Number.isInteger(fen)) {
    throw new RuleInputError('NON_INTEGER_AMOUNT', `${what}应为整数分`, { value: fen })
  }
  if (fen < 0) throw new RuleInputError('NEGATIVE_AMOUNT', `${what}不能为负数`, { value: fen })
  if (!Number.isSafeInteger(fen)) throw new RuleInputError('AMOUNT_TOO_LARGE', `${what}过大`, { value: fen })
  return fen
}

/**
 * 元 → fen, exactly: `'3000.01'` → 300001. Strings allow at most two decimals; numbers are read
 * through their shortest decimal form, so `0.1 + 0.2` is refused rather than silently rounded.
 */
export function yuanToFen(yuan: string | number): number {
  const text = typeof yuan === 'number' ? String(yuan) : yuan.trim()
  const m = YUAN_RE.exec(text)
  if (!m) throw new RuleInputError('NON_INTEGER_AMOUNT', '金额格式不正确，最多保留两位小数', { value: String(yuan) })
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

/** fen → `'30.01'` (always two decimals, no unit). */
export function formatFen(fen: number): string {
  assertFen(fen)
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
}

/** fen → `'30.01元'`. */
export function formatYuan(fen: number): string {
  return `${formatFen(fen)}元`
}

/** Sum of fen amounts (each checked). */
export function sumFen(amounts: readonly number[]): number {
  return assertFen(amounts.reduce((total, a) => total + assertFen(a), 0), '合计')
}
