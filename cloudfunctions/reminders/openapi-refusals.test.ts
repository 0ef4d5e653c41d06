/**
 * Sends refused for a cause on our side keep the member's accept: the reminders timer
 * through the real wx-server-sdk against the local WeChat (`local/host/wechat.ts`). A function deployed
 * without `permissions.openapi` (-604101) or a template id WeChat does not know (40037) ends the send as
 * `failed` with that code — not `unconfirmed` — and gives the accept back (WeChat never spent its own);
 * a later send with the cause fixed goes out. Busy answers stay retries.
 */
import { SEED_PARTS } from '../../local/seed'
import { remindersSeed } from '../../local/seed/reminders'
import { createLocalWechat, type LocalWechat } from '../../local/host/wechat'
import { DEMO, clock, devOpenid, ok, startTestCloud, type TestCloud } from '../../tests/support/cloud'
import { classifySendError } from '../_kit/notifier'
import { TEMPLATE_ENV, templateConfigs } from '../_kit/reminder-config'
import { themeDayOf } from '../../shared/src/rules/theme-day'
import { addDays } from '../../shared/src/rules/time'

jest.setTimeout(30_000)

const AT = '2026-11-20T02:00:00.000Z'
const formal = devOpenid(DEMO.m.formal)
let cloud: TestCloud
let wechat: LocalWechat
let permitted: string[]

beforeAll(async () => {
  cloud = await startTestCloud({ at: AT, parts: SEED_PARTS.filter((p) => p !== remindersSeed) })
})
afterAll(() => cloud.close())
beforeEach(async () => {
  await cloud.reset()
  permitted = []
  // The mini-program's templates: the ids configured now (a test may then point the function at another).
  const ids = Object.values(templateConfigs()).map((c) => c.id)
  wechat = createLocalWechat({ permissions: () => permitted, templateIds: () => ids })
  cloud.db.onOpenApi = (api, payload, caller) => wechat.answer(api, payload, caller)
})
afterEach(() => {
  clock.reset()
  delete process.env[TEMPLATE_ENV.themeDay]
})

/** 吴刚 accepts 主题党日 reminders in WeChat and the app records it, as on a phone. */
const subscribe = async () => {
  const reply = await cloud.call('reminders', 'subscribed', { accepted: ['themeDay'] }, formal)
  ok(reply)
  wechat.observe('reminders', 'subscribed', formal, reply)
}
const tick = async (beijing: string) => {
  clock.set(`${beijing}+08:00`)
  return ok(await cloud.raw('reminders', { Type: 'Timer', TriggerName: 'tick', Time: clock.now().toISOString() }, null))
}
const quota = () => (cloud.db.dump('reminder_subs').find((s) => s._id === DEMO.m.formal) as { quota: { themeDay: number } }).quota.themeDay
const logOf = (day: string) => cloud.db.dump('reminder_log').find((l) => l.recipientId === DEMO.m.formal && String(l.eventKey).endsWith(day)) as { status: string; reason: string } | undefined

// The demo branch's 主题党日: the 26th, moved off holidays (26 June 2025 is a Thursday).
test('-604101 (no permissions.openapi deployed): failed with the code, the accept kept; once deployed the next one goes', async () => {
  await subscribe()
  expect(wechat.remaining(formal, 'LOCAL_TMPL_themeDay')).toBe(1)
  const first = await tick('2025-06-25T18:00')
  expect(first).toMatchObject({ sent: 0, failed: 1, unconfirmed: 0, retry: 0 })
  expect(logOf('2025-06-26')).toMatchObject({ status: 'failed', reason: '-604101' })
  expect(quota()).toBe(1)
  expect(wechat.remaining(formal, 'LOCAL_TMPL_themeDay')).toBe(1)
  // No retry of that occurrence: the cause is ours.
  expect((await tick('2025-06-25T18:30')).sent).toBe(0)

  permitted = ['subscribeMessage.send']
  const july = themeDayOf({ kind: 'day-of-month', day: 26, shiftIfHoliday: true }, '2025-07')
  expect(await tick(`${addDays(july, -1)}T18:00`)).toMatchObject({ sent: 1, failed: 0 })
  expect(logOf(july)).toMatchObject({ status: 'sent' })
  expect(quota()).toBe(0)
  expect(wechat.remaining(formal, 'LOCAL_TMPL_themeDay')).toBe(0)
})

test('40037 (a template id the mini-program does not have): failed with the code, the accept kept', async () => {
  permitted = ['subscribeMessage.send']
  await subscribe()
  process.env[TEMPLATE_ENV.themeDay] = 'TMPL_NOT_IN_THIS_APP_1'
  expect(await tick('2025-06-25T18:00')).toMatchObject({ sent: 0, failed: 1, unconfirmed: 0 })
  expect(logOf('2025-06-26')).toMatchObject({ status: 'failed', reason: '40037' })
  expect(quota()).toBe(1)
})

test('classification: our causes are rejections, busy is a retry, a timeout is unknown', () => {
  expect(classifySendError({ errCode: -604101, errMsg: 'function has no permission to call this API' })).toMatchObject({ status: 'rejected', code: -604101 })
  expect(classifySendError({ errCode: 40037 })).toMatchObject({ status: 'rejected' })
  expect(classifySendError({ errCode: 47003 })).toMatchObject({ status: 'rejected' })
  expect(classifySendError({ errCode: 43101 })).toMatchObject({ status: 'refused' })
  expect(classifySendError({ errCode: -1 })).toMatchObject({ status: 'retry' })
  expect(classifySendError(new Error('subscribeMessage.send timed out'))).toMatchObject({ status: 'unknown' })
})
