/**
 * Shared setup of the dues handler tests (`handlers/*.test.ts`, `request-budget.test.ts`) at the demo instant
 * 2026-11-22 12:00 Beijing (before the collection day 26th): the months around it, the demo callers' openids, and
 * the helpers each file binds to its own test cloud — a call, a ledger document, a member's account, a 核定 of one
 * base. Each test file starts its own cloud with `duesCloud(NOW)`, which registers the jest hooks and returns the
 * helpers bound to it.
 */
import { DEMO, devOpenid, startTestCloud, type TestCloud } from '../../../tests/support/cloud'
import { lateCloud } from '../../../tests/support/late-cloud'

export const MONTH = '2026-11'
export const NEXT = '2026-12'
export const TODAY = '2026-11-22'

export const sec = devOpenid(DEMO.m.secretary)
export const mgr = devOpenid(DEMO.m.organizer)
export const deputy = devOpenid(DEMO.m.deputy)
export const formal = devOpenid(DEMO.m.formal)
export const otherSec = devOpenid(DEMO.b2.secretary)

/** A 1×1 PNG (a payment screenshot). */
export const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

/** The dues helpers bound to the file's test cloud (read through `cloud()`: it is started in `beforeAll`). */
export const duesHelpers = (cloud: () => TestCloud) => {
  const call = (action: string, input: unknown, openid: string | null) => cloud().call('dues', action, input, openid)
  const ledgerDoc = (memberId: string, month: string) => cloud().db.dump('dues_ledger').find((d) => d._id === `${memberId}_${month.replace('-', '')}`)
  const account = (memberId: string) =>
    cloud().db.dump('dues_accounts').find((d) => d._id === memberId) as { paidMonths: string[]; reportedMonths: string[]; bases: unknown[] }
  const setBase = (memberId: string, baseFen: number, category = 'employed', fromMonth = MONTH) =>
    call('setBases', { branchId: DEMO.branch, fromMonth, entries: [{ memberId, category, baseFen }] }, mgr)
  return { call, ledgerDoc, account, setBase }
}

/** Starts this file's test cloud at `at` on the demo seed (hooks registered here: started once, closed after) and returns it with the helpers bound to it. */
export function duesCloud(at: string) {
  let cloud!: TestCloud
  beforeAll(async () => {
    cloud = await startTestCloud({ at })
  })
  afterAll(async () => {
    await cloud.close()
  })
  return { cloud: lateCloud(() => cloud), ...duesHelpers(() => cloud) }
}
