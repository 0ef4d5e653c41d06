/**
 * Words and colours for 民主评议 screens: grade names (from the shared rules), short forms for tally
 * chips, and the status line of a round.
 */
import { EVALUATION_GRADE_LABELS, type EvaluationGrade } from '@shared/rules/evaluation/grades'
import { ROUND_STATUS_LABELS, VOTING_STATE_LABELS, type RoundSummary } from '@shared/contract/evaluation'
import { formatDate } from '@/utils/format'

export const GRADE_LABELS = EVALUATION_GRADE_LABELS

/** One character per grade for compact tally chips (优 / 合 / 基 / 不). */
export const GRADE_SHORT: Record<EvaluationGrade, string> = {
  excellent: '优',
  qualified: '合',
  'basically-qualified': '基',
  unqualified: '不',
}

/** The CSS modifier of each grade's button and chip. */
export const GRADE_TONE: Record<EvaluationGrade, string> = {
  excellent: 'excellent',
  qualified: 'qualified',
  'basically-qualified': 'basic',
  unqualified: 'unqualified',
}

/** 2026年12月1日 至 12月5日 (the year only once when both dates share it). */
export function windowText(from: string, to: string): string {
  if (from === to) return formatDate(from)
  const end = from.slice(0, 4) === to.slice(0, 4) ? formatDate(to).replace(/^\d{4}年/, '') : formatDate(to)
  return `${formatDate(from)} 至 ${end}`
}

/** What a member should read first about a round. */
export function roundStatusText(r: Pick<RoundSummary, 'status' | 'votingState' | 'publicityEndsOn'>): string {
  if (r.status === 'open') return VOTING_STATE_LABELS[r.votingState]
  if (r.status === 'published' && r.publicityEndsOn) return `${ROUND_STATUS_LABELS.published}（公示至${formatDate(r.publicityEndsOn).replace(/^\d{4}年/, '')}）`
  return ROUND_STATUS_LABELS[r.status]
}

/** `1/3` → 三分之一 … for the review threshold choice. */
export const SHARE_CHOICES = [
  { value: 'third', share: 1 / 3, label: '超过三分之一' },
  { value: 'half', share: 1 / 2, label: '超过二分之一' },
] as const
