/**
 * 民主测评 ballots (docs/DOMAIN.md §5): anonymous, one row per evaluated member, self excluded by default;
 * validation with a Chinese message per refusal, and the sparse stored form that keeps a ballot from
 * pointing at its voter.
 */
import { type EvaluationGrade, FOUR_GRADE_SCALE } from './grades'

export interface BallotRow {
  memberId: string
  grade: EvaluationGrade
}

export interface BallotRules {
  /** 正式党员 being evaluated. */
  gradedIds: readonly string[]
  /** The voter, known while checking (never stored with the ballot). */
  voterId?: string
  /** Whether voters grade themselves too (default false). */
  includeSelf?: boolean
  scale?: readonly EvaluationGrade[]
  /** Unit practice only: the most rows one ballot may mark 优秀 (null / omitted = no limit). */
  maxExcellentPerBallot?: number | null
}

export type BallotCheck =
  | { ok: true }
  | {
      ok: false
      reason: 'DUPLICATE_MEMBER' | 'UNKNOWN_MEMBER' | 'SELF_GRADED' | 'MISSING_MEMBER' | 'GRADE_NOT_IN_SCALE'
      memberIds: string[]
    }
  | { ok: false; reason: 'BALLOT_EXCELLENT_LIMIT_EXCEEDED'; excellent: number; limit: number }

/** The members a voter's ballot must grade. */
export function ballotMemberIds(rules: Pick<BallotRules, 'gradedIds' | 'voterId' | 'includeSelf'>): string[] {
  return rules.gradedIds.filter((id) => rules.includeSelf === true || id !== rules.voterId)
}

/** Whether a ballot grades every expected member exactly once with a grade of the scale. */
export function validateBallot(rows: readonly BallotRow[], rules: BallotRules): BallotCheck {
  const scale = rules.scale ?? FOUR_GRADE_SCALE
  const seen = new Set<string>()
  const duplicates = rows.filter((r) => (seen.has(r.memberId) ? true : (seen.add(r.memberId), false))).map((r) => r.memberId)
  if (duplicates.length > 0) return { ok: false, reason: 'DUPLICATE_MEMBER', memberIds: duplicates }
  if (rules.includeSelf !== true && rules.voterId !== undefined && seen.has(rules.voterId)) {
    return { ok: false, reason: 'SELF_GRADED', memberIds: [rules.voterId] }
  }
  const expected = ballotMemberIds(rules)
  const expectedSet = new Set(expected)
  const unknown = rows.filter((r) => !expectedSet.has(r.memberId)).map((r) => r.memberId)
  if (unknown.length > 0) return { ok: false, reason: 'UNKNOWN_MEMBER', memberIds: unknown }
  const missing = expected.filter((id) => !seen.has(id))
  if (missing.length > 0) return { ok: false, reason: 'MISSING_MEMBER', memberIds: missing }
  const outside = rows.filter((r) => !scale.includes(r.grade)).map((r) => r.memberId)
  if (outside.length > 0) return { ok: false, reason: 'GRADE_NOT_IN_SCALE', memberIds: outside }
  const excellent = rows.filter((r) => r.grade === 'excellent').length
  const limit = rules.maxExcellentPerBallot
  if (limit !== undefined && limit !== null && excellent > limit) {
    return { ok: false, reason: 'BALLOT_EXCELLENT_LIMIT_EXCEEDED', excellent, limit }
  }
  return { ok: true }
}

const namesOf = (ids: readonly string[], names: Readonly<Record<string, string>>): string =>
  ids.map((id) => names[id] ?? id).join('、')

/** The message for a refused 民主测评 ballot. */
export function ballotMessage(check: Exclude<BallotCheck, { ok: true }>, names: Readonly<Record<string, string>> = {}): string {
  switch (check.reason) {
    case 'BALLOT_EXCELLENT_LIMIT_EXCEEDED':
      return `每张测评表评为优秀的最多${check.limit}人，您选了${check.excellent}人`
    case 'MISSING_MEMBER':
      return `还有${check.memberIds.length}名党员未选择等次：${namesOf(check.memberIds, names)}`
    case 'SELF_GRADED':
      return '本次测评不对本人评价，请去掉本人'
    case 'UNKNOWN_MEMBER':
      return '测评表中有不在本次评议范围内的党员，请刷新后重新填写'
    case 'GRADE_NOT_IN_SCALE':
      return `等次不在本次评议的等次范围内：${namesOf(check.memberIds, names)}`
    case 'DUPLICATE_MEMBER':
      return `同一党员只能选择一个等次：${namesOf(check.memberIds, names)}`
  }
}

// ---------------------------------------------------------------------------------------------------
// Sparse ballots: with self excluded, a ballot holding a row for every evaluated member but one would
// name its voter by the missing row. A ballot is therefore counted only by its rows that are NOT the
// default grade (合格); a missing row reads "合格 — or the voter themself", which nobody can tell apart.
// No ballot is stored: its sparse marks are added into the round's tally counters, and the roster (who
// voted) tells the tally how many ballots could grade each member.

/** The grade a stored ballot leaves out. Every scale contains it (see checkGradeScale). */
export const DEFAULT_BALLOT_GRADE: EvaluationGrade = 'qualified'

/** The stored form of a validated ballot: `{ memberId: grade }` for rows other than 合格, in row order. */
export function encodeBallot(rows: readonly BallotRow[]): Record<string, EvaluationGrade> {
  const marks: Record<string, EvaluationGrade> = {}
  for (const r of rows) if (r.grade !== DEFAULT_BALLOT_GRADE) marks[r.memberId] = r.grade
  return marks
}
