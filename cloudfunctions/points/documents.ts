/**
 * Document shapes of the 积分 collections (registered in `_kit/collections.ts`). A head document per branch
 * holds the scheme in force, the draft, settings, the event cursor and the 公示 list; a per-member-per-year
 * totals document holds the capped monthly sums (so member views are one read); entries are the source.
 */
import type { EntryOrigin, EntryStatus, PublicationStatus, ReviewDecision } from '@shared/contract/points'
import type { PointsBand, PointsExclusion } from '@shared/rules/points/scheme'
import type { BranchScheme } from '@shared/rules/points/branch-scheme'
import type { MonthSums, PeriodScore } from '@shared/rules/points/scores'

/** A published, immutable scheme version: `points_schemes/${branchId}_v${version}`. */
export interface PointsSchemeDoc {
  _id: string
  branchId: string
  version: number
  effectiveFrom: string
  scheme: BranchScheme
  publishedAt: string
  publishedBy: string | null
  publishedByName: string
}

export interface PublicationMeta {
  label: string
  status: PublicationStatus
  publishedAt: string
  endsOn: string
  finalisedAt: string | null
}

/** `points_branches/${branchId}`: what every points view of a branch needs in one read. */
export interface PointsBranchDoc {
  _id: string
  branchId: string
  /** The latest published version (denormalised copy of its `points_schemes` document). */
  current: Omit<PointsSchemeDoc, '_id' | 'branchId'> | null
  versions: { version: number; effectiveFrom: string; publishedAt: string; name: string }[]
  draft: BranchScheme | null
  draftUpdatedAt: string | null
  publishRanking: boolean
  /** Items marked as needing evidence really require a photo (absent = off, the default). */
  requireEvidence?: boolean
  /** Events consumed up to (createdAt, _id), exclusive of later ones. */
  cursor: { at: string; id: string }
  publications: Record<string, PublicationMeta>
  createdAt: string
  updatedAt: string
}

export interface PointsReviewDoc {
  stage: 'group' | 'committee'
  decision: ReviewDecision
  byId: string
  byName: string
  points: number | null
  reason: string | null
  at: string
}

/**
 * One scored occurrence: `points_entries/{id}`. Automatic entries have `_id` `pa_<hash of event id>` (one
 * per event, whatever the scheme version); a 申报 `pd_<hash of member + clientKey>`.
 */
export interface PointsEntryDoc {
  _id: string
  branchId: string
  memberId: string
  memberName: string
  groupId: string | null
  year: number
  month: string
  itemCode: string
  itemName: string
  kind: 'add' | 'deduct'
  schemeVersion: number
  count: number
  points: number
  awarded: number | null
  counted: number | null
  capNote: string | null
  origin: EntryOrigin
  eventId: string | null
  source: { type: string; sourceId: string; occurredAt: string; data: Record<string, unknown> } | null
  description: string
  photos: string[]
  status: EntryStatus
  reviews: PointsReviewDoc[]
  /** Last day the member may still edit or withdraw a 申报 (its month's deadline); null otherwise. */
  editableUntil: string | null
  createdBy: string | null
  createdAt: string
  updatedAt: string
}

export interface MemberPublicationDoc extends PublicationMeta {
  objection: { text: string; at: string; answer: string | null; answeredAt: string | null; answeredByName: string | null } | null
}

/** The scoring rule a totals document was computed with (a copy of the scheme's numbers). */
export interface ScoringDoc {
  version: number
  name: string
  base: number
  floor: number
  max: number | null
  scorePeriod: BranchScheme['scorePeriod']
  yearly: BranchScheme['yearly']
  bands: BranchScheme['bands']
}

/** `points_years/${memberId}_${year}`: capped monthly sums, item usage for caps, totals, 公示 state. */
export interface PointsYearDoc {
  _id: string
  branchId: string
  memberId: string
  memberName: string
  groupId: string | null
  year: number
  months: Record<string, MonthSums>
  /** Counted points per item code: this year and per month (caps apply at approval). */
  used: Record<string, { year: number; months: Record<string, number> }>
  /** Approved 一票否决 entries; the year is vetoed while any remains. */
  vetoEntryIds: string[]
  vetoed: boolean
  total: number
  band: PointsBand
  adds: number
  deducts: number
  periods: PeriodScore[]
  scoring: ScoringDoc
  publications: Record<string, MemberPublicationDoc>
  updatedAt: string
}

/** `points_publications/${branchId}_${periodKey}`: the 公示 snapshot and its objections. */
export interface PointsPublicationDoc {
  _id: string
  branchId: string
  key: string
  label: string
  year: number
  start: string
  end: string
  status: PublicationStatus
  publishedAt: string
  publishedBy: string | null
  publishedByName: string
  endsOn: string
  finalisedAt: string | null
  rows: {
    memberId: string
    name: string
    groupId: string | null
    adds: number
    deducts: number
    net: number
    score: number
    band: PointsBand
    excluded: PointsExclusion | null
  }[]
  objections: Record<string, { name: string; text: string; at: string; answer: string | null; answeredAt: string | null; answeredByName: string | null }>
}
