/**
 * How many WeChat pushes a member gets and which go first when only one may (docs/DOMAIN.md §6: quiet by
 * design).
 */
import type { ReminderTopic } from '../../contract/reminders'

/**
 * What matters most when a member may get only one WeChat message a day (docs/DOMAIN.md §6 "spend it on what
 * matters most"): lower goes first. Meetings starting soon are exempt from the daily limit anyway.
 */
export const REMINDER_TOPIC_PRIORITY: Readonly<Record<ReminderTopic, number>> = {
  meeting: 0,
  'theme-day': 1,
  evaluation: 2,
  dues: 3,
  points: 4,
  reelection: 5,
  'political-birthday': 6,
  talks: 7,
}

/** WeChat pushes per member per Beijing day, meetings starting soon aside (docs/DOMAIN.md §6: quiet by design). */
export const DAILY_PUSH_LIMIT = 1
