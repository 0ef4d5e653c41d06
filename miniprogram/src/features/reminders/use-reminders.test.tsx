/**
 * Reminders hooks through the real h5 platform adapter (which accepts every template) and client: which
 * templates are asked for (≤3, fewest accepts first, only switched-on topics), what is reported, the
 * switches, the to-do list, and asking from another feature's tap.
 */
import { act, renderHook, waitFor } from '@testing-library/react'
import type { ReminderSettings, TemplateInfo } from '@shared/contract/reminders'
import { fail, installFakeApi, ok } from '@/test-utils/fake-api'
import { acceptedKeys, templatesToAsk, withAccepted } from './subscribe'
import { resetTemplates, topUpLabel, useReminderSettings, useSubscribeAsk, useTodos, wantedTemplates } from './use-reminders'

let api: ReturnType<typeof installFakeApi>
afterEach(() => {
  api?.restore()
  resetTemplates()
})

const tmpl = (key: TemplateInfo['key'], remaining: number, used = true): TemplateInfo => ({ key, id: `T_${key}`, title: key, remaining, used })

const settings = (over: Partial<ReminderSettings> = {}): ReminderSettings => ({
  topics: [
    { topic: 'theme-day', label: '主题党日', description: '', template: 'themeDay', enabled: true, locked: false, available: true },
    { topic: 'meeting', label: '会议通知', description: '', template: 'meeting', enabled: true, locked: true, available: true },
    { topic: 'dues', label: '党费交纳', description: '', template: 'dues', enabled: false, locked: false, available: true },
    { topic: 'points', label: '积分申报', description: '', template: 'task', enabled: true, locked: false, available: true },
  ],
  templates: [tmpl('themeDay', 0), tmpl('meeting', 2), tmpl('dues', 0), tmpl('task', 1)],
  dailyLimit: 1,
  ...over,
})

describe('which templates to ask for', () => {
  test('at most three, fewest accepts first, only those wanted and used', () => {
    const all = [tmpl('themeDay', 3), tmpl('meeting', 0), tmpl('dues', 1), tmpl('task', 0)]
    expect(templatesToAsk(all).map((t) => t.key)).toEqual(['meeting', 'task', 'dues'])
    expect(templatesToAsk(all, ['themeDay', 'dues']).map((t) => t.key)).toEqual(['dues', 'themeDay'])
    expect(templatesToAsk([tmpl('themeDay', 0, false)])).toEqual([])
  })
  test('the topics switched on decide the templates; accepted ones count one more', () => {
    expect(wantedTemplates(settings())).toEqual(['themeDay', 'meeting', 'task'])
    expect(acceptedKeys([tmpl('themeDay', 0), tmpl('task', 0)], { T_themeDay: 'accept', T_task: 'reject' })).toEqual(['themeDay'])
    expect(withAccepted([tmpl('themeDay', 0), tmpl('task', 4)], ['task']).map((t) => t.remaining)).toEqual([0, 5])
  })
  test('the button says 开启 until something is banked for a switched-on topic', () => {
    expect(topUpLabel(settings({ templates: [tmpl('themeDay', 0), tmpl('meeting', 0), tmpl('dues', 5), tmpl('task', 0)] }))).toBe('开启消息提醒')
    expect(topUpLabel(settings())).toBe('补充提醒次数')
  })
})

describe('useReminderSettings', () => {
  test('开启/补充: asks for the three wanted templates with the fewest accepts and reports what was accepted', async () => {
    api = installFakeApi(({ action, input }) => {
      if (action === 'settings') return ok(settings())
      if (action === 'subscribed') return ok({ accepted: (input as { accepted: string[] }).accepted })
      return fail('INVALID_INPUT', 'x')
    })
    const { result } = renderHook(() => useReminderSettings())
    await waitFor(() => expect(result.current.data).toBeDefined())
    await act(async () => {
      await result.current.topUp.run()
    })
    // 党费 is switched off: not asked for.
    expect(api.calls.at(-1)).toEqual({ fn: 'reminders', action: 'subscribed', input: { accepted: ['themeDay', 'task', 'meeting'] } })
    expect(result.current.data?.templates.map((t) => [t.key, t.remaining])).toEqual([
      ['themeDay', 1],
      ['meeting', 3],
      ['dues', 0],
      ['task', 2],
    ])
  })

  test('a switch change is sent and shown; the server’s refusal is kept', async () => {
    api = installFakeApi(({ action, input }) => {
      if (action === 'settings') return ok(settings())
      const { topic, enabled } = input as { topic: string; enabled: boolean }
      return topic === 'meeting' ? fail('RULE_VIOLATED', '您应到会议的提醒不能关闭') : ok({ topic, enabled })
    })
    const { result } = renderHook(() => useReminderSettings())
    await waitFor(() => expect(result.current.data).toBeDefined())
    await act(async () => {
      await result.current.toggle.run('dues', true)
    })
    expect(result.current.data?.topics.find((t) => t.topic === 'dues')?.enabled).toBe(true)
    await act(async () => {
      await result.current.toggle.run('meeting', false)
    })
    expect(result.current.toggle.error).toBe('您应到会议的提醒不能关闭')
    expect(result.current.data?.topics.find((t) => t.topic === 'meeting')?.enabled).toBe(true)
  })
})

describe('useTodos', () => {
  test('lists my to-dos and ticks one off', async () => {
    const todos = [
      { id: 'td_1', topic: 'theme-day', title: '明天（2025年6月26日）是主题党日', detail: null, link: '/pages/meetings/index', dueDate: '2025-06-26', createdAt: 'x' },
      { id: 'td_2', topic: 'dues', title: '今天是党费收缴日（6月）', detail: null, link: null, dueDate: '2025-06-26', createdAt: 'x' },
    ]
    api = installFakeApi(({ action, input }) => (action === 'listTodos' ? ok({ todos }) : ok({ id: (input as { todoId: string }).todoId, done: true })))
    const { result } = renderHook(() => useTodos())
    await waitFor(() => expect(result.current.data?.todos).toHaveLength(2))
    await act(async () => {
      await result.current.done.run('td_1')
    })
    expect(api.calls.at(-1)).toEqual({ fn: 'reminders', action: 'doneTodo', input: { todoId: 'td_1' } })
    expect(result.current.data?.todos.map((t) => t.id)).toEqual(['td_2'])
  })
})

describe('useSubscribeAsk (another feature’s natural tap)', () => {
  test('asks only for the wanted templates the member has no accept for, and never throws', async () => {
    let broken = false
    api = installFakeApi(({ action, input }) => {
      if (action === 'templates') return ok({ templates: [tmpl('themeDay', 0), tmpl('meeting', 0), tmpl('dues', 2), tmpl('task', 0)] })
      if (broken) return fail('INTERNAL', '系统繁忙，请稍后再试')
      return ok({ accepted: (input as { accepted: string[] }).accepted })
    })
    const { result } = renderHook(() => useSubscribeAsk(['meeting', 'dues']))
    await waitFor(() => expect(api.calls.some((c) => c.action === 'templates')).toBe(true))
    let accepted: string[] = []
    await waitFor(async () => {
      accepted = await result.current()
      expect(accepted).toEqual(['meeting'])
    })
    expect(api.calls.at(-1)).toEqual({ fn: 'reminders', action: 'subscribed', input: { accepted: ['meeting'] } })
    broken = true
    await act(async () => {
      accepted = await result.current()
    })
    expect(accepted).toEqual([])
  })
})
