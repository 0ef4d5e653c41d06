/**
 * The registration: every collection the functions use, with the type of its documents. Each domain
 * defines its documents in `cloudfunctions/<domain>/documents.ts` and the kit's own (audit, events, to-dos,
 * rate limits …) are in `documents.ts`; this map names them. This list is data: the local backend creates
 * these collections and `npm run provision` creates them (admin-only) in CloudBase.
 */
import type { DevRecordDoc } from '../development/documents'
import type { DuesAccountDoc, DuesLedgerDoc, DuesPublicationDoc } from '../dues/documents'
import type { EvalRosterDoc, EvalRoundDoc, EvalTallyDoc } from '../evaluation/documents'
import type { AttendanceDoc, MeetingCorrectionDoc, MeetingDoc, MeetingLeaveDoc, MeetingPlanDoc } from '../meetings/documents'
import type { InviteDoc, MemberDoc, OrgDoc, UserDoc } from '../org/documents'
import type { PointsBranchDoc, PointsEntryDoc, PointsPublicationDoc, PointsSchemeDoc, PointsYearDoc } from '../points/documents'
import type { ReminderLogDoc, ReminderSubsDoc } from '../reminders/documents'
import type { AssessmentDoc, StudyDoc, TalkDoc } from '../workbench/documents'
import type { AuditDoc, BootstrapDoc, EventDoc, RateLimitDoc, ReminderEventDoc, TodoDoc } from './documents'

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
  dev_records: DevRecordDoc
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
  dev_records: true,
}

export const COLLECTIONS = Object.keys(COLLECTION_SET) as CollectionName[]
