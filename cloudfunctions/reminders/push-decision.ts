/**
 * Whether a reminder goes to WeChat now, and what happens to one that does not: the member's switch, an
 * accept banked for its template, the one push a day (urgent meetings excepted), and holding back for
 * something more important later today.
 */
import { REMINDER_TOPIC_PRIORITY } from '@shared/rules/reminders/push'
import { TASK_REMINDER_TIME } from '@shared/rules/reminders/schedule'
import { addDays, beijingDateTime } from '@shared/rules/time'
import type { Item, TickRun } from './tick-run'

export type Decision = { push: true } | { push: false; reason: string } | { push: false; reason: 'later-today'; defer: true }

export function decide(run: Pick<TickRun, 'subs' | 'laterToday' | 'today'>, w: Item): Decision {
  const r = w.recipient
  if (!r.openid) return { push: false, reason: 'no-openid' }
  const s = run.subs.get(r.recipientId)
  if (!r.mandatory && s?.off?.includes(w.event.topic)) return { push: false, reason: 'off' }
  if (!s || s.openid !== r.openid || (s.quota?.[w.template] ?? 0) <= 0) return { push: false, reason: 'no-quota' }
  if (w.event.urgent) return { push: true }
  if ((run.laterToday.get(r.recipientId) ?? Infinity) < REMINDER_TOPIC_PRIORITY[w.event.topic]) return { push: false, reason: 'later-today', defer: true }
  if (s.lastPushDate === run.today) return { push: false, reason: 'daily-limit' }
  return { push: true }
}

/** A reminder the day's push went to waits for tomorrow 09:00 if it is still valid then; else it ends here. */
export function notNow(today: string, w: Item, reason: string): { status: 'skipped' | 'retry'; reason: string; nextAt: string | null } {
  const tomorrow = beijingDateTime(addDays(today, 1), TASK_REMINDER_TIME)
  return reason === 'daily-limit' && tomorrow < w.event.expiresAt ? { status: 'retry', reason, nextAt: tomorrow } : { status: 'skipped', reason, nextAt: null }
}
