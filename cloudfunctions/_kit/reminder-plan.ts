/**
 * The shape every domain's reminder planning shares (`<domain>/public/reminders.ts`), which the reminders
 * timer combines (reminders/plan.ts): a `ReminderPlan` starts the domain's reads — all domains' run in
 * parallel, beside the branch list — and answers a step that, given every branch with its people, profile and
 * calendar, plans the reminders due now (audiences not yet resolved) and those of today still to come.
 * Reads are one query per source over all branches, never one per branch or member.
 */
import type { ReminderTopic } from '@shared/contract/reminders'
import type { BranchRole } from '@shared/contract/roles'
import type { Profile } from '@shared/profiles'
import type { ReminderEvent } from '@shared/rules/reminders/calendar'
import type { DueReminder } from '@shared/rules/reminders/schedule'
import type { ThemeDayRule } from '@shared/rules/theme-day-rule'
import type { ReminderAudienceSpec } from './documents'
import type { Log } from './log'
import type { Store } from './store'

/** What a push message says (the template's fields). */
export interface MessageValues {
  title: string
  /** `YYYY-MM-DD`. */
  date: string
  time: string | null
  place: string | null
  note: string
}

/** A reminder due now, its audience not yet resolved to recipients. */
export interface PlannedReminder {
  /** Unique per occurrence (and branch): the send log is `${eventKey}_${recipientId}`. */
  eventKey: string
  topic: ReminderTopic
  branchId: string
  dueAt: string
  expiresAt: string
  /** Exempt from the one-push-a-day limit (meetings starting soon). */
  urgent: boolean
  audience: ReminderAudienceSpec
  todo: { subject: string; title: string; detail: string | null; link: string | null; dueDate: string | null; until: string }
  message: MessageValues
}

/** A calendar reminder of today not due yet: only its topic and audience matter (it holds back a less important push). */
export interface LaterReminder {
  branchId: string
  topic: ReminderTopic
  audience: ReminderAudienceSpec
}

/** A 党支部 as the planners see it (org's reminder branch fits it). */
export interface PlanBranch {
  _id: string
  name: string
  themeDayRule?: ThemeDayRule | null
}

/** An active member of a branch as the planners see it (org's reminder person fits it). */
export interface PlanPerson {
  memberId: string
  branchId: string
  name: string
  roles: readonly BranchRole[]
  joinedAt: string
}

/** One branch with what every planner may use, resolved once per tick. */
export interface BranchPlanInput {
  branch: PlanBranch
  people: readonly PlanPerson[]
  /** The branch's profile with its overrides (the base profile when they are invalid). */
  profile: Profile
  /** The branch calendar's reminders due now (党费收缴日, 政治生日, 换届); empty when it failed (logged). */
  calendar: readonly DueReminder[]
  /** The branch calendar's reminders of today not due yet (same sources). */
  calendarLater: readonly ReminderEvent[]
}

export interface ReminderPlanContext {
  now: Date
  /** Beijing date of `now`. */
  today: string
  log: Log
  branches: readonly BranchPlanInput[]
  /** Ids of every branch: a record of another (removed) branch plans nothing. */
  known: ReadonlySet<string>
}

export interface ReminderPlanned {
  pending: PlannedReminder[]
  later: LaterReminder[]
}

/** One domain's reminder planning: its reads first (in parallel with every domain's), then the plan step (which may read once more). */
export type ReminderPlan = (store: Store, now: Date) => Promise<(ctx: ReminderPlanContext) => ReminderPlanned | Promise<ReminderPlanned>>

/** `s` cut to `n` characters, the last one `…` when cut (push message fields are short). */
export const clip = (s: string, n: number): string => (Array.from(s).length > n ? `${Array.from(s).slice(0, n - 1).join('')}…` : s)
