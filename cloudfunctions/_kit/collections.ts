/**
 * Every collection the functions use, with the shape of its documents. This list is data: the local
 * backend creates these collections and `npm run provision` creates them (admin-only) in CloudBase.
 * Feature domains add their collections and document types here.
 */
import type { BranchRole, MemberStatus } from '@shared/contract/roles'
import type { DuesCategory, MemberFlags } from '@shared/contract/org'
import type { ProfileId } from '@shared/profiles/ids'
import type { ThemeDayRule } from '@shared/rules/theme-day-rule'
import type { MeetingKind } from '@shared/rules/meetings'
import type { DuesAccountDoc, DuesLedgerDoc, DuesPublicationDoc } from './collections-dues'
import type { EvalRosterDoc, EvalRoundDoc, EvalTallyDoc } from './collections-evaluation'
import type { PointsBranchDoc, PointsEntryDoc, PointsPublicationDoc, PointsSchemeDoc, PointsYearDoc } from './collections-points'
import type { ReminderEventDoc, ReminderLogDoc, ReminderSubsDoc, TodoDoc } from './collections-reminders'
import type { AssessmentDoc, StudyDoc, TalkDoc } from './collections-workbench'

/** The calling WeChat user's identity, keyed by openid: one document read resolves who is calling. */
export interface UserDoc {
  _id: string // openid
  memberId: string | null
  branchId: string | null
  groupId: string | null
  status: MemberStatus | null
  roles: BranchRole[]
  name: string
  /** 上级 admin: the org nodes administered and, denormalised, every branch below them. */
  adminOrgs: { id: string; name: string }[]
  adminBranchIds: string[]
  createdAt: string
}

export type OrgKind = 'committee' | 'general-branch' | 'branch'

export interface GroupDoc {
  id: string
  name: string
  leaderId: string | null
}

/** 党委 → (党总支) → 党支部. Branch settings live on the branch node. */
export interface OrgDoc {
  _id: string
  kind: OrgKind
  name: string
  parentId: string | null
  parentName: string | null
  /** Ids of every org node above this one, nearest last. */
  ancestors: string[]
  profileId: ProfileId
  profileOverrides?: Record<string, unknown>
  themeDayRule: ThemeDayRule
  termStartedAt: string | null
  termEndsAt: string | null
  /** The branch's monthly dues collection day (1..28). */
  duesDay: number
  groups: GroupDoc[]
  createdAt: string
  updatedAt: string
}

export interface MemberDoc {
  _id: string
  branchId: string
  name: string
  gender: 'male' | 'female'
  phone: string | null
  joinedAt: string
  formalAt: string | null
  status: MemberStatus
  groupId: string | null
  duesCategory: DuesCategory | null
  flags: MemberFlags
  roles: BranchRole[]
  openid: string | null
  boundAt: string | null
  active: boolean
  createdAt: string
  updatedAt: string
}

/** A one-time invite code; `_id` is the code itself so redeeming is one document read. */
export interface InviteDoc {
  _id: string
  memberId: string
  branchId: string
  createdBy: string
  createdAt: string
  expiresAt: string
  usedAt: string | null
  usedBy: string | null
  revoked: boolean
}

export interface AuditDoc {
  _id?: string
  at: string
  branchId: string | null
  actorMemberId: string | null
  actorName: string
  action: string
  targetId: string
  summary: string
  before: unknown
  after: unknown
}

/**
 * `bootstrap/admin`: the first-run code's salted hash, written by `npm run provision` and consumed once by
 * `org.claimAdmin` (see `_kit/bootstrap.ts`). Never holds the code itself.
 */
export interface BootstrapDoc {
  _id: string
  codeHash: string
  salt: string
  createdAt: string
  claimedAt: string | null
  /** The openid that claimed it and the root org node it created. */
  claimedBy: string | null
  orgId: string | null
}

/** Sliding-window attempt limits (`_kit/rate-limit.ts`), `<limit>_<subject>`. */
export interface RateLimitDoc {
  _id: string
  /** Instants (epoch ms, ascending) of the last accepted attempts, at most the limit's `max`. */
  hits: number[]
  /** When the document stops mattering (the last attempt has left the window): safe to delete after. */
  expiresAt: string
}

/**
 * Domain event types. Producers: meetings (`attendance.*`), dues (`dues.*`), the branch (`volunteer.*`).
 * Consumers: points (auto entries), reminders.
 */
export type EventType =
  | 'attendance.present' // a member attended a meeting (data: { meetingId, kind, via })
  | 'attendance.absent' // an unexcused absence, known when the meeting's record is locked (data: { meetingId, kind })
  | 'dues.paid-on-time' // a month paid by the branch's collection day (data: { month })
  | 'dues.overdue' // a month unpaid after its collection day (data: { month })
  | 'volunteer.recorded' // 志愿服务 recorded by the branch (data: { hours, title })

export interface EventDoc {
  _id: string
  type: EventType
  sourceId: string
  branchId: string
  memberId: string
  occurredAt: string
  data: Record<string, unknown>
  createdAt: string
}

// ---- meetings (组织生活) -------------------------------------------------------------------------

/** A member as a meeting's roster recorded them (snapshot; refreshed on edit and at lock). */
export interface MeetingRosterEntry {
  id: string
  name: string
  groupId: string | null
  status: MemberStatus
  roles: BranchRole[]
  exempt: boolean
  mobile: boolean
}

export interface MeetingMinutesDoc {
  content: string
  resolutions: string[]
  photos: { fileId: string; name: string }[]
  inviteesPresent: number
  savedAt: string | null
  savedBy: string | null
  savedByName: string | null
}

export interface MeetingCorrectionEntry {
  id: string
  at: string
  by: string | null
  byName: string
  field: 'content' | 'resolutions' | 'attendance' | 'other'
  text: string
  reason: string
}

export interface MeetingFinalDoc {
  due: number
  present: number
  leave: number
  absent: number
  observers: number
  voting: { due: number; present: number }
  quorum: { quorate: boolean; needed: number; due: number; present: number } | null
}

/**
 * One meeting, denormalised so member reads are one request: the roster and the id lists (应到, present,
 * leave, 补学) live here. `secret` is the per-meeting sign-in key: never returned to anyone.
 */
export interface MeetingDoc {
  _id: string
  branchId: string
  kind: MeetingKind
  topic: string
  /** Beijing date and time; `startsAt` the instant (ISO UTC). */
  date: string
  time: string
  startsAt: string
  /** The sign-in window (from the branch profile when the meeting was set up). */
  signInOpensAt: string
  signInClosesAt: string
  durationMinutes: number
  year: number
  place: string
  location: { lat: number; lng: number; radiusM: number } | null
  groupId: string | null
  hostId: string
  hostName: string
  recorderId: string
  recorderName: string
  agenda: string[]
  invitees: { name: string; kind: 'activist' | 'public' | 'other' }[]
  materials: string
  status: 'planned' | 'held' | 'cancelled'
  cancelReason: string | null
  roster: MeetingRosterEntry[]
  rosterIds: string[]
  exemptIds: string[]
  mobileIds: string[]
  presentIds: string[]
  /** Approved leave; pending and declined requests are listed too for the member's own status. */
  leaveIds: string[]
  leavePendingIds: string[]
  leaveDeclinedIds: string[]
  /** Reasons and decision notes by member id (denormalised from meeting_leaves for the member's detail read). */
  leaveNotes: Record<string, { reason: string; note: string }>
  /** 补学 owed (absent or on leave at lock) and confirmed. */
  makeupIds: string[]
  makeupDoneIds: string[]
  minutes: MeetingMinutesDoc | null
  corrections: MeetingCorrectionEntry[]
  final: MeetingFinalDoc | null
  lockedAt: string | null
  lockedBy: string | null
  /** Per-meeting sign-in secret (server only). */
  secret: string
  planId: string | null
  planKey: string | null
  createdBy: string | null
  createdAt: string
  updatedAt: string
}

/** One member at one meeting: `_id` `${meetingId}_${memberId}` so a repeat or a race yields one record. */
export interface AttendanceDoc {
  _id: string
  meetingId: string
  branchId: string
  memberId: string
  memberName: string
  kind: MeetingKind
  date: string
  at: string
  via: 'scan' | 'remote' | 'recorder'
  markedBy: string | null
  markedByName: string | null
}

/** A leave request, `${meetingId}_${memberId}`. */
export interface MeetingLeaveDoc {
  _id: string
  meetingId: string
  branchId: string
  memberId: string
  memberName: string
  groupId: string | null
  meetingTopic: string
  meetingKind: MeetingKind
  meetingStartsAt: string
  reason: string
  status: 'pending' | 'approved' | 'declined'
  requestedAt: string
  decidedAt: string | null
  decidedBy: string | null
  decidedByName: string | null
  note: string
}

/** A correction to a locked record: an audited entry, never an edit of the minutes. */
export interface MeetingCorrectionDoc {
  _id: string
  meetingId: string
  branchId: string
  at: string
  by: string | null
  byName: string
  field: MeetingCorrectionEntry['field']
  text: string
  reason: string
}

/** The year's plan, `${branchId}_${year}`. */
export interface MeetingPlanDoc {
  _id: string
  branchId: string
  year: number
  status: 'draft' | 'published'
  items: { key: string; kind: MeetingKind; date: string; time: string; groupId: string | null; topic: string; bySecretary: boolean; meetingId: string | null }[]
  createdAt: string
  updatedAt: string
  publishedAt: string | null
  publishedBy: string | null
}

export interface Collections {
  users: UserDoc
  orgs: OrgDoc
  members: MemberDoc
  invites: InviteDoc
  audit: AuditDoc
  rate_limits: RateLimitDoc
  bootstrap: BootstrapDoc
  events: EventDoc
  meetings: MeetingDoc
  attendance: AttendanceDoc
  meeting_leaves: MeetingLeaveDoc
  meeting_corrections: MeetingCorrectionDoc
  meeting_plans: MeetingPlanDoc
  dues_accounts: DuesAccountDoc
  dues_ledger: DuesLedgerDoc
  dues_publications: DuesPublicationDoc
  eval_rounds: EvalRoundDoc
  eval_tallies: EvalTallyDoc
  eval_roster: EvalRosterDoc
  points_branches: PointsBranchDoc
  points_schemes: PointsSchemeDoc
  points_entries: PointsEntryDoc
  points_years: PointsYearDoc
  points_publications: PointsPublicationDoc
  reminder_subs: ReminderSubsDoc
  reminder_log: ReminderLogDoc
  reminder_events: ReminderEventDoc
  todos: TodoDoc
  talks: TalkDoc
  study_records: StudyDoc
  assessments: AssessmentDoc
}

export type CollectionName = keyof Collections

/** Listing every key here makes a collection added to `Collections` without provisioning a compile error. */
const COLLECTION_SET: Record<CollectionName, true> = {
  users: true,
  orgs: true,
  members: true,
  invites: true,
  audit: true,
  rate_limits: true,
  bootstrap: true,
  events: true,
  meetings: true,
  attendance: true,
  meeting_leaves: true,
  meeting_corrections: true,
  meeting_plans: true,
  dues_accounts: true,
  dues_ledger: true,
  dues_publications: true,
  eval_rounds: true,
  eval_tallies: true,
  eval_roster: true,
  points_branches: true,
  points_schemes: true,
  points_entries: true,
  points_years: true,
  points_publications: true,
  reminder_subs: true,
  reminder_log: true,
  reminder_events: true,
  todos: true,
  talks: true,
  study_records: true,
  assessments: true,
}

export const COLLECTIONS = Object.keys(COLLECTION_SET) as CollectionName[]
