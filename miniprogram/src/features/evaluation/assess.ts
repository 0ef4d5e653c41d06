/**
 * 组织评定 on the phone: a draft of final grades seeded from the saved grades or the rule-based proposal,
 * the live 优秀 count against the cap, which members still need a reason (grade ≠ proposal), and the
 * input for `evaluation.setFinalGrades`. The server re-checks with `checkFinalGrades` and answers with the
 * rule's message; this only helps the 支委 see it coming.
 */
import type { Assessment } from '@shared/contract/evaluation'
import type { EvaluationGrade } from '@shared/rules/evaluation/grades'

export interface DraftEntry {
  grade: EvaluationGrade
  reason: string
}
export type Draft = Readonly<Record<string, DraftEntry>>

export function initialDraft(a: Pick<Assessment, 'rows'>): Draft {
  return Object.fromEntries(a.rows.map((r) => [r.memberId, { grade: r.final?.grade ?? r.proposed, reason: r.final?.reason ?? '' }]))
}

export interface DraftStatus {
  excellent: number
  quota: number
  overQuota: boolean
  /** Members whose grade differs from the proposal with no reason yet. */
  needReason: string[]
  /** Members whose grade differs from the proposal (a reason field is shown). */
  differs: string[]
}

export function draftStatus(a: Pick<Assessment, 'rows' | 'settings'>, draft: Draft): DraftStatus {
  let excellent = 0
  const differs: string[] = []
  const needReason: string[] = []
  for (const r of a.rows) {
    const d = draft[r.memberId]
    if (!d) continue
    if (d.grade === 'excellent') excellent += 1
    if (d.grade !== r.proposed) {
      differs.push(r.memberId)
      if (d.reason.trim() === '') needReason.push(r.memberId)
    }
  }
  const quota = a.settings.excellentQuota
  return { excellent, quota, overQuota: excellent > quota, needReason, differs }
}

export function draftInput(roundId: string, a: Pick<Assessment, 'rows'>, draft: Draft): { roundId: string; grades: { memberId: string; grade: EvaluationGrade; reason?: string }[] } {
  return {
    roundId,
    grades: a.rows.map((r) => {
      const d = draft[r.memberId] ?? { grade: r.proposed, reason: '' }
      const reason = d.reason.trim()
      return reason ? { memberId: r.memberId, grade: d.grade, reason } : { memberId: r.memberId, grade: d.grade }
    }),
  }
}
