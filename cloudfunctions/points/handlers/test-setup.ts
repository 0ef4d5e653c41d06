/**
 * Shared setup of the points handler tests (`handlers/*.test.ts`, `branch-isolation.test.ts`): the demo callers'
 * openids and the helpers each file binds to its own test cloud — a call, a counted call, a member's year overview,
 * a month's net from it, fresh client keys. Each test file starts its own cloud with `pointsCloud(AT)`, which
 * registers the jest hooks and binds the helpers to the year and month of its instant.
 */
import { beijingMonth } from '../../../shared/src/rules/time'
import { DEMO, clock, devOpenid, ok, startTestCloud, type Reply, type TestCloud } from '../../../tests/support/cloud'
import { lateCloud } from '../../../tests/support/late-cloud'

export const sec = devOpenid(DEMO.m.secretary)
export const organizer = devOpenid(DEMO.m.organizer)
export const leader1 = devOpenid(DEMO.m.leader1) // 第一党小组
export const leader2 = devOpenid(DEMO.m.leader2) // 第二党小组
export const formal = devOpenid(DEMO.m.formal) // 吴刚, 第一党小组
export const m15 = devOpenid('m_b1_15') // 第一党小组
export const b2sec = devOpenid(DEMO.b2.secretary)

/** The points helpers bound to the file's test cloud (read through `cloud()`: it is started in `beforeAll`). */
export const pointsHelpers = (cloud: () => TestCloud, year: number, month: string) => {
  const call = (action: string, input: unknown, openid: string | null): Promise<Reply> => cloud().call('points', action, input, openid)

  /** One call with its database request count (the local backend counts requests per invocation tag). */
  const counted = async (action: string, input: unknown, openid: string): Promise<{ r: Reply; requests: number }> => {
    const { reply, requests } = await cloud().counted('points', action, input, openid)
    return { r: reply, requests }
  }

  const overviewOf = async (openid: string, memberId?: string) => ok(await call('overview', { ...(memberId ? { memberId } : {}), year }, openid))
  const monthNet = (o: { months: { month: string; net: number }[] }, m = month) => o.months.find((x) => x.month === m)?.net ?? 0
  let keySeq = 0
  const key = () => `t-${++keySeq}`

  return { call, counted, overviewOf, monthNet, key }
}

/**
 * Starts this file's test cloud at `at` on the demo seed (hooks registered here: started once, closed after, the
 * clock put back after each test; 30 s per test) and returns it with its instant, Beijing month and year and the
 * helpers bound to them.
 */
export function pointsCloud(at: string) {
  const now = new Date(at)
  const month = beijingMonth(now)
  const year = Number(month.slice(0, 4))
  let cloud!: TestCloud
  jest.setTimeout(30_000)
  beforeAll(async () => {
    cloud = await startTestCloud({ at })
  })
  afterAll(() => cloud.close())
  afterEach(() => clock.reset())
  return { cloud: lateCloud(() => cloud), now, month, year, ...pointsHelpers(() => cloud, year, month) }
}
