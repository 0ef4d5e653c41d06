/**
 * Shared setup of the workbench handler tests (`handlers/*.test.ts`): the demo callers' openids, the test clock's
 * instant / Beijing date / year, and the helpers each file binds to its own test cloud — a call, a counted call
 * (any function), a raw collection dump. Each test file starts its own cloud with `workbenchCloud(AT)`, which
 * registers the jest hooks and returns the helpers bound to it.
 */
import { beijingDate } from '../../../shared/src/rules/time'
import { DEMO, clock, devOpenid, startTestCloud, type TestCloud } from '../../../tests/support/cloud'
import { lateCloud } from '../../../tests/support/late-cloud'

export type AnyDoc = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- raw documents from the dump

export const sec = devOpenid(DEMO.m.secretary)
export const organizer = devOpenid(DEMO.m.organizer)
export const publicity = devOpenid(DEMO.m.publicity)
export const formal = devOpenid(DEMO.m.formal)
export const otherSec = devOpenid(DEMO.b2.secretary)

export const nowIso = (): string => clock.now().toISOString()
export const today = (): string => beijingDate(clock.now())
export const YEAR = (): number => Number(today().slice(0, 4))

/** The workbench helpers bound to the file's test cloud (read through `cloud()`: it is started in `beforeAll`). */
export const workbenchHelpers = (cloud: () => TestCloud) => {
  const call = (action: string, input: unknown, openid: string | null) => cloud().call('workbench', action, input, openid)
  const counted = (fn: string, action: string, input: unknown, openid: string) => cloud().counted(fn, action, input, openid)
  const dump = (c: string) => cloud().db.dump(c) as AnyDoc[]
  return { call, counted, dump }
}

/** Starts this file's test cloud at `at` on the demo seed (hooks registered here: started once, closed after) and returns it with the helpers bound to it. */
export function workbenchCloud(at: string) {
  let cloud!: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ at })
  })
  afterAll(() => cloud.close())
  return { cloud: lateCloud(() => cloud), ...workbenchHelpers(() => cloud) }
}
