/**
 * Documents that belong to the kit itself (registered in `collections.ts`): audit lines (`audit.ts`), the
 * first-run bootstrap code (`bootstrap.ts`), rate limits (`rate-limit.ts`), domain events (`events.ts`),
 * to-dos (`todos.ts`) and the reminders other domains schedule (`reminder-feed.ts`). Every domain writes
 * them through those modules; no one domain owns them.
 */
import type { ReminderTopic } from '@shared/contract/reminders'

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

/**
 * `todos/{td_…}`: one per (topic, subject, recipient) — e.g. the 主题党日 of 2024-05-26 for a member —
 * so the eve and day-of reminders update one to-do. Open until done or past `until`.
 */
export interface TodoDoc {
  _id: string
  recipientId: string
  memberId: string | null
  branchId: string | null
  topic: string
  subject: string
  title: string
  detail: string | null
  link: string | null
  dueDate: string | null
  /** Last Beijing date it is shown (`9999-12-31`: until done). */
  until: string
  done: boolean
  doneAt: string | null
  createdAt: string
  updatedAt: string
}

/** Who a scheduled reminder is for: named members (e.g. a meeting's 应到) or a role in the branch. */
export type ReminderAudienceSpec =
  | { kind: 'members'; memberIds: string[]; mandatory: boolean }
  | { kind: 'branch' }
  | { kind: 'secretary' }
  | { kind: 'secretary-and-admins' }

/**
 * `reminder_events/{eventKey}`: a reminder another domain scheduled (dues arrears, 谈心谈话 gaps …). The
 * scheduler sends it between `dueAt` and `expiresAt`; `cancelled` stops it.
 */
export interface ReminderEventDoc {
  _id: string
  topic: ReminderTopic
  branchId: string
  dueAt: string
  expiresAt: string
  audience: ReminderAudienceSpec
  /** One to-do per recipient: its subject, text, page and the last day it shows. */
  todo: { subject: string; title: string; detail: string | null; link: string | null; dueDate: string | null; until: string }
  /** Message fields: `title` (≤20 chars are kept), `date` (`YYYY-MM-DD`), optional `time` (`HH:mm`), `place`, `note`. */
  message: { title: string; date: string; time: string | null; place: string | null; note: string }
  /** Sent even when the recipient already had a push today (meetings starting soon). */
  urgent: boolean
  cancelled: boolean
  createdAt: string
  updatedAt: string
}
