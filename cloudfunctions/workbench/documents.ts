/**
 * Documents of the 书记 workbench (registered in `_kit/collections.ts`): 谈心谈话 records, 学时 records and the
 * yearly 达标 self-assessment (hand scores only — auto scores are computed from the records each time).
 * Talk and study ids are deterministic, so a double submit is one record; a removal is a mark, so the
 * record stays for the audit trail.
 */

/** `talks/${stableId(branch, by, with, date)}`: one talk between two members on a day. */
export interface TalkDoc {
  _id: string
  branchId: string
  year: number
  date: string
  byId: string
  byName: string
  withId: string
  withName: string
  topic: string
  /** Read only by the 书记. */
  notes: string
  recordedBy: string
  createdAt: string
  /** Deleted by mistake: kept (and audited) but no longer counted. */
  removedAt: string | null
}

/** `study_records/${stableId(member, date, course)}`: 学时 of one course for one member. */
export interface StudyDoc {
  _id: string
  branchId: string
  year: number
  memberId: string
  memberName: string
  date: string
  course: string
  /** In steps of 0.5. */
  hours: number
  evidence: string
  recordedBy: string
  recordedByName: string
  createdAt: string
  /** Deleted by mistake: kept (and audited) but no longer counted. */
  removedAt: string | null
}

export interface HandScoreDoc {
  deduction: number
  note: string
  attachments: { fileId: string; name: string }[]
  scoredBy: string | null
  scoredByName: string
  scoredAt: string
}

/**
 * `assessments/as_${branchId}_${year}`: the hand scores of the year's self-assessment, by item code
 * (written with a dotted key, so two 支委 scoring different items never overwrite each other).
 */
export interface AssessmentDoc {
  _id: string
  branchId: string
  year: number
  standardId: string
  hand: Record<string, HandScoreDoc>
  createdAt: string
  updatedAt: string
}
