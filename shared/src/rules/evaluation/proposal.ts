/**
 * The grade proposal for the 支委会 (docs/DOMAIN.md §5): from the tally and 积分, 优秀 within the quota, ties
 * at its edge flagged; it never proposes 不合格 ("不能简单地以票取人"), and the final grades need a reason where
 * they differ from it.
 */
import { RuleInputError } from '../errors'
import { DEFAULT_EXCELLENT_RATIO, type EvaluationGrade, excellentQuota, FOUR_GRADE_SCALE } from './grades'
import { gradeShare, type TallyRow } from './tally'

function assertRatio(ratio: number, what = '比例'): number {
  if (typeof ratio !== 'number' || !Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw new RuleInputError('INVALID_RATIO', `${what}应在0到1之间`, { value: ratio })
  }
  return ratio
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

// ---------------------------------------------------------------------------------------------------
// 组织评定.

/** True when more than `share` of a member's ballots say 不合格 — a flag for 支委会 review, never a grade. */
export function exceedsUnqualifiedShare(row: TallyRow, share: number): boolean {
  return row.ballots > 0 && row.counts.unqualified * 1 > share * row.ballots + 1e-9
}

/**
 * `proposeGrades` with the branch's review threshold read as "more than `share`" (the product's default:
 * 超过三分之一的票), where the shared rule flags "at or above". Shares are ratios of small counts, so
 * nudging the threshold by 1e-9 turns ≥ into >.
 */
export function proposeRoundGrades(
  tally: readonly TallyRow[],
  options: Omit<ProposalOptions, 'unqualifiedFlagShare'> & { reviewShare: number },
): { quota: number; proposals: GradeProposal[] } {
  const { reviewShare, ...rest } = options
  return proposeGrades(tally, { ...rest, unqualifiedFlagShare: Math.min(1, reviewShare + 1e-9) })
}

export interface FinalChoice {
  memberId: string
  grade: EvaluationGrade | null
  reason?: string | null
}

/** Members whose final grade differs from the proposal without a reason (the 支委会 must say why). */
export function missingReasons(finals: readonly FinalChoice[], proposed: Readonly<Record<string, EvaluationGrade>>): string[] {
  return finals
    .filter((f) => f.grade !== null && proposed[f.memberId] !== undefined && f.grade !== proposed[f.memberId])
    .filter((f) => (f.reason ?? '').trim() === '')
    .map((f) => f.memberId)
}
