/**
 * Who the caller is as a reminder recipient, which topics concern them (members: the branch's; the 书记:
 * also 政治生日, 谈心谈话 and 换届; a 上级 admin: 换届), and the settings and template views built from
 * their one `reminder_subs` document.
 */
import {
  REMINDER_TOPICS,
  TEMPLATE_KEYS,
  TEMPLATE_TITLES,
  TOPIC_AUDIENCE,
  TOPIC_DESCRIPTIONS,
  TOPIC_LABELS,
  TOPIC_TEMPLATE,
  type ReminderSettings,
  type ReminderTopic,
  type TemplateInfo,
  type TemplateKey,
} from '@shared/contract/reminders'
import { AppError } from '@shared/contract/errors'
import { DAILY_PUSH_LIMIT } from '@shared/rules/reminders/push'
import type { Caller } from '../_kit/caller'
import type { ReminderSubsDoc } from './documents'
import { templateConfigs } from '../_kit/reminder-config'
import { recipientIdOf } from '../_kit/todos'

/**
 * Topics the timer produces today (all of them; 党费 arrears additionally come through
 * `_kit/reminder-feed.ts` when the dues feature schedules them). A topic not listed shows as 即将上线.
 */
export const LIVE_TOPICS: ReadonlySet<ReminderTopic> = new Set(['theme-day', 'meeting', 'dues', 'points', 'evaluation', 'political-birthday', 'reelection', 'talks'])

export interface Me {
  recipientId: string
  memberId: string | null
  openid: string
}

export const recipientOf = (caller: Caller): Me => {
  const id = recipientIdOf({ memberId: caller.memberId, openid: caller.openid })
  if (!id || !caller.openid) throw new AppError('UNAUTHENTICATED')
  return { recipientId: id, memberId: caller.memberId, openid: caller.openid }
}

export const topicsFor = (caller: Caller): ReminderTopic[] => {
  const member = !!caller.memberId
  const secretary = caller.branchRoles.includes('secretary')
  const admin = caller.adminBranchIds.length > 0
  return REMINDER_TOPICS.filter((t) => {
    const a = TOPIC_AUDIENCE[t]
    if (a === 'member') return member
    if (a === 'secretary') return secretary
    return secretary || admin
  })
}

/** Accepts that count: those made by the WeChat identity now bound. */
export const remaining = (subs: ReminderSubsDoc | null, openid: string, key: TemplateKey): number =>
  subs && subs.openid === openid ? Math.max(0, subs.quota?.[key] ?? 0) : 0

export const templatesView = (caller: Caller, me: Me, subs: ReminderSubsDoc | null): TemplateInfo[] => {
  const cfg = templateConfigs()
  const used = new Set(topicsFor(caller).map((t) => TOPIC_TEMPLATE[t]))
  return TEMPLATE_KEYS.filter((k) => used.has(k)).map((key) => ({ key, id: cfg[key].id, title: TEMPLATE_TITLES[key], remaining: remaining(subs, me.openid, key), used: true }))
}

export const settingsView = (caller: Caller, me: Me, subs: ReminderSubsDoc | null): ReminderSettings => {
  const off = new Set(subs?.off ?? [])
  return {
    topics: topicsFor(caller).map((topic) => ({
      topic,
      label: TOPIC_LABELS[topic],
      description: TOPIC_DESCRIPTIONS[topic],
      template: TOPIC_TEMPLATE[topic],
      enabled: topic === 'meeting' || !off.has(topic),
      locked: topic === 'meeting',
      available: LIVE_TOPICS.has(topic),
    })),
    templates: templatesView(caller, me, subs),
    dailyLimit: DAILY_PUSH_LIMIT,
  }
}

/** A fresh subscription document for the caller. */
export const newSubs = (me: Me, at: string): Omit<ReminderSubsDoc, '_id'> => ({
  openid: me.openid,
  memberId: me.memberId,
  quota: { themeDay: 0, meeting: 0, dues: 0, task: 0 },
  off: [],
  lastPushDate: null,
  createdAt: at,
  updatedAt: at,
})
