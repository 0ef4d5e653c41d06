/**
 * The 民主测评 tally (docs/DOMAIN.md §5): counts of each grade per evaluated member, from full ballots or
 * from the summed sparse marks a round keeps, and each grade's share.
 */
import { type BallotRow, DEFAULT_BALLOT_GRADE } from './ballot'
import { EVALUATION_GRADES, type EvaluationGrade } from './grades'

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

/**
 * Stored ballots summed: per member, how many ballots gave each grade other than 合格. This is all a round
 * keeps of its ballots (in tally shards, see cloudfunctions/evaluation/tally.ts): no ballot is stored.
 */
export type MarkCounts = Readonly<Record<string, Readonly<Partial<Record<EvaluationGrade, number>>>>>

export interface TallyOptions {
  gradedIds: readonly string[]
  votedIds: Iterable<string>
  includeSelf: boolean
}

/**
 * The tally from the summed marks of `ballots` ballots, equal to `tallyBallots` of the full ballots: each
 * member is graded by every ballot except (when self is excluded) their own, so `ballots` = ballots −
 * (voted ? 1 : 0) and 合格 = ballots minus the member's other marks.
 */
export function tallyMarkCounts(counts: MarkCounts, ballots: number, options: TallyOptions): TallyRow[] {
  const voted = new Set(options.votedIds)
  return [...new Set(options.gradedIds)].map((memberId) => {
    const row: TallyRow = { memberId, counts: zeroCounts(), ballots: Math.max(0, ballots - (!options.includeSelf && voted.has(memberId) ? 1 : 0)) }
    for (const [grade, n] of Object.entries(counts[memberId] ?? {})) {
      if ((EVALUATION_GRADES as readonly string[]).includes(grade) && grade !== DEFAULT_BALLOT_GRADE && typeof n === 'number') row.counts[grade as EvaluationGrade] += n
    }
    const marked = row.counts.excellent + row.counts['basically-qualified'] + row.counts.unqualified
    row.counts.qualified = Math.max(0, row.ballots - marked)
    return row
  })
}
