/**
 * Documents of the reminders feature (registered in `_kit/collections.ts`): one subscription document per
 * recipient (accepts banked per template, switched-off topics, the day of the last push — one read for the
 * settings page) and the send log `${eventKey}_${recipientId}` that makes sending idempotent. The to-do
 * list and the reminders other domains schedule are the kit's (`_kit/documents.ts`).
 */
import type { ReminderTopic, TemplateKey } from '@shared/contract/reminders'

/**
 * `reminder_subs/{recipientId}`: a recipient is a member (`memberId`) or a 上级 admin who is not a member
 * (`u-${openid}`). Accepts belong to the WeChat identity that made them: when `openid` changes they no longer count.
 */
export interface ReminderSubsDoc {
  _id: string
  openid: string
  memberId: string | null
  /** One-time accepts left per template; each send spends one, WeChat's 43101 sets it to 0. */
  quota: Record<TemplateKey, number>
  /** Topics the recipient switched off. */
  off: ReminderTopic[]
  /** Beijing date of the last push that counts against the one-a-day limit. */
  lastPushDate: string | null
  /** The timer's wave that last spent an accept here (tells it which of its batched spends matched). */
  spendToken?: string | null
  createdAt: string
  updatedAt: string
}

export const REMINDER_LOG_STATUSES = ['queued', 'sending', 'sent', 'skipped', 'refused', 'retry', 'failed', 'unconfirmed'] as const
export type ReminderLogStatus = (typeof REMINDER_LOG_STATUSES)[number]

/**
 * `reminder_log/${eventKey}_${recipientId}`, created before anything is sent (a duplicate means someone
 * else has it). `queued` → `sending` (written just before the WeChat call) → `sent`; or `skipped` (to-do
 * only: switched off, no accepts, daily limit, not bound), `refused` (43101), `retry` (WeChat busy; next
 * tick), `failed`, `unconfirmed` (a run died during the call: never sent again — at most once).
 */
export interface ReminderLogDoc {
  _id: string
  eventKey: string
  topic: ReminderTopic
  branchId: string | null
  recipientId: string
  memberId: string | null
  template: TemplateKey
  status: ReminderLogStatus
  /** Why it was skipped or failed (`off`, `no-quota`, `daily-limit`, `no-openid`, a WeChat code …). */
  reason: string | null
  attempts: number
  /** The run holding it; another run may take a `queued` or `sending` log over only after `leaseUntil`. */
  runId: string
  leaseUntil: string
  /** When a `retry` may be attempted again. */
  nextAt: string | null
  dueAt: string
  expiresAt: string
  sentAt: string | null
  createdAt: string
  updatedAt: string
}
