/**
 * reminders.settings and the accepts / switches behind it (subscribed, templates, setTopic): the branch topics and the
 * 书记's extra ones, accepts adding up under a race, accepts of an earlier WeChat identity, switching topics, unbound
 * users. Each test reseeds the demo branch.
 */
import { DEMO, errCode, ok } from '../../../tests/support/cloud'
import { formal, sec, remindersCloud } from './test-setup'

// Each test reseeds the demo branch and runs several timer ticks: generous on a busy machine.
jest.setTimeout(30_000)

const AT = '2026-11-20T02:00:00.000Z'
const { cloud, call, counted, subs, setQuota } = remindersCloud(AT)

describe('accepts, switches and settings', () => {
  test('a member sees the branch topics and no accepts yet; 2 requests', async () => {
    const { reply, requests } = await counted('settings', {}, formal)
    const s = ok(reply)
    expect(s.topics.map((t: { topic: string }) => t.topic)).toEqual(['theme-day', 'meeting', 'dues', 'points', 'evaluation'])
    expect(s.topics.find((t: { topic: string }) => t.topic === 'meeting')).toMatchObject({ enabled: true, locked: true })
    expect(s.templates).toEqual([
      { key: 'themeDay', id: 'TMPL-THEME-DAY-1', title: '主题党日提醒', remaining: 0, used: true },
      { key: 'meeting', id: 'LOCAL_TMPL_meeting', title: '会议提醒', remaining: 0, used: true },
      { key: 'dues', id: 'LOCAL_TMPL_dues', title: '党费交纳提醒', remaining: 0, used: true },
      { key: 'task', id: 'LOCAL_TMPL_task', title: '待办事项提醒', remaining: 0, used: true },
    ])
    expect(s.dailyLimit).toBe(1)
    expect(requests).toBeLessThanOrEqual(2)
    expect((await counted('templates', {}, formal)).requests).toBeLessThanOrEqual(2)
    ok(await call('setTopic', { topic: 'points', enabled: false }, formal))
    expect((await counted('setTopic', { topic: 'points', enabled: true }, formal)).requests).toBeLessThanOrEqual(2)
  })

  test('the 书记 also hears of 政治生日, 换届 and 谈心谈话; the 上级 admin only of 换届', async () => {
    const s = ok(await call('settings', {}, sec))
    expect(s.topics.map((t: { topic: string }) => t.topic)).toEqual(['theme-day', 'meeting', 'dues', 'points', 'evaluation', 'political-birthday', 'reelection', 'talks'])
    expect(s.topics.every((t: { available: boolean }) => t.available)).toBe(true)
    const a = ok(await call('settings', {}, DEMO.adminOpenid))
    expect(a.topics.map((t: { topic: string }) => t.topic)).toEqual(['reelection'])
    expect(a.templates.map((t: { key: string }) => t.key)).toEqual(['task'])
  })

  test('accepts add up exactly, also when reported concurrently the very first time', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => call('subscribed', { accepted: ['themeDay', 'dues'] }, formal)))
    expect(results.every((r) => r.ok)).toBe(true)
    expect(subs(DEMO.m.formal)?.quota).toEqual({ themeDay: 6, meeting: 0, dues: 6, task: 0 })
    const { reply, requests } = await counted('subscribed', { accepted: ['meeting'] }, formal)
    expect(ok(reply)).toEqual({ accepted: ['meeting'] })
    expect(requests).toBeLessThanOrEqual(2)
    const t = ok(await call('templates', {}, formal)).templates
    expect(t.map((x: { key: string; remaining: number }) => [x.key, x.remaining])).toEqual([['themeDay', 6], ['meeting', 1], ['dues', 6], ['task', 0]])
  })

  test('accepts made under an earlier WeChat identity do not count after rebinding', async () => {
    await setQuota(DEMO.m.formal, { themeDay: 4 }, { openid: 'dev_old_phone' })
    expect(ok(await call('templates', {}, formal)).templates[0].remaining).toBe(0)
    ok(await call('subscribed', { accepted: ['themeDay'] }, formal))
    expect(subs(DEMO.m.formal)).toMatchObject({ openid: formal, quota: { themeDay: 1, meeting: 0, dues: 0, task: 0 } })
  })

  test('switching a topic off and on; meeting reminders cannot be switched off (nothing written)', async () => {
    expect(ok(await call('setTopic', { topic: 'dues', enabled: false }, formal))).toEqual({ topic: 'dues', enabled: false })
    ok(await call('setTopic', { topic: 'dues', enabled: false }, formal))
    ok(await call('setTopic', { topic: 'points', enabled: false }, formal))
    expect(subs(DEMO.m.formal)?.off).toEqual(['dues', 'points'])
    ok(await call('setTopic', { topic: 'dues', enabled: true }, formal))
    expect(subs(DEMO.m.formal)?.off).toEqual(['points'])
    const s = ok(await call('settings', {}, formal))
    expect(s.topics.filter((t: { enabled: boolean }) => !t.enabled).map((t: { topic: string }) => t.topic)).toEqual(['points'])

    const before = cloud.snapshot()
    const r = await call('setTopic', { topic: 'meeting', enabled: false }, formal)
    expect(errCode(r)).toBe('RULE_VIOLATED')
    expect(r.ok ? '' : r.error.message).toBe('您应到会议的提醒不能关闭')
    expect(cloud.snapshot()).toEqual(before)
  })

  test('an unbound WeChat user cannot use reminders', async () => {
    expect(errCode(await call('settings', {}, 'dev_stranger'))).toBe('UNAUTHENTICATED')
    expect(errCode(await call('subscribed', { accepted: ['themeDay'] }, null))).toBe('UNAUTHENTICATED')
  })
})
