/**
 * The reminders function through the real SDKs on the local backend: accepts and switches, the to-do
 * list, and the timer — sending through the real `wx-server-sdk` to a fake WeChat (the backend's open-API
 * hook), with the one-a-day limit, 43101 and retries, meetings, 政治生日, 换届 and scheduled reminders.
 */
import { SEED_PARTS } from '../../local/seed'
import { remindersSeed } from '../../local/seed/reminders'
import { DEMO, clock, devOpenid, errCode, ok, startTestCloud, type TestCloud } from '../../tests/support/cloud'
import { todoId } from '../_kit/todos'
import { scheduleReminder } from '../_kit/reminder-feed'
import { emitEvent } from '../_kit/events'
import { createStore } from '../_kit/store'
import { TEMPLATE_ENV } from '../_kit/reminder-config'

// Each test reseeds the demo branch and runs several timer ticks: generous on a busy machine.
jest.setTimeout(30_000)

let cloud: TestCloud
const formal = devOpenid(DEMO.m.formal)
const sec = devOpenid(DEMO.m.secretary)
const deputy = devOpenid(DEMO.m.deputy)

interface Sent {
  touser: string
  template_id: string
  page: string
  data: Record<string, { value: string }>
  miniprogram_state: string
}
const AT = '2026-11-20T02:00:00.000Z'
let outbox: Sent[] = []
/** What the fake WeChat answers per openid (default: ok). */
let answer: (p: Sent) => Record<string, unknown> = () => ({ errcode: 0, errmsg: 'ok', msgid: 1 })

beforeAll(async () => {
  process.env[TEMPLATE_ENV.themeDay] = 'TMPL-THEME-DAY-1'
  // The demo branch without the demo reminders: each test banks the accepts it needs.
  // The seed is made at AT; each test then moves the clock to the June 2025 days it is about.
  cloud = await startTestCloud({ at: AT, parts: SEED_PARTS.filter((p) => p !== remindersSeed) })
  cloud.db.onOpenApi = async (api, payload) => {
    if (api !== 'subscribeMessage.send') return { errcode: 40001, errmsg: 'unexpected api' }
    const p = payload as Sent
    const a = answer(p)
    if (a.errcode === 0) outbox.push(p)
    return a
  }
})
afterAll(async () => {
  delete process.env[TEMPLATE_ENV.themeDay]
  await cloud.close()
})
beforeEach(async () => {
  await cloud.reset()
  outbox = []
  answer = () => ({ errcode: 0, errmsg: 'ok', msgid: 1 })
})
afterEach(() => clock.reset())

const call = (action: string, input: unknown, openid: string | null) => cloud.call('reminders', action, input, openid)

const counted = (action: string, input: unknown, openid: string) => cloud.counted('reminders', action, input, openid)

/** Runs the timer at a Beijing wall-clock instant, as the platform would. */
const tick = async (beijing: string) => {
  clock.set(`${beijing}+08:00`)
  const r = await cloud.raw('reminders', { Type: 'Timer', TriggerName: 'tick', Time: clock.now().toISOString() }, null)
  return ok(r)
}

const subs = (id: string) => cloud.db.dump('reminder_subs').find((s) => s._id === id) as { quota: Record<string, number>; off: string[]; lastPushDate: string | null } | undefined
const todos = (memberId: string) => cloud.db.dump('todos').filter((t) => t.recipientId === memberId) as { _id: string; topic: string; subject: string; title: string; done: boolean }[]
const logs = () => cloud.db.dump('reminder_log') as { _id: string; recipientId: string; status: string; reason: string | null; topic: string; runId: string }[]
const sentTo = (memberId: string) => outbox.filter((m) => m.touser === devOpenid(memberId))
const setQuota = async (memberId: string, quota: Partial<Record<string, number>>, extra: Record<string, unknown> = {}) => {
  const existing = subs(memberId)
  const doc = { _id: memberId, openid: devOpenid(memberId), memberId, quota: { themeDay: 0, meeting: 0, dues: 0, task: 0, ...quota }, off: [], lastPushDate: null, createdAt: 'x', updatedAt: 'x', ...extra }
  if (existing) await createStore().set('reminder_subs', memberId, doc as never)
  else await cloud.db.insertMany('reminder_subs', [doc])
}

// The demo branch's 主题党日 rule is the 26th (moved off holidays); June 2025: Thursday the 26th.
const THEME_DAY = '2025-06-26'

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

describe('to-do list', () => {
  test('my open to-dos in 2 requests; ticking off my own, never someone else’s', async () => {
    await tick('2025-06-25T18:00')
    const { reply, requests } = await counted('listTodos', {}, formal)
    expect(requests).toBeLessThanOrEqual(2)
    const list = ok(reply).todos
    expect(list).toEqual([
      expect.objectContaining({ id: todoId('theme-day', THEME_DAY, DEMO.m.formal), topic: 'theme-day', title: '明天（2025年6月26日）是主题党日', link: '/pages/meetings/index', dueDate: THEME_DAY }),
    ])
    const id = list[0].id
    const before = cloud.snapshot()
    expect(errCode(await call('doneTodo', { todoId: id }, deputy))).toBe('NOT_FOUND')
    expect(errCode(await call('doneTodo', { todoId: 'td_nothing' }, formal))).toBe('NOT_FOUND')
    expect(cloud.snapshot()).toEqual(before)
    expect(ok(await call('doneTodo', { todoId: id }, formal))).toEqual({ id, done: true })
    expect(ok(await call('doneTodo', { todoId: id }, formal))).toEqual({ id, done: true })
    expect(ok(await call('listTodos', {}, formal)).todos).toEqual([])
  })

  test('done when acted on: signing in at the 主题党日 closes its to-do', async () => {
    await tick('2025-06-25T18:00')
    clock.set('2025-06-26T14:35+08:00')
    await emitEvent(
      createStore(),
      { type: 'attendance.present', sourceId: `mt_x_${DEMO.m.formal}`, branchId: DEMO.branch, memberId: DEMO.m.formal, occurredAt: clock.now().toISOString(), data: { meetingId: 'mt_x', kind: 'theme-day', via: 'scan' } },
      clock.now(),
    )
    await tick('2025-06-26T14:40')
    // (The dues day, the same day at 09:00, is still open.)
    expect(ok(await call('listTodos', {}, formal)).todos.map((t: { topic: string }) => t.topic)).toEqual(['dues'])
    expect(ok(await call('listTodos', {}, deputy)).todos.map((t: { topic: string }) => t.topic)).toContain('theme-day')
  })

  test('a to-do stops showing after its day', async () => {
    await tick('2025-06-25T18:00')
    clock.set('2025-06-27T09:00+08:00')
    expect(ok(await call('listTodos', {}, formal)).todos).toEqual([])
  })
})

describe('the timer', () => {
  test('T−1 18:00: the 主题党日 message to every member with an accept, right fields, once; to-dos for all', async () => {
    await setQuota(DEMO.m.formal, { themeDay: 2 })
    await setQuota(DEMO.m.secretary, { themeDay: 1, task: 1 })
    await setQuota(DEMO.m.mobile, { themeDay: 1 }, { off: ['dues'] })
    // Before 18:00 the 主题党日 is not due yet.
    await tick('2025-06-25T17:50')
    expect(logs().filter((l) => l.topic === 'theme-day')).toEqual([])
    // The 书记's 政治生日 reminders (due since 09:00) wait: the 主题党日 comes at 18:00.
    expect(sentTo(DEMO.m.secretary)).toEqual([])
    const withQuota = cloud.db.dump('reminder_subs').filter((s) => (s.quota as { themeDay: number }).themeDay > 0).length
    const r = await tick('2025-06-25T18:00')
    // All 30 members of 第一党支部 are due (the unbound one gets a to-do but no message); one push each.
    expect(logs().filter((l) => l.topic === 'theme-day' && l._id.startsWith(DEMO.branch))).toHaveLength(30)
    expect(withQuota).toBe(3)
    expect(r.sent).toBe(withQuota)
    expect(sentTo(DEMO.m.secretary).map((m) => m.template_id)).toEqual(['TMPL-THEME-DAY-1'])
    // …and the 政治生日 ones, having lost the day's push, wait for tomorrow 09:00 if still valid by then.
    const birthdays = logs().filter((l) => l.topic === 'political-birthday' && l.recipientId === DEMO.m.secretary) as unknown as { status: string; reason: string; nextAt: string | null; expiresAt: string }[]
    expect(birthdays.length).toBeGreaterThan(0)
    for (const b of birthdays) {
      expect(b.reason).toBe('daily-limit')
      if (b.expiresAt > '2025-06-26T01:00:00.000Z') expect([b.status, b.nextAt]).toEqual(['retry', '2025-06-26T01:00:00.000Z'])
      else expect(b.status).toBe('skipped')
    }
    const m = sentTo(DEMO.m.formal)
    expect(m).toEqual([
      {
        touser: formal,
        template_id: 'TMPL-THEME-DAY-1',
        page: 'pages/index/index',
        data: {
          thing1: { value: expect.stringMatching(/^主题党日/) },
          date2: { value: expect.stringMatching(/^2025年6月26日/) },
          thing3: { value: expect.any(String) },
          thing4: { value: '明天是主题党日，请按时参加' },
        },
        miniprogram_state: 'formal',
      },
    ])
    expect(subs(DEMO.m.formal)).toMatchObject({ quota: { themeDay: 1 }, lastPushDate: '2025-06-25' })
    expect(todos(DEMO.m.unbound)).toHaveLength(1)
    expect(logs().find((l) => l.recipientId === DEMO.m.unbound)).toMatchObject({ status: 'skipped', reason: 'no-openid' })

    // Ten minutes later, and a rerun at the same instant: nothing is sent twice.
    const again = await tick('2025-06-25T18:10')
    expect(again.sent).toBe(0)
    expect(again.done + again.waiting).toBe(r.due)
    expect(sentTo(DEMO.m.formal)).toHaveLength(1)
  })

  test('quota 0: no WeChat message, only the to-do; quota 2: at most 2 whatever happens', async () => {
    await setQuota(DEMO.m.formal, { themeDay: 0 })
    await setQuota(DEMO.m.deputy, { themeDay: 2 })
    // June 26 and August 26 2025 are weekdays (July 26 is a Saturday: that 主题党日 moves to the 28th).
    for (const at of ['2025-06-25T18:00', '2025-06-25T23:00', '2025-06-26T08:00', '2025-06-26T12:00', '2025-08-25T18:00', '2025-08-26T08:00']) await tick(at)
    expect(sentTo(DEMO.m.formal)).toEqual([])
    expect(todos(DEMO.m.formal).filter((t) => t.topic === 'theme-day').map((t) => t.subject).sort()).toEqual(['2025-06-26', '2025-08-26'])
    expect(logs().filter((l) => l.recipientId === DEMO.m.formal).map((l) => l.reason)).toEqual(['no-quota', 'no-quota', 'no-quota', 'no-quota', 'no-quota'])
    expect(sentTo(DEMO.m.deputy)).toHaveLength(2)
    expect(subs(DEMO.m.deputy)?.quota.themeDay).toBe(0)
  })

  test('one push a day: the 主题党日 goes first, the dues day the same morning stays a to-do', async () => {
    await setQuota(DEMO.m.formal, { themeDay: 3, dues: 3 })
    // The demo branch collects dues on the 26th too (09:00) — the same day as the 主题党日 (08:00).
    await tick('2025-06-26T09:00')
    expect(sentTo(DEMO.m.formal).map((m) => m.template_id)).toEqual(['TMPL-THEME-DAY-1'])
    expect(logs().filter((l) => l.recipientId === DEMO.m.formal).map((l) => [l.topic, l.status, l.reason]).sort()).toEqual([
      ['dues', 'skipped', 'daily-limit'],
      ['theme-day', 'sent', null],
    ])
    expect(todos(DEMO.m.formal).map((t) => t.topic).sort()).toEqual(['dues', 'theme-day'])
    expect(subs(DEMO.m.formal)?.quota).toMatchObject({ themeDay: 2, dues: 3 })
  })

  test('a switched-off topic is not pushed (the to-do still comes)', async () => {
    await setQuota(DEMO.m.formal, { themeDay: 3 }, { off: ['theme-day'] })
    await tick('2025-06-25T18:00')
    expect(sentTo(DEMO.m.formal)).toEqual([])
    expect(todos(DEMO.m.formal)).toHaveLength(1)
    expect(logs().find((l) => l.recipientId === DEMO.m.formal)).toMatchObject({ status: 'skipped', reason: 'off' })
  })

  test('43101 sets the count to 0 and keeps the to-do; "busy" is retried on a later tick; bad data fails for good', async () => {
    await setQuota(DEMO.m.formal, { themeDay: 5 })
    await setQuota(DEMO.m.deputy, { themeDay: 5 })
    await setQuota(DEMO.m.organizer, { themeDay: 5 })
    let busy = 2
    answer = (p) => {
      if (p.touser === formal) return { errcode: 43101, errmsg: 'user refuse to accept the msg' }
      if (p.touser === deputy && busy-- > 0) return { errcode: -1, errmsg: 'system error' }
      if (p.touser === devOpenid(DEMO.m.organizer)) return { errcode: 47003, errmsg: 'argument invalid! data.thing1.value' }
      return { errcode: 0, errmsg: 'ok' }
    }
    const first = await tick('2025-06-25T18:00')
    expect(first).toMatchObject({ refused: 1, retry: 1, failed: 1 })
    expect(subs(DEMO.m.formal)).toMatchObject({ quota: { themeDay: 0 }, lastPushDate: null })
    expect(subs(DEMO.m.deputy)).toMatchObject({ quota: { themeDay: 5 }, lastPushDate: null }) // given back
    expect(subs(DEMO.m.organizer)?.quota.themeDay).toBe(5)
    expect(todos(DEMO.m.formal)).toHaveLength(1)
    // The retry waits for its time (10 min), then WeChat is busy once more, then it goes through.
    expect((await tick('2025-06-25T18:05')).retry).toBe(0)
    expect((await tick('2025-06-25T18:10')).retry).toBe(1)
    const third = await tick('2025-06-25T18:30')
    expect(third.sent).toBe(1)
    expect(sentTo(DEMO.m.deputy)).toHaveLength(1)
    expect(subs(DEMO.m.deputy)?.quota.themeDay).toBe(4)
    expect(logs().find((l) => l.recipientId === DEMO.m.organizer)).toMatchObject({ status: 'failed', reason: '47003' })
  })

  test('meetings 2 h ahead go to those 应到, even if they used the day’s push or switched things off', async () => {
    await setQuota(DEMO.m.formal, { themeDay: 1, meeting: 1 }, { off: ['theme-day'] })
    const startsAt = '2025-06-26T06:30:00.000Z' // 14:30 Beijing
    await cloud.db.insertMany('meetings', [
      {
        _id: 'mt_test_1',
        branchId: DEMO.branch,
        kind: 'group',
        topic: '第一党小组学习会',
        date: THEME_DAY,
        time: '14:30',
        startsAt,
        place: '社区党员活动室',
        status: 'planned',
        rosterIds: [DEMO.m.formal, DEMO.m.deputy, DEMO.m.leader1],
        leaveIds: [DEMO.m.leader1],
      },
    ])
    await setQuota(DEMO.m.leader1, { meeting: 1 })
    await setQuota(DEMO.m.deputy, { themeDay: 1, meeting: 1 })
    await tick('2025-06-26T08:00')
    expect(sentTo(DEMO.m.deputy)).toHaveLength(1) // 主题党日: the day's push
    const r = await tick('2025-06-26T12:30')
    expect(r.sent).toBe(2)
    expect(sentTo(DEMO.m.deputy)).toHaveLength(2)
    expect(sentTo(DEMO.m.formal)).toEqual([
      expect.objectContaining({
        template_id: 'LOCAL_TMPL_meeting',
        data: { thing1: { value: '第一党小组学习会' }, time2: { value: '2025年6月26日 14:30' }, thing3: { value: '社区党员活动室' }, thing4: { value: '会议将于2小时内开始，请准时参加' } },
      }),
    ])
    expect(sentTo(DEMO.m.leader1)).toEqual([]) // on approved leave
  })

  test('政治生日 to the 书记 7 days ahead; 换届 to the 书记 and the 上级 admin', async () => {
    await setQuota(DEMO.m.secretary, { task: 5 })
    await setQuota('u-dev_admin', { task: 5 }, { openid: DEMO.adminOpenid, memberId: null })
    // 吴刚 joined on 2016-07-01: the 书记 hears on 2025-06-24.
    await tick('2025-06-24T09:00')
    const birthday = todos(DEMO.m.secretary).find((t) => t.topic === 'political-birthday' && t.subject.startsWith(DEMO.m.formal))
    expect(birthday?.title).toBe('吴刚2025年7月1日入党9周年（政治生日）')
    expect(sentTo(DEMO.m.secretary).length).toBe(1)
    // The term of 第一党支部 ends 2027-03-14; 湖南 profile: reminders 3 and 2 months ahead.
    await tick('2026-12-14T09:00')
    expect(todos(DEMO.m.secretary).some((t) => t.topic === 'reelection')).toBe(true)
    expect(todos('u-dev_admin').map((t) => t.title)).toEqual(['示范社区第一党支部：支部委员会任期2027年3月14日届满：任期届满前3个月，上级党组织书面发函提醒'])
    expect(outbox.filter((m) => m.touser === DEMO.adminOpenid)).toHaveLength(1)
  })

  test('积分 申报 two days before the deadline; 民主评议 when voting opens, to its voters', async () => {
    const store = createStore()
    const head = await store.get('points_branches', DEMO.branch)
    if (head) await store.update('points_branches', DEMO.branch, { 'current.scheme.declareDeadlineDay': 5 })
    else await cloud.db.insertMany('points_branches', [{ _id: DEMO.branch, branchId: DEMO.branch, current: { scheme: { declareDeadlineDay: 5 } } }])
    await cloud.db.insertMany('eval_rounds', [
      { _id: 'ev_test_2025', branchId: DEMO.branch, year: 2025, seq: 1, title: '2025年度民主评议党员', status: 'open', votingFrom: '2025-06-03', votingTo: '2025-06-09', voterIds: [DEMO.m.formal, DEMO.m.deputy] },
    ])
    await tick('2025-06-03T09:00')
    expect(todos(DEMO.m.formal).map((t) => [t.topic, t.title]).sort()).toEqual([
      ['evaluation', '2025年度民主评议党员：请在2025年6月9日前投票'],
      ['points', '5月积分申报2025年6月5日截止'],
    ])
    expect(todos(DEMO.m.leader1).map((t) => t.topic)).toEqual(['points'])
  })

  test('谈心谈话: on the 1st of the month the 书记 hears what is still owed this period', async () => {
    await setQuota(DEMO.m.secretary, { task: 2 })
    await tick('2025-07-01T08:50')
    expect(todos(DEMO.m.secretary).filter((t) => t.topic === 'talks')).toEqual([])
    await tick('2025-07-01T09:00')
    const [t] = todos(DEMO.m.secretary).filter((x) => x.topic === 'talks')
    expect(t?.title).toMatch(/^谈心谈话还有\d+项未完成$/)
    expect(sentTo(DEMO.m.secretary).map((m) => m.data.thing1?.value)).toEqual(['谈心谈话提醒'])
    expect(todos(DEMO.m.formal).filter((x) => x.topic === 'talks')).toEqual([])
  })

  test('a reminder another domain scheduled goes out once, to the members it names', async () => {
    await setQuota(DEMO.m.formal, { dues: 2 })
    await scheduleReminder(
      createStore(),
      {
        eventKey: `dues-arrears:${DEMO.m.formal}:2025-06`,
        topic: 'dues',
        branchId: DEMO.branch,
        dueAt: '2025-06-20T01:00:00Z',
        expiresAt: '2025-06-23T01:00:00Z',
        audience: { kind: 'members', memberIds: [DEMO.m.formal], mandatory: false },
        todo: { subject: 'arrears:2025-06', title: '您已3个月未交纳党费', detail: null, link: null, dueDate: '2025-06-20', until: '9999-12-31' },
        message: { title: '党费欠交提醒', date: '2025-06-20', time: null, place: null, note: '您已3个月未交纳党费，请尽快补交' },
      },
      clock.now(),
    )
    await tick('2025-06-20T09:05')
    await tick('2025-06-20T09:15')
    expect(sentTo(DEMO.m.formal)).toEqual([expect.objectContaining({ template_id: 'LOCAL_TMPL_dues', data: { thing1: { value: '党费欠交提醒' }, date2: { value: '2025年6月20日' }, thing3: { value: '您已3个月未交纳党费，请尽快补交' } } })])
    expect(todos(DEMO.m.formal).map((t) => t.title)).toEqual(['您已3个月未交纳党费'])
  })
})
