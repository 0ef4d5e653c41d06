/**
 * The test cloud itself: it lives at the instant the test states (seed, functions and clock agree, whatever
 * the machine's date), `clock.reset()` returns to that timeline, and the typed caller answers the same
 * envelopes as the raw one through the app's own client.
 */
import { beijingDate } from '../../shared/src/rules/time'
import { DEMO, clock, devOpenid, errCode, okData, startTestCloud, type TestCloud } from './cloud'

// 23:30 Beijing on 31 December 2026 (15:30 UTC): a year end, where a machine-date test would slip a year.
const AT = '2026-12-31T15:30:00.000Z'
let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ at: AT })
})
afterAll(() => cloud.close())

test('the stack lives at the stated instant: the clock, the seed and the functions agree', async () => {
  expect(Math.abs(clock.now().getTime() - Date.parse(AT))).toBeLessThan(60_000)
  expect(beijingDate(clock.now())).toBe('2026-12-31')
  const health = await cloud.raw('org', { action: 'health' }, null)
  expect(health.ok && (health.data as { at: string }).at.slice(0, 10)).toBe('2026-12-31')
  // The demo's current 民主评议 round is the stated year's.
  expect(cloud.db.dump('eval_rounds').some((r) => r._id === `ev_${DEMO.branch}_2026`)).toBe(true)
  expect(cloud.db.dump('eval_rounds').some((r) => r._id === `ev_${DEMO.branch}_2027`)).toBe(false)
})

test('clock.reset() returns to the stated timeline, not to the machine date', () => {
  clock.set('2030-06-01T00:00:00.000Z')
  expect(beijingDate(clock.now())).toBe('2030-06-01')
  clock.reset()
  expect(Math.abs(clock.now().getTime() - Date.parse(AT))).toBeLessThan(60_000)
})

test('cloud.as(openid) is the app client over an in-process transport, answering typed envelopes', async () => {
  const me = okData(await cloud.as(devOpenid(DEMO.m.formal)).org.me({}))
  expect(me.bound).toBe(true)
  const forbidden = await cloud.as(devOpenid(DEMO.m.formal)).org.listAudit({})
  expect(errCode(forbidden)).toBe('FORBIDDEN')
  const raw = await cloud.call('org', 'listAudit', {}, devOpenid(DEMO.m.formal))
  expect(forbidden).toEqual(raw)
  // The client validates nothing the server would not: bad input reaches the server and is refused there.
  expect(errCode(await cloud.as(devOpenid(DEMO.m.secretary)).org.getMember({ memberId: '' }))).toBe('INVALID_INPUT')
})

test('cloud.counted counts the database requests of one invocation', async () => {
  const { reply, requests } = await cloud.counted('org', 'me', {}, devOpenid(DEMO.m.formal))
  expect(reply.ok).toBe(true)
  expect(requests).toBeGreaterThan(0)
  expect(requests).toBeLessThanOrEqual(2)
})

test('a test cloud without an instant is refused', async () => {
  await expect(startTestCloud({ at: 'someday' })).rejects.toThrow(/needs \{ at/)
})
