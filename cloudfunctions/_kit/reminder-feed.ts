/**
 * How other domains ask for a reminder without knowing WeChat: `scheduleReminder` writes a
 * `reminder_events` document keyed by the caller's own event key (a repeat replaces it); the reminders
 * timer sends it to each recipient between `dueAt` and `expiresAt` — once, within their accepts and the
 * one-a-day limit — and adds the to-do. Used for 党费 arrears, 谈心谈话 gaps and anything not on the calendar.
 */
import type { ReminderTopic } from '@shared/contract/reminders'
import type { ReminderAudienceSpec, ReminderEventDoc } from './documents'
import type { Store } from './store'

export interface ScheduleReminderInput {
  /** Unique per occurrence and stable across retries, e.g. `dues-arrears:m_1:2024-05`. Letters, digits, `-`, `:`, `_`. */
  eventKey: string
  topic: ReminderTopic
  branchId: string
  dueAt: string
  expiresAt: string
  audience: ReminderAudienceSpec
  todo: ReminderEventDoc['todo']
  message: ReminderEventDoc['message']
  /** Bypass the one-push-a-day limit (only meetings starting soon). */
  urgent?: boolean
}

const KEY = /^[A-Za-z0-9:_-]{1,120}$/

/** The document id of an event key (`:` is not used in ids). */
export const reminderEventId = (eventKey: string): string => eventKey.replace(/:/g, '-')

/** Schedule (or reschedule) a reminder. One request. */
export async function scheduleReminder(store: Store, input: ScheduleReminderInput, now: Date): Promise<void> {
  if (!KEY.test(input.eventKey)) throw new Error(`bad reminder event key: ${input.eventKey}`)
  if (!(Date.parse(input.dueAt) < Date.parse(input.expiresAt))) throw new Error('a reminder must be due before it expires')
  const at = now.toISOString()
  const doc: Omit<ReminderEventDoc, '_id'> = {
    topic: input.topic,
    branchId: input.branchId,
    dueAt: new Date(input.dueAt).toISOString(),
    expiresAt: new Date(input.expiresAt).toISOString(),
    audience: input.audience,
    todo: input.todo,
    message: input.message,
    urgent: input.urgent ?? false,
    cancelled: false,
    createdAt: at,
    updatedAt: at,
  }
  await store.set('reminder_events', reminderEventId(input.eventKey), doc)
}

/** Stop a scheduled reminder that has not gone out yet (what went out stays sent). One request. */
export async function cancelReminder(store: Store, eventKey: string, now: Date): Promise<boolean> {
  return (await store.updateWhere('reminder_events', { _id: reminderEventId(eventKey) }, { cancelled: true, updatedAt: now.toISOString() })) > 0
}
