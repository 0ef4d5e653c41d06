/**
 * Shared setup of the org handler tests split from the domain file (`me`, `bind`, members, roles, branch settings):
 * the demo callers' openids and a call bound to the file's test cloud. Each test file starts its own cloud with
 * `orgCloud(AT)`, which registers the jest hooks and returns the call bound to it.
 */
import { DEMO, clock, devOpenid, startTestCloud, type TestCloud } from '../../../tests/support/cloud'
import { lateCloud } from '../../../tests/support/late-cloud'

export const sec = devOpenid(DEMO.m.secretary)
export const organizer = devOpenid(DEMO.m.organizer)
export const formal = devOpenid(DEMO.m.formal)

/** The org call bound to the file's test cloud (read through `cloud()`: it is started in `beforeAll`). */
export const orgHelpers = (cloud: () => TestCloud) => {
  const call = (action: string, input: unknown, openid: string | null) => cloud().call('org', action, input, openid)
  return { call }
}

/**
 * Starts this file's test cloud at `at` on the demo seed (hooks registered here: started once, closed after) and
 * returns it with the call bound to it. Per test: the clock put back after it (`'reset clock'`, the default), or the
 * cloud reset before it (`'reset cloud'`).
 */
export function orgCloud(at: string, perTest: 'reset clock' | 'reset cloud' = 'reset clock') {
  let cloud!: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ at })
  })
  afterAll(() => cloud.close())
  if (perTest === 'reset cloud') beforeEach(() => cloud.reset())
  else afterEach(() => clock.reset())
  return { cloud: lateCloud(() => cloud), ...orgHelpers(() => cloud) }
}
