/**
 * Shared setup of the org handler tests split from the domain file (`me`, `bind`, members, roles, branch settings):
 * the demo callers' openids and a call bound to the file's test cloud. Each test file starts its own cloud
 * (`startTestCloud({ at })`) and passes it in.
 */
import { DEMO, devOpenid, type TestCloud } from '../../../tests/support/cloud'

export const sec = devOpenid(DEMO.m.secretary)
export const organizer = devOpenid(DEMO.m.organizer)
export const formal = devOpenid(DEMO.m.formal)

/** The org call bound to the file's test cloud (read through `cloud()`: it is started in `beforeAll`). */
export const orgHelpers = (cloud: () => TestCloud) => {
  const call = (action: string, input: unknown, openid: string | null) => cloud().call('org', action, input, openid)
  return { call }
}
