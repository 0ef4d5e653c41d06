/**
 * 民主评议党员 rules (docs/DOMAIN.md §5): grades, the 优秀 cap on the final 组织评定 (一般不超过正式党员的三分之一
 * [N-QA]), 预备党员 not graded, 民主测评 ballot validation and tally, and a grade proposal for the 支委会
 * that uses the tally and 积分 — it flags, it never proposes 不合格 ("不能简单地以票取人").
 */
import * as z from 'zod/mini'
import type { MemberStatus } from '../contract/roles'
import { RuleInputError } from './errors'

export const EVALUATION_GRADES = ['excellent', 'qualified', 'basically-qualified', 'unqualified'] as const
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number]
export const EvaluationGradeSchema = z.enum(EVALUATION_GRADES)

export const EVALUATION_GRADE_LABELS: Record<EvaluationGrade, string> = {
  excellent: '优秀',
  qualified: '合格',
  'basically-qualified': '基本合格',
  unqualified: '不合格',
}

/** The national four grades [N]. */
export const FOUR_GRADE_SCALE: readonly EvaluationGrade[] = ['excellent', 'qualified', 'basically-qualified', 'unqualified']
/** The village standard's three grades: 合格 / 基本合格 / 不合格 (seed `004_…`). */
export const THREE_GRADE_SCALE: readonly EvaluationGrade[] = ['qualified', 'basically-qualified', 'unqualified']

export const DEFAULT_EXCELLENT_RATIO = 1 / 3

function assertRatio(ratio: number, what = '比例'): number {
  if (typeof ratio !== 'number' || !Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw new RuleInputError('INVALID_RATIO', `${what}应在0到1之间`, { value: ratio })
  }
  return ratio
}

/**
 * The most 优秀 the final grades may hold: `floor(formalMemberCount × ratio)` (31 → 10, 2 → 0).
 * `formalMemberCount` is the number of 正式党员; throws `RuleInputError` for a negative or fractional
 * count or a ratio outside [0, 1].
 */
export function excellentQuota(formalMemberCount: number, ratio: number = DEFAULT_EXCELLENT_RATIO): number {
  if (!Number.isSafeInteger(formalMemberCount) || formalMemberCount < 0) {
    throw new RuleInputError('INVALID_COUNT', '正式党员人数应为非负整数', { value: formalMemberCount })
  }
  assertRatio(ratio, '优秀比例')
  // 1/3 is not exact in binary: 30 × (1/3) is 9.999…; the tolerance keeps exact multiples exact while
  // staying far below the 1/count gap between real values.
  return Math.floor(formalMemberCount * ratio + 1e-9)
}

export interface FinalGradeEntry {
  memberId: string
  status: MemberStatus
  /** The 组织评定 grade; omitted or null for 预备党员. */
  grade?: EvaluationGrade | null
}

export type FinalGradesCheck =
  | { ok: true }
  | { ok: false; reason: 'DUPLICATE_MEMBER' | 'PROBATIONARY_GRADED' | 'FORMAL_UNGRADED' | 'GRADE_NOT_IN_SCALE'; memberIds: string[] }
  | { ok: false; reason: 'EXCELLENT_QUOTA_EXCEEDED'; excellent: number; quota: number; formalCount: number }

/**
 * Checks the final grades of a round: each member once, 预备党员 ungraded, every 正式党员 graded with a
 * grade of the scale (default the four national grades), and 优秀 within `excellentQuota` of the
 * 正式党员 in the list.
 */
export function checkFinalGrades(
  grades: readonly FinalGradeEntry[],
  ratio: number = DEFAULT_EXCELLENT_RATIO,
  options: { scale?: readonly EvaluationGrade[] } = {},
): FinalGradesCheck {
  assertRatio(ratio, '优秀比例')
  const scale = options.scale ?? FOUR_GRADE_SCALE
  const seen = new Set<string>()
  const duplicates = grades.filter((g) => (seen.has(g.memberId) ? true : (seen.add(g.memberId), false)))
  if (duplicates.length > 0) return { ok: false, reason: 'DUPLICATE_MEMBER', memberIds: duplicates.map((g) => g.memberId) }
  const graded = (g: FinalGradeEntry): boolean => g.grade !== undefined && g.grade !== null
  const probationaryGraded = grades.filter((g) => g.status !== 'formal' && graded(g))
  if (probationaryGraded.length > 0) return { ok: false, reason: 'PROBATIONARY_GRADED', memberIds: probationaryGraded.map((g) => g.memberId) }
  const formal = grades.filter((g) => g.status === 'formal')
  const ungraded = formal.filter((g) => !graded(g))
  if (ungraded.length > 0) return { ok: false, reason: 'FORMAL_UNGRADED', memberIds: ungraded.map((g) => g.memberId) }
  const outside = formal.filter((g) => !scale.includes(g.grade as EvaluationGrade))
  if (outside.length > 0) return { ok: false, reason: 'GRADE_NOT_IN_SCALE', memberIds: outside.map((g) => g.memberId) }
  const excellent = formal.filter((g) => g.grade === 'excellent').length
  const quota = excellentQuota(formal.length, ratio)
  if (excellent > quota) return { ok: false, reason: 'EXCELLENT_QUOTA_EXCEEDED', excellent, quota, formalCount: formal.length }
  return { ok: true }
}

/** Who is graded in a round (正式党员) and who may fill in a ballot (everyone, 预备党员 included) [N-QA]. */
export function evaluationRoster<T extends { id: string; status: MemberStatus }>(members: readonly T[]): { gradedIds: string[]; voterIds: string[] } {
  return { gradedIds: members.filter((m) => m.status === 'formal').map((m) => m.id), voterIds: members.map((m) => m.id) }
}

// ---------------------------------------------------------------------------------------------------
// 民主测评 ballots: anonymous, one row per evaluated member, one grade each, self excluded by default.

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

export interface TallyRow {
  memberId: string
  counts: Record<EvaluationGrade, number>
  /** Ballots that graded this member. */
  ballots: number
}

const zeroCounts = (): Record<EvaluationGrade, number> => ({ excellent: 0, qualified: 0, 'basically-qualified': 0, unqualified: 0 })

/** Counts of each grade per evaluated member, in `gradedIds` order; rows for other members are ignored. */
export function tallyBallots(ballots: readonly (readonly BallotRow[])[], gradedIds: readonly string[]): TallyRow[] {
  const rows = new Map<string, TallyRow>(gradedIds.map((id) => [id, { memberId: id, counts: zeroCounts(), ballots: 0 }]))
  for (const ballot of ballots) {
    for (const { memberId, grade } of ballot) {
      const row = rows.get(memberId)
      if (row && (EVALUATION_GRADES as readonly string[]).includes(grade)) {
        row.counts[grade] += 1
        row.ballots += 1
      }
    }
  }
  return [...rows.values()]
}

/** Share (0–1) of a member's ballots that gave `grade`; 0 with no ballots. */
export function gradeShare(row: TallyRow, grade: EvaluationGrade): number {
  return row.ballots === 0 ? 0 : row.counts[grade] / row.ballots
}

// ---------------------------------------------------------------------------------------------------
// Proposal for the 支委会: a starting point, never a decision.

export type ProposalFlag = 'NO_BALLOTS' | 'UNQUALIFIED_VOTES' | 'LOW_POINTS' | 'TIE_AT_QUOTA'

export const PROPOSAL_FLAG_LABELS: Record<ProposalFlag, string> = {
  NO_BALLOTS: '没有测评票',
  UNQUALIFIED_VOTES: '不合格票较多，请支委会研究',
  LOW_POINTS: '积分偏低，请支委会研究',
  TIE_AT_QUOTA: '与他人并列在优秀名额边界，请支委会研究',
}

export interface ProposalOptions {
  /** Number of 正式党员 the 优秀 quota is computed on (default: the tally's rows). */
  formalCount?: number
  ratio?: number
  scale?: readonly EvaluationGrade[]
  /** A member is an 优秀 candidate only with more than this share of 优秀 votes (default 1/2). */
  excellentMinShare?: number
  /** A share of 不合格 votes at or above this flags the member for review (default 1/3; local) [L]. */
  unqualifiedFlagShare?: number
  /** Yearly 积分 per member: a tie-break among 优秀 candidates, and a flag under `lowPointsBelow`. */
  points?: Readonly<Record<string, number>>
  lowPointsBelow?: number | null
}

export interface GradeProposal {
  memberId: string
  proposed: EvaluationGrade
  flags: ProposalFlag[]
  excellentShare: number
  unqualifiedShare: number
  points: number | null
}

/**
 * Proposes grades from the tally and 积分. Candidates for 优秀 (majority of 优秀 votes, not flagged) are
 * ranked by 优秀 share then 积分 and take at most the quota; a tie across the quota's edge is flagged,
 * not broken. Others are 合格, or 基本合格 when most votes are 基本合格 or 不合格. 不合格 is never
 * proposed: many 不合格 votes or low 积分 only raise a flag for the 支委会.
 */
export function proposeGrades(tally: readonly TallyRow[], options: ProposalOptions = {}): { quota: number; proposals: GradeProposal[] } {
  const scale = options.scale ?? FOUR_GRADE_SCALE
  const quota = scale.includes('excellent') ? excellentQuota(options.formalCount ?? tally.length, options.ratio ?? DEFAULT_EXCELLENT_RATIO) : 0
  const minShare = assertRatio(options.excellentMinShare ?? 0.5, '优秀得票比例')
  const flagShare = assertRatio(options.unqualifiedFlagShare ?? 1 / 3, '不合格得票比例')
  const proposals: GradeProposal[] = tally.map((row) => {
    const flags: ProposalFlag[] = []
    const unqualifiedShare = gradeShare(row, 'unqualified')
    const points = options.points?.[row.memberId] ?? null
    if (row.ballots === 0) flags.push('NO_BALLOTS')
    if (row.ballots > 0 && unqualifiedShare >= flagShare) flags.push('UNQUALIFIED_VOTES')
    if (points !== null && options.lowPointsBelow !== undefined && options.lowPointsBelow !== null && points < options.lowPointsBelow) flags.push('LOW_POINTS')
    const lowShare = unqualifiedShare + gradeShare(row, 'basically-qualified')
    const proposed: EvaluationGrade = lowShare > 0.5 && scale.includes('basically-qualified') ? 'basically-qualified' : 'qualified'
    return { memberId: row.memberId, proposed, flags, excellentShare: gradeShare(row, 'excellent'), unqualifiedShare, points }
  })
  const candidates = proposals
    .filter((p) => p.excellentShare > minShare && p.flags.length === 0)
    .sort((a, b) => b.excellentShare - a.excellentShare || (b.points ?? -Infinity) - (a.points ?? -Infinity))
  const sameRank = (a: GradeProposal, b: GradeProposal): boolean => a.excellentShare === b.excellentShare && a.points === b.points
  candidates.slice(0, quota).forEach((p) => {
    p.proposed = 'excellent'
  })
  const edge = quota > 0 ? candidates[quota - 1] : undefined
  const next = candidates[quota]
  if (edge !== undefined && next !== undefined && sameRank(edge, next)) {
    for (const p of candidates.filter((c) => sameRank(c, edge))) {
      p.proposed = 'qualified'
      p.flags.push('TIE_AT_QUOTA')
    }
  }
  return { quota, proposals }
}
