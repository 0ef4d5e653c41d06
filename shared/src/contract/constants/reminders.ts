/** Reminder topics and subscribe-message templates of the reminders contract, without schemas (see README.md). */

/** What a member can hear about; each topic is sent with one template and can be switched off. */
export const REMINDER_TOPICS = [
  'theme-day', // 主题党日: T−1 day 18:00 and the day itself 08:00
  'meeting', // 会议: 2 hours before (those a member is 应到 for cannot be switched off)
  'dues', // 党费: the collection day, and arrears
  'points', // 积分: the monthly 申报 deadline
  'evaluation', // 民主评议: voting opens
  'political-birthday', // 政治生日: the 书记 is told 7 days ahead
  'reelection', // 换届: term dates, to the 书记 and the 上级 admin
  'talks', // 谈心谈话: coverage gaps, to the 书记 monthly
] as const
export type ReminderTopic = (typeof REMINDER_TOPICS)[number]

/** The subscribe-message templates (ids come from the server's configuration, never from here). */
export const TEMPLATE_KEYS = ['themeDay', 'meeting', 'dues', 'task'] as const
export type TemplateKey = (typeof TEMPLATE_KEYS)[number]

export const TOPIC_TEMPLATE: Record<ReminderTopic, TemplateKey> = {
  'theme-day': 'themeDay',
  meeting: 'meeting',
  dues: 'dues',
  points: 'task',
  evaluation: 'task',
  'political-birthday': 'task',
  reelection: 'task',
  talks: 'task',
}

/** WeChat lets one `requestSubscribeMessage` ask for at most 3 templates. */
export const SUBSCRIBE_ASK_MAX = 3
