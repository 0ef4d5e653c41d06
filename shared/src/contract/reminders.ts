/**
 * Reminders (docs/DOMAIN.md §6): WeChat one-time subscribe messages and the in-app to-do list that
 * always works. A member reports the templates they accepted (each accept allows one message), chooses
 * which topics to hear about, and reads and ticks off their to-dos. Sending is the timer's job.
 */
import * as z from 'zod/mini'
import { action, defineDomain } from './define'
import { Id } from './common'
import { REMINDER_TOPICS, SUBSCRIBE_ASK_MAX, TEMPLATE_KEYS, type ReminderTopic, type TemplateKey } from './constants/reminders'

export { REMINDER_TOPICS, SUBSCRIBE_ASK_MAX, TEMPLATE_KEYS, TOPIC_TEMPLATE, type ReminderTopic, type TemplateKey } from './constants/reminders'
export const ReminderTopicSchema = z.enum(REMINDER_TOPICS)
export const TemplateKeySchema = z.enum(TEMPLATE_KEYS)

/** Who a topic concerns: every member, or only the 书记 (and, for 换届, the 上级 admin). */
export const TOPIC_AUDIENCE: Record<ReminderTopic, 'member' | 'secretary' | 'secretary-or-admin'> = {
  'theme-day': 'member',
  meeting: 'member',
  dues: 'member',
  points: 'member',
  evaluation: 'member',
  'political-birthday': 'secretary',
  reelection: 'secretary-or-admin',
  talks: 'secretary',
}

export const TOPIC_LABELS: Record<ReminderTopic, string> = {
  'theme-day': '主题党日',
  meeting: '会议通知',
  dues: '党费交纳',
  points: '积分申报',
  evaluation: '民主评议',
  'political-birthday': '党员政治生日',
  reelection: '支部换届',
  talks: '谈心谈话',
}

/** What the member will receive, in one sentence each. */
export const TOPIC_DESCRIPTIONS: Record<ReminderTopic, string> = {
  'theme-day': '主题党日前一天18:00和当天8:00提醒',
  meeting: '会议开始前2小时提醒；您应到的会议不能关闭',
  dues: '每月党费收缴日提醒，欠交时提醒',
  points: '每月积分申报截止前提醒',
  evaluation: '民主评议开始投票时提醒',
  'political-birthday': '党员入党纪念日前7天提醒书记',
  reelection: '支部委员会任期届满前按规定提醒',
  talks: '每月提醒书记尚未谈心谈话的同志',
}

export const TEMPLATE_TITLES: Record<TemplateKey, string> = {
  themeDay: '主题党日提醒',
  meeting: '会议提醒',
  dues: '党费交纳提醒',
  task: '待办事项提醒',
}


export const TemplateInfoSchema = z.object({
  key: TemplateKeySchema,
  /** The WeChat template id to pass to `requestSubscribeMessage`. */
  id: z.string(),
  title: z.string(),
  /** Accepts banked: how many more messages of this template can reach the member. */
  remaining: z.number(),
  /** Whether any topic the member receives uses this template. */
  used: z.boolean(),
})
export type TemplateInfo = z.infer<typeof TemplateInfoSchema>

export const TopicSettingSchema = z.object({
  topic: ReminderTopicSchema,
  label: z.string(),
  description: z.string(),
  template: TemplateKeySchema,
  enabled: z.boolean(),
  /** The member cannot switch it off entirely (meetings they are 应到 for are always sent). */
  locked: z.boolean(),
  /** Whether this topic's reminders are produced yet (features land one by one). */
  available: z.boolean(),
})
export type TopicSetting = z.infer<typeof TopicSettingSchema>

export const ReminderSettingsSchema = z.object({
  topics: z.array(TopicSettingSchema),
  templates: z.array(TemplateInfoSchema),
  /** At most one WeChat message a day, except meetings starting soon (docs/DOMAIN.md §6). */
  dailyLimit: z.number(),
})
export type ReminderSettings = z.infer<typeof ReminderSettingsSchema>

export const TodoSchema = z.object({
  id: z.string(),
  topic: z.string(),
  title: z.string(),
  detail: z.nullable(z.string()),
  /** The page to act on (`/pages/…` or `/subpackages/…`), or null for a notice. */
  link: z.nullable(z.string()),
  /** The day it is about, `YYYY-MM-DD` (Beijing). */
  dueDate: z.nullable(z.string()),
  createdAt: z.string(),
})
export type Todo = z.infer<typeof TodoSchema>

const Self = { member: 'any', 'org-admin': 'any' } as const

export const reminders = defineDomain('reminders', {
  /** The template ids to ask for, with the accepts banked. Caller: any member or 上级 admin (about themselves). */
  templates: action({
    input: z.strictObject({}),
    output: z.object({ templates: z.array(TemplateInfoSchema) }),
    policy: Self,
    kind: 'read',
  }),

  /** 我的 → 消息提醒: what I will receive per topic, my switches and accepts per template. Caller: themselves. */
  settings: action({ input: z.strictObject({}), output: ReminderSettingsSchema, policy: Self, kind: 'read' }),

  /** Report the templates the member just accepted (each accept allows one message). Caller: themselves. */
  subscribed: action({
    input: z.strictObject({
      accepted: z
        .array(TemplateKeySchema)
        .check(
          z.minLength(1, '请至少选择一项'),
          z.maxLength(SUBSCRIBE_ASK_MAX, `每次最多${SUBSCRIBE_ASK_MAX}项`),
          z.refine((a) => new Set(a).size === a.length, '提醒模板重复'),
        ),
    }),
    output: z.object({ accepted: z.array(TemplateKeySchema) }),
    policy: Self,
    kind: 'write',
  }),

  /** Switch a topic on or off. Caller: themselves. */
  setTopic: action({
    input: z.strictObject({ topic: ReminderTopicSchema, enabled: z.boolean() }),
    output: z.object({ topic: ReminderTopicSchema, enabled: z.boolean() }),
    policy: Self,
    kind: 'write',
  }),

  /** 首页 to-do list: my open to-dos, soonest first. Caller: themselves. */
  listTodos: action({
    input: z.strictObject({}),
    output: z.object({ todos: z.array(TodoSchema) }),
    policy: Self,
    kind: 'read',
  }),

  /** Tick off one of my to-dos (a notice read, a task done by hand). Caller: the to-do's owner. */
  doneTodo: action({
    input: z.strictObject({ todoId: Id }),
    output: z.object({ id: z.string(), done: z.literal(true) }),
    policy: Self,
    kind: 'write',
  }),
})
