/** Runs the meetings bench once (smaller burst) so it cannot rot; the figures themselves come from `npm run bench`. */
import { startTestCloud, type TestCloud } from '../support/cloud'
import { benchMeetings } from './meetings'

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ at: '2026-11-20T02:00:00.000Z' })
})
afterAll(() => cloud.close())

test('meetings bench: request counts within budget, a burst with no duplicates and nothing lost', async () => {
  const b = await benchMeetings(cloud, 50)
  console.log(JSON.stringify(b))
  expect(b.dbRequests['meetings.listMeetings']).toBe(2)
  expect(b.dbRequests['meetings.getMeeting']).toBe(2)
  expect(b.dbRequests['meetings.hostCode']).toBe(2)
  expect(b.dbRequests['meetings.myTasks']).toBe(2)
  expect(b.dbRequests['meetings.signIn']).toBe(5)
  expect(b.dbRequests['meetings.signIn (repeat)']).toBe(3)
  expect(b.dbRequests['meetings.attendanceGrid']).toBeLessThanOrEqual(4)
  expect(b.signinBurst).toMatchObject({ members: 50, ok: 50, duplicates: 0, lost: 0 })
}, 60_000)
