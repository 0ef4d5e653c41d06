/** Small display helpers of the workbench pages: percentages, 元, levels and statuses in Chinese. */
import type { BoardItem, OverviewRow } from '@shared/contract/workbench'
import { formatFen } from '@shared/rules/money'

/** `0.8633` → `86%`; null → `—`. */
export const pct = (r: number | null | undefined): string => (r === null || r === undefined ? '—' : `${Math.round(r * 100)}%`)

/** Fen → `1,234.50`-style 元 text (the shared money formatter). */
export const yuan = (fen: number): string => `${formatFen(fen)}元`

export const LEVEL_LABELS: Record<BoardItem['level'], string> = { urgent: '逾期', warning: '待办', info: '提示' }

export const EVALUATION_LABELS: Record<OverviewRow['evaluation'], string> = { none: '未开展', open: '进行中', closed: '待公示', published: '已公示' }

export const COVERAGE_LABELS = { done: '已完成', missing: '进行中', overdue: '未完成', upcoming: '未开始' } as const

export const ITEM_STATUS_LABELS = { scored: '已评分', partial: '系统已评，可补充', pending: '待评分' } as const

export const MODE_LABELS = { auto: '系统评分', mixed: '系统+手工', manual: '手工评分' } as const

/** Deduction choices for a hand-scored item: 0 … max in steps of 0.5. */
export const deductionChoices = (max: number): number[] => Array.from({ length: Math.round(max * 2) + 1 }, (_, i) => i / 2)

/** Month `2026-03` → `3月`. */
export const monthLabel = (month: string): string => `${Number(month.slice(5, 7))}月`

/**
 * The short text of one compliance cell: a month key `2026-03` → `3`, otherwise the period's label without
 * its year (`2026年第2季度` → `2季`, `2026年上半年` → `上半年`, `2026年1—2月` → `1—2月`, `2026年` → `全年`).
 */
export function periodCellLabel(periodKey: string, periodLabel: string): string {
  if (/^\d{4}-\d{2}$/.test(periodKey)) return String(Number(periodKey.slice(5)))
  const rest = periodLabel.replace(/^\d{4}年/, '')
  return rest.replace(/^第(\d)季度$/, '$1季') || '全年'
}

/**
 * A rule source as a member reads it: without the reliability tag (`[N]`, `[L]`, `[HN]`, `[?]`) and without
 * the internal seed-file reference (`（seed 001_…）`, `，seed 004_…`), which are for maintainers only.
 */
export function readableSource(source: string): string {
  return source
    .replace(/\[(?:N|L|HN|\?)\]\s*/g, '')
    .replace(/[（(]\s*seed\s+[0-9a-f]{3}_[0-9a-f…]*\s*[）)]/gi, '')
    .replace(/[，,；;]?\s*(?:见\s*)?seed\s+[0-9a-f]{3}_[0-9a-f…]*/gi, '')
    .replace(/（\s*）|\(\s*\)/g, '')
    .trim()
}
