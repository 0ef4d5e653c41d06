/**
 * The host's `POST /api/<fn>` is the mini-program's transport: a timer event sent over it is refused even
 * without a signed-in user (a real trigger never arrives this way), and nothing runs.
 */
import { DEMO, devOpenid, startTestCloud, type TestCloud } from '../../tests/support/cloud'
import { createHost } from './server'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ at: '2026-11-20T02:00:00.000Z' })
})
afterAll(() => cloud.close())

test.each([
  ['reminders', 'tick'],
  ['points', 'consume-events'],
  ['dues', 'dues-daily'],
])('a %s timer event over /api is INVALID_INPUT, signed in or not, and writes nothing', async (fn, trigger) => {
  const host = await createHost({ db: cloud.db, mode: 'source' })
  try {
    const base = await host.listen(0)
    const before = cloud.snapshot()
    for (const openid of [null, devOpenid(DEMO.m.formal)]) {
      const res = await fetch(`${base}/api/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(openid ? { 'x-zhibu-openid': openid } : {}) },
        body: JSON.stringify({ Type: 'Timer', TriggerName: trigger }),
      })
      expect(await res.json()).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '请求格式不正确' } })
    }
    expect(cloud.snapshot()).toEqual(before)
  } finally {
    await host.close()
  }
})
