/**
 * Chinese labels and display helpers for 党费: month statuses with their tag colours, payment methods,
 * amounts in 元 and months as `2026年11月`.
 */
import type { DuesMonthStatus } from '@shared/contract/dues'
import { DUES_METHOD_LABELS } from '@shared/contract/dues'
import { DUES_CATEGORY_LABELS } from '@shared/rules/dues/categories'
import { formatFen } from '@shared/rules/money'

export { DUES_METHOD_LABELS, DUES_CATEGORY_LABELS }

export const STATUS_LABELS: Record<DuesMonthStatus, string> = {
  paid: '已交纳',
  reported: '待确认',
  rejected: '已退回',
  exempt: '免交',
  unpaid: '待交纳',
  overdue: '未交纳',
  untracked: '未核定',
}

/** Tag tone per status: green settled, orange waiting, red late, grey otherwise. */
export const STATUS_TONE: Record<DuesMonthStatus, 'green' | 'orange' | 'red' | 'grey'> = {
  paid: 'green',
  exempt: 'green',
  reported: 'orange',
  rejected: 'red',
  unpaid: 'orange',
  overdue: 'red',
  untracked: 'grey',
}

/** `9000` → `90.00`; null → `—`. */
export const yuan = (fen: number | null | undefined): string => (fen === null || fen === undefined ? '—' : formatFen(fen))

/** `2026-11` → `2026年11月`. */
export function monthCN(month: string | null | undefined): string {
  const m = month ? /^(\d{4})-(\d{2})$/.exec(month) : null
  return m ? `${m[1]}年${Number(m[2])}月` : '—'
}

/** `2026-11` → `11月`. */
export const monthShort = (month: string): string => `${Number(month.slice(5, 7))}月`
