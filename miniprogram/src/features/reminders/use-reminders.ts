/**
 * Hooks for reminders: the 消息提醒 settings page (switches, accepts per template, "开启/补充提醒"), the
 * 首页 to-do list, and `useSubscribeAsk` for other features that ask for accepts at a natural tap (after
 * signing in, opening a meeting, viewing dues): template ids load on mount so the tap can ask at once.
 */
import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import type { ReminderSettings, TemplateInfo } from '@shared/contract/reminders'
import { TOPIC_TEMPLATE, type ReminderTopic, type TemplateKey } from '@shared/contract/constants/reminders'
import { api } from '@/services/api'
import { useAction } from '../common/use-action'
import { useApiCall } from '../common/use-api-call'
import { askSubscribe, templatesToAsk, withAccepted } from './subscribe'

/** Templates of the topics the member has switched on (and that are produced). */
export function wantedTemplates(settings: ReminderSettings): TemplateKey[] {
  return [...new Set(settings.topics.filter((t) => t.enabled && t.available).map((t) => TOPIC_TEMPLATE[t.topic]))]
}

/** The label of the top-up button: 开启 while nothing is banked, 补充 after. */
export function topUpLabel(settings: ReminderSettings): string {
  const wanted = wantedTemplates(settings)
  return settings.templates.some((t) => wanted.includes(t.key) && t.remaining > 0) ? '补充提醒次数' : '开启消息提醒'
}

export function useReminderSettings() {
  const call = useApiCall(() => api.reminders.settings({}), [])
  const { data, setData } = call

  const toggle = useAction(async (topic: ReminderTopic, enabled: boolean) => {
    const r = await api.reminders.setTopic({ topic, enabled })
    if (data) setData({ ...data, topics: data.topics.map((t) => (t.topic === r.topic ? { ...t, enabled: r.enabled } : t)) })
    return r
  })

  // Must run inside the tap handler: `askSubscribe` calls WeChat before its first await.
  const topUp = useAction(async () => {
    if (!data) return []
    const asked = templatesToAsk(data.templates, wantedTemplates(data))
    const accepted = await askSubscribe(asked)
    if (accepted.length > 0) {
      setData({ ...data, templates: withAccepted(data.templates, accepted) })
      void Taro.showToast({ title: `已开启${accepted.length}项提醒`, icon: 'success' })
    } else if (asked.length > 0) {
      void Taro.showToast({ title: '未开启，提醒仍会出现在首页待办中', icon: 'none', duration: 3000 })
    }
    return accepted
  })

  return { ...call, toggle, topUp }
}

export function useTodos() {
  const call = useApiCall(() => api.reminders.listTodos({}), [])
  const { data, setData } = call
  const done = useAction(async (todoId: string) => {
    const r = await api.reminders.doneTodo({ todoId })
    if (data) setData({ todos: data.todos.filter((t) => t.id !== r.id) })
    return r
  })
  return { ...call, done }
}

let cached: Promise<TemplateInfo[]> | null = null

/** The caller's templates, loaded once per app session (a failed load is retried next time). */
export function loadTemplates(): Promise<TemplateInfo[]> {
  cached ??= api.reminders.templates({}).then(
    (r) => r.templates,
    (e: unknown) => {
      cached = null
      throw e
    },
  )
  return cached
}

/** Forget the cached templates (tests; after accepts change elsewhere). */
export function resetTemplates(): void {
  cached = null
}

/**
 * For a natural moment in another feature: `const ask = useSubscribeAsk(['meeting'])`, then call `ask()`
 * first thing in the tap handler. It asks only when templates are loaded and the member has few accepts.
 */
export function useSubscribeAsk(wanted: readonly TemplateKey[], whenBelow = 1): () => Promise<TemplateKey[]> {
  const [templates, setTemplates] = useState<TemplateInfo[] | null>(null)
  useEffect(() => {
    let alive = true
    loadTemplates().then(
      (t) => alive && setTemplates(t),
      () => undefined,
    )
    return () => {
      alive = false
    }
  }, [])
  const key = wanted.join(',')
  return useCallback(async () => {
    if (!templates) return []
    const asked = templatesToAsk(templates, wanted).filter((t) => t.remaining < whenBelow)
    try {
      const accepted = await askSubscribe(asked)
      if (accepted.length) setTemplates(withAccepted(templates, accepted))
      return accepted
    } catch {
      return [] // asking is a courtesy: the member's own action goes on regardless
    }
    // `wanted` is compared by value through `key`.
  }, [templates, key, whenBelow])
}
