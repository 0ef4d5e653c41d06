/**
 * A timer event is honoured only from a real trigger (an invocation with no WeChat
 * caller). The same `{ Type: 'Timer' }` body from a signed-in user — `POST /api/<fn>` or a mini-program
 * `callFunction` — answers INVALID_INPUT and runs nothing.
 */
import { DEMO, devOpenid, errCode, ok, startTestCloud, type TestCloud } from '../../tests/support/cloud'

const AT = '2026-11-20T02:00:00.000Z'
let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ at: AT })
})
afterAll(() => cloud.close())

const TIMERS = [
  { fn: 'reminders', trigger: 'tick' },
  { fn: 'points', trigger: 'consume-events' },
  { fn: 'dues', trigger: 'dues-daily' },
]
const CALLERS = [
  ['a plain member', devOpenid(DEMO.m.formal)],
  ['the 书记', devOpenid(DEMO.m.secretary)],
  ['the 上级 admin', DEMO.adminOpenid],
  ['an unbound WeChat user', 'dev_stranger'],
] as const

describe.each(TIMERS)('$fn timer "$trigger"', ({ fn, trigger }) => {
  test.each(CALLERS)('from %s: INVALID_INPUT, nothing written', async (_label, openid) => {
    const before = cloud.snapshot([])
    const r = await cloud.raw(fn, { Type: 'Timer', TriggerName: trigger, Time: AT, Message: '' }, openid)
    expect(errCode(r)).toBe('INVALID_INPUT')
    // A timer event wrapped in an action body is refused the same way.
    expect(errCode(await cloud.raw(fn, { Type: 'Timer', TriggerName: trigger, action: 'health' }, openid))).toBe('INVALID_INPUT')
    expect(cloud.snapshot([])).toEqual(before)
  })
})

test('a real trigger (no caller in the context) still runs', async () => {
  for (const { fn, trigger } of TIMERS) {
    const r = await cloud.raw(fn, { Type: 'Timer', TriggerName: trigger, Time: AT, Message: '' }, null)
    ok(r)
  }
})
