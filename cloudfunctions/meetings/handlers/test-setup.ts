/**
 * Shared setup of the meetings handler tests (`handlers/*.test.ts`): the demo callers' openids and the helpers
 * each file binds to its own test cloud — a call, a counted call, the stored meeting document, a meeting set up
 * tomorrow by the 书记. Each test file starts its own cloud with `meetingsCloud(AT)`, which registers the jest hooks
 * and returns the helpers bound to it.
 */
import { beijingDate, addDays } from '../../../shared/src/rules/time'
import { DEMO, clock, devOpenid, ok, startTestCloud, type TestCloud } from '../../../tests/support/cloud'
import { lateCloud } from '../../../tests/support/late-cloud'

export const sec = devOpenid(DEMO.m.secretary)
export const organizer = devOpenid(DEMO.m.organizer)
export const formal = devOpenid(DEMO.m.formal)
export const leader1 = devOpenid(DEMO.m.leader1)
export const leader2 = devOpenid(DEMO.m.leader2)
export const other = devOpenid(DEMO.b2.formal)
export const otherSec = devOpenid(DEMO.b2.secretary)

/** Tomorrow's Beijing date at the test clock. */
export const tomorrow = (): string => addDays(beijingDate(clock.now()), 1)
/** The instant `minutes` after (or before) `startsAt`. */
export const at = (startsAt: string, minutes: number): Date => new Date(Date.parse(startsAt) + minutes * 60_000)
/** A file whose first bytes are `magic` (not a PNG). */
export const otherPng = (magic: string): string => Buffer.concat([Buffer.from(magic), Buffer.from([1, 2, 3])]).toString('base64')

/** The meetings helpers bound to the file's test cloud (read through `cloud()`: it is started in `beforeAll`). */
export const meetingsHelpers = (cloud: () => TestCloud) => {
  const call = (action: string, input: unknown, openid: string | null) => cloud().call('meetings', action, input, openid)

  /** Calls and counts the database requests of that one invocation. */
  const counted = (action: string, input: unknown, openid: string) => cloud().counted('meetings', action, input, openid)

  const meetingDoc = (id: string) =>
    cloud().db.dump('meetings').find((m) => m._id === id) as Record<string, unknown> & { secret: string; presentIds: string[]; startsAt: string }

  /** A meeting tomorrow at 10:00 Beijing time, set up by the 书记; returns its id and start instant. */
  const setUp = async (fields: Record<string, unknown> = {}, by = sec): Promise<{ id: string; startsAt: string }> => {
    const m = ok(
      await call(
        'createMeeting',
        { fields: { kind: 'theme-day', topic: '测试主题党日', date: tomorrow(), time: '10:00', place: '党群服务中心', hostId: DEMO.m.secretary, recorderId: DEMO.m.organizer, ...fields } },
        by,
      ),
    )
    return { id: m.id, startsAt: m.startsAt }
  }

  return { call, counted, meetingDoc, setUp }
}

/**
 * Starts this file's test cloud at `at` on the demo seed (hooks registered here: started once, closed after, the
 * clock put back after each test) and returns it with the helpers bound to it.
 */
export function meetingsCloud(at: string) {
  let cloud!: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ at })
  })
  afterAll(() => cloud.close())
  afterEach(() => clock.reset())
  return { cloud: lateCloud(() => cloud), ...meetingsHelpers(() => cloud) }
}
