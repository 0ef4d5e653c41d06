/**
 * The 民主测评 ballot on the phone: one grade per listed member, the live count of 优秀 against the
 * per-ballot limit (when the branch set one), completeness, and the rows sent to `evaluation.vote`.
 * Pure, so the page and its tests share it; the server checks everything again (validateBallot).
 */
import type { EvaluationGrade } from '@shared/rules/evaluation/grades'

export type Selections = Readonly<Record<string, EvaluationGrade>>

export interface BallotStatus {
  total: number
  chosen: number
  excellent: number
  /** null: no per-ballot limit. */
  limit: number | null
  overLimit: boolean
  complete: boolean
  /** Count per grade, for the confirmation summary. */
  counts: Record<EvaluationGrade, number>
}

export function ballotStatus(memberIds: readonly string[], selections: Selections, limit: number | null): BallotStatus {
  const counts: Record<EvaluationGrade, number> = { excellent: 0, qualified: 0, 'basically-qualified': 0, unqualified: 0 }
  let chosen = 0
  for (const id of memberIds) {
    const g = selections[id]
    if (g) {
      counts[g] += 1
      chosen += 1
    }
  }
  const overLimit = limit !== null && counts.excellent > limit
  return { total: memberIds.length, chosen, excellent: counts.excellent, limit, overLimit, complete: chosen === memberIds.length, counts }
}

/**
 * Choose `grade` for a member. Choosing 优秀 past the limit is refused (the selection stays as it was)
 * so the counter never shows more than the limit; tapping the chosen grade again keeps it.
 */
export function choose(selections: Selections, memberId: string, grade: EvaluationGrade, memberIds: readonly string[], limit: number | null): { selections: Selections; refused: boolean } {
  if (grade === 'excellent' && limit !== null && selections[memberId] !== 'excellent') {
    if (ballotStatus(memberIds, selections, limit).excellent >= limit) return { selections, refused: true }
  }
  return { selections: { ...selections, [memberId]: grade }, refused: false }
}

/** Members not yet graded get 合格 (a common shortcut on long ballots; each can still be changed). */
export function fillRemaining(selections: Selections, memberIds: readonly string[]): Selections {
  const out: Record<string, EvaluationGrade> = { ...selections }
  for (const id of memberIds) out[id] ??= 'qualified'
  return out
}

/** The rows the contract expects, in ballot order; throws if incomplete (the page disables submit). */
export function ballotRows(memberIds: readonly string[], selections: Selections): { memberId: string; grade: EvaluationGrade }[] {
  return memberIds.map((memberId) => {
    const grade = selections[memberId]
    if (!grade) throw new Error(`no grade for ${memberId}`)
    return { memberId, grade }
  })
}

/** The first member still without a grade (the page scrolls to it). */
export const firstMissing = (memberIds: readonly string[], selections: Selections): string | null =>
  memberIds.find((id) => !selections[id]) ?? null
