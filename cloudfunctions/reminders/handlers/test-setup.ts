/**
 * Shared setup of the reminders tests (`handlers/*.test.ts`, `timer.test.ts`): the fake WeChat behind the
 * backend's open-API hook (`subscribeMessage.send` answered by the file's `answer`, successes kept in its outbox),
 * the demo callers' openids, and the helpers each file binds to its own test cloud — a call, a counted call, a timer
 * tick at a Beijing wall-clock instant, the stored accepts / to-dos / send log, banking accepts. Each test file
 * starts its own cloud with `remindersCloud(AT)`, which registers the jest hooks and returns the helpers.
 */
import { SEED_PARTS } from '../../../local/seed'
import { remindersSeed } from '../../../local/seed/reminders'
import { DEMO, clock, devOpenid, ok, startTestCloud, type TestCloud } from '../../../tests/support/cloud'
import { lateCloud } from '../../../tests/support/late-cloud'
import { createStore } from '../../_kit/store'
import { TEMPLATE_ENV } from '../../_kit/reminder-config'

export const formal = devOpenid(DEMO.m.formal)
export const sec = devOpenid(DEMO.m.secretary)
export const deputy = devOpenid(DEMO.m.deputy)

/** One message the fake WeChat accepted. */
export interface Sent {
  touser: string
  template_id: string
  page: string
  data: Record<string, { value: string }>
  miniprogram_state: string
}
/** The fake WeChat's default answer: ok. */
export const OK_ANSWER = (): Record<string, unknown> => ({ errcode: 0, errmsg: 'ok', msgid: 1 })

/** The open-API hook: `subscribeMessage.send` answered by `answer()`, each success handed to `sent`. */
export const fakeWeChat =
  (answer: () => (p: Sent) => Record<string, unknown>, sent: (p: Sent) => void) =>
  async (api: string, payload: unknown): Promise<Record<string, unknown>> => {
    if (api !== 'subscribeMessage.send') return { errcode: 40001, errmsg: 'unexpected api' }
    const p = payload as Sent
    const a = answer()(p)
    if (a.errcode === 0) sent(p)
    return a
  }

// The demo branch's 主题党日 rule is the 26th (moved off holidays); June 2025: Thursday the 26th.
export const THEME_DAY = '2025-06-26'

/** The reminders helpers bound to the file's test cloud (read through `cloud()`: it is started in `beforeAll`). */
export const remindersHelpers = (cloud: () => TestCloud) => {
  const call = (action: string, input: unknown, openid: string | null) => cloud().call('reminders', action, input, openid)

  const counted = (action: string, input: unknown, openid: string) => cloud().counted('reminders', action, input, openid)

  /** Runs the timer at a Beijing wall-clock instant, as the platform would. */
  const tick = async (beijing: string) => {
    clock.set(`${beijing}+08:00`)
    const r = await cloud().raw('reminders', { Type: 'Timer', TriggerName: 'tick', Time: clock.now().toISOString() }, null)
    return ok(r)
  }

  const subs = (id: string) =>
    cloud().db.dump('reminder_subs').find((s) => s._id === id) as { quota: Record<string, number>; off: string[]; lastPushDate: string | null } | undefined
  const todos = (memberId: string) =>
    cloud().db.dump('todos').filter((t) => t.recipientId === memberId) as { _id: string; topic: string; subject: string; title: string; done: boolean }[]
  const logs = () => cloud().db.dump('reminder_log') as { _id: string; recipientId: string; status: string; reason: string | null; topic: string; runId: string }[]
  const setQuota = async (memberId: string, quota: Partial<Record<string, number>>, extra: Record<string, unknown> = {}) => {
    const existing = subs(memberId)
    const doc = { _id: memberId, openid: devOpenid(memberId), memberId, quota: { themeDay: 0, meeting: 0, dues: 0, task: 0, ...quota }, off: [], lastPushDate: null, createdAt: 'x', updatedAt: 'x', ...extra }
    if (existing) await createStore().set('reminder_subs', memberId, doc as never)
    else await cloud().db.insertMany('reminder_subs', [doc])
  }

  return { call, counted, tick, subs, todos, logs, setQuota }
}

/**
 * Starts this file's test cloud at `at` (hooks registered here): the demo branch without the demo reminders (each
 * test banks the accepts it needs), the 主题党日 template configured, the fake WeChat installed, the cloud reset and
 * the outbox emptied before each test, the clock put back after it. Returns the helpers bound to it, the outbox
 * (one array, emptied in place) and `setAnswer` for what the fake WeChat answers (back to ok before each test).
 */
export function remindersCloud(at: string) {
  let cloud!: TestCloud
  const outbox: Sent[] = []
  let answer: (p: Sent) => Record<string, unknown> = OK_ANSWER
  beforeAll(async () => {
    process.env[TEMPLATE_ENV.themeDay] = 'TMPL-THEME-DAY-1'
    // The seed is made at `at`; each test then moves the clock to the June 2025 days it is about.
    cloud = await startTestCloud({ at, parts: SEED_PARTS.filter((p) => p !== remindersSeed) })
    cloud.db.onOpenApi = fakeWeChat(() => answer, (p) => outbox.push(p))
  })
  afterAll(async () => {
    delete process.env[TEMPLATE_ENV.themeDay]
    await cloud.close()
  })
  beforeEach(async () => {
    await cloud.reset()
    outbox.length = 0
    answer = OK_ANSWER
  })
  afterEach(() => clock.reset())
  return {
    cloud: lateCloud(() => cloud),
    outbox,
    setAnswer: (a: (p: Sent) => Record<string, unknown>) => {
      answer = a
    },
    ...remindersHelpers(() => cloud),
  }
}
