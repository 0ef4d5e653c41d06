/**
 * Documents of the 民主评议 feature. A round is one denormalised document (members, 自评, settings,
 * grades) so a member's ballot page is one read. No ballot is stored: a vote adds its marks into one of
 * the round's tally shards, and the roster `${roundId}_${memberId}` says only that the member voted (both
 * written in one transaction).
 */
import type { MemberStatus } from '@shared/contract/roles'
import type { EvaluationGrade } from '@shared/rules/evaluation/grades'

/** A member of the round as they were at opening (names do not change under a running vote). */
export interface EvalRoundMember {
  id: string
  name: string
  gender: 'male' | 'female'
  status: MemberStatus
  groupId: string | null
  joinedAt: string
  formalAt: string | null
}

export interface EvalSelfAssessment {
  text: string
  attachment: { name: string; fileId: string } | null
  submittedAt: string
}

export interface EvalFinalGrade {
  grade: EvaluationGrade
  reason: string | null
  proposed: EvaluationGrade
  /** The member's tally the grade was decided on (shown to them after 公示 if the branch allows). */
  tally: Record<EvaluationGrade, number> & { ballots: number }
}

export interface EvalFollowUp {
  deadline: string
  notes: string
  recordedAt: string
  recordedBy: string
}

/** `_id` `ev_${branchId}_${year}` for the year's round; a justified repeat adds `_${seq}`. */
export interface EvalRoundDoc {
  _id: string
  branchId: string
  year: number
  seq: number
  title: string
  repeatReason: string | null
  status: 'open' | 'closed' | 'published'
  grades: EvaluationGrade[]
  excellentRatio: number
  includeSelf: boolean
  ballotExcellentLimit: number | null
  unqualifiedReviewShare: number
  showOwnTally: boolean
  /** Beijing dates, inclusive. */
  votingFrom: string
  votingTo: string
  /** 正式 and 预备党员 at opening: the voters. */
  members: EvalRoundMember[]
  voterIds: string[]
  /** 正式党员 at opening: the graded. */
  gradedIds: string[]
  /** By member id; written with a dotted key so concurrent submissions never overwrite each other. */
  selfAssessments: Record<string, EvalSelfAssessment>
  openedBy: string | null
  openedAt: string
  closedAt: string | null
  closedBy: string | null
  /** 积分 and attendance captured at close: what the 组织评定 was based on. */
  inputs: {
    points: Record<string, number> | null
    attendance: Record<string, { attended: number; due: number; leave: number }> | null
    capturedAt: string
  } | null
  finals: Record<string, EvalFinalGrade> | null
  finalsSavedAt: string | null
  finalsSavedBy: string | null
  publishedOn: string | null
  publicityEndsOn: string | null
  publishedAt: string | null
  followUps: Record<string, EvalFollowUp>
  createdAt: string
  updatedAt: string
}

/**
 * `${roundId}_t${k}`: one of a round's tally shards (cloudfunctions/evaluation/tally.ts). All of them are
 * written when the round opens, with every key in place, so neither their order nor their shape changes
 * with the votes; a vote adds 1 to `ballots` and to each of its marks in one shard picked at random. The
 * round's tally is the sum of its shards; at close they are folded into shard 0. No voter, no time.
 */
export interface EvalTallyDoc {
  _id: string
  roundId: string
  /** Ballots added into this shard. */
  ballots: number
  /**
   * Per graded member, how many of those ballots gave each grade of the scale other than 合格 (合格 is the
   * rest: see `tallyMarkCounts` in shared/src/rules/evaluation/tally.ts).
   */
  counts: Record<string, Partial<Record<EvaluationGrade, number>>>
}

/** `${roundId}_${memberId}`: this member has voted in this round. Nothing else (no time, no marks). */
export interface EvalRosterDoc {
  _id: string
  roundId: string
  memberId: string
}

/** The blank progress of a newly opened round: nobody has written 自评, nothing closed, graded or published. */
export const newRoundState = (
  openedBy: string | null,
  at: string,
): Pick<
  EvalRoundDoc,
  | 'selfAssessments'
  | 'openedBy'
  | 'openedAt'
  | 'closedAt'
  | 'closedBy'
  | 'inputs'
  | 'finals'
  | 'finalsSavedAt'
  | 'finalsSavedBy'
  | 'publishedOn'
  | 'publicityEndsOn'
  | 'publishedAt'
  | 'followUps'
  | 'createdAt'
  | 'updatedAt'
> => ({
  selfAssessments: {},
  openedBy,
  openedAt: at,
  closedAt: null,
  closedBy: null,
  inputs: null,
  finals: null,
  finalsSavedAt: null,
  finalsSavedBy: null,
  publishedOn: null,
  publicityEndsOn: null,
  publishedAt: null,
  followUps: {},
  createdAt: at,
  updatedAt: at,
})
