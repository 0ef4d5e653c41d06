/**
 * What one timer tick's steps share (scheduler.ts builds it once per run): the run's identity and clock, the
 * recipients' accepts as read at its start, and the report it fills in; and the work item, one reminder
 * occurrence for one recipient.
 */
import type { TemplateKey } from '@shared/contract/reminders'
import type { ReminderLogDoc, ReminderSubsDoc } from './documents'
import type { Log } from '../_kit/log'
import type { Notifier } from '../_kit/notifier'
import type { TemplateConfig } from '../_kit/reminder-config'
import type { Store } from '../_kit/store'
import type { DueEvent, Recipient } from './plan'

export interface TickReport {
  runId: string
  /** (reminder, recipient) pairs due now. */
  due: number
  /** Finished by earlier runs (sent, skipped, refused, failed, unconfirmed). */
  done: number
  /** Held by another live run, or waiting for a retry time. */
  waiting: number
  /** Held back (to-do only for now): something more important reaches the recipient later today. */
  deferred: number
  /** Claimed and finished by this run. */
  processed: number
  sent: number
  skipped: Record<string, number>
  refused: number
  retry: number
  failed: number
  unconfirmed: number
  /** Due but not reached before the budget ran out: the next tick continues. */
  remaining: number
  waves: number
  elapsedMs: number
}

export interface Item {
  event: DueEvent
  recipient: Recipient
  logId: string
  template: TemplateKey
  /** The log entry found (for a retry or a takeover), or null for a new one. */
  prior: Pick<ReminderLogDoc, 'status' | 'attempts' | 'runId'> | null
}

/** A recipient's accepts as this run knows them (read at its start, kept in step with what it spends). */
export type Snapshot = Pick<ReminderSubsDoc, 'openid' | 'quota' | 'off' | 'lastPushDate'>

export interface TickRun {
  store: Store
  /** The invocation's instant. */
  now: Date
  notifier: Notifier
  log: Log
  runId: string
  /** Beijing date of `now`. */
  today: string
  concurrency: number
  templates: Record<TemplateKey, TemplateConfig>
  mpState: 'formal' | 'trial' | 'developer'
  /** The current instant (`now` plus the time run since), ISO. */
  at: () => string
  /** The end of a claim made now, ISO. */
  lease: () => string
  subs: Map<string, Snapshot>
  /** Per recipient, the most important topic still to come later today (plan.ts). */
  laterToday: Map<string, number>
  report: TickReport
}

export const bump = (m: Record<string, number>, k: string, n = 1) => {
  m[k] = (m[k] ?? 0) + n
}
