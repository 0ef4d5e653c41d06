/**
 * The workbench at scale: a 50-member branch's dashboard and the 上级 overview of 100 branches / 5,000
 * members on the generated organisation — bounded database requests (aggregation, never a loop).
 */
import { startTestCloud, type TestCloud } from '../support/cloud'
import { bigOrg } from '../support/big-org'
import { benchWorkbench } from './workbench'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ at: '2026-11-20T02:00:00.000Z', parts: [bigOrg({ branches: 100, membersPerBranch: 50, ledgerMonths: 3 })] })
}, 240_000)
afterAll(() => cloud.close())

test('dashboard ≤ 6 and overview ≤ 10 database requests for 100 branches and 5,000 members', async () => {
  const b = await benchWorkbench(cloud)
  console.log(JSON.stringify(b))
  expect(b.overviewRows).toBe(100)
  expect(b.overviewMembers).toBe(5000)
  expect(b.dbRequests['workbench.dashboard']).toBeLessThanOrEqual(6)
  expect(b.dbRequests['workbench.overview']).toBeLessThanOrEqual(10)
}, 240_000)
