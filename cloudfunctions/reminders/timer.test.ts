/**
 * The reminders timer (the `tick` trigger, not an action) sending through the real `wx-server-sdk` to a fake WeChat:
 * the T−1 主题党日 message, quotas, one push a day, switched-off topics, 43101 and retries, meetings 2 h ahead,
 * 政治生日, 换届, 积分 and 民主评议, 谈心谈话, and reminders other domains scheduled. Each test reseeds the demo branch.
 */
import { DEMO, clock, devOpenid } from '../../tests/support/cloud'
import { scheduleReminder } from '../_kit/reminder-feed'
import { createStore } from '../_kit/store'
import { THEME_DAY, deputy, formal, remindersCloud } from './handlers/test-setup'

// Each test reseeds the demo branch and runs several timer ticks: generous on a busy machine.
jest.setTimeout(30_000)

const AT = '2026-11-20T02:00:00.000Z'
const { cloud, outbox, setAnswer, tick, subs, todos, logs, setQuota } = remindersCloud(AT)
const sentTo = (memberId: string) => outbox.filter((m) => m.touser === devOpenid(memberId))

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
    setAnswer((p) => {
      if (p.touser === formal) return { errcode: 43101, errmsg: 'user refuse to accept the msg' }
      if (p.touser === deputy && busy-- > 0) return { errcode: -1, errmsg: 'system error' }
      if (p.touser === devOpenid(DEMO.m.organizer)) return { errcode: 47003, errmsg: 'argument invalid! data.thing1.value' }
      return { errcode: 0, errmsg: 'ok' }
    })
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
