/**
 * `meetings.myTasks` carries this Beijing month's next (or today's) 主题党日 for the 首页 card — beyond the
 * 7 days of `upcoming`, never next month's, never a cancelled one — in the same two database requests.
 */
import { DEMO, clock, devOpenid, ok } from '../../../tests/support/cloud'
import { meetingsCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20: the demo's 11月主题党日 is on 2026-11-26 at 14:30, December's on 2026-12-28.
const AT = '2026-11-20T02:00:00.000Z'
const { cloud } = meetingsCloud(AT)

const formal = devOpenid(DEMO.m.formal)
const sec = devOpenid(DEMO.m.secretary)

test('the month\'s 主题党日 with date, time and place, in two requests', async () => {
  const { reply, requests } = await cloud.counted('meetings', 'myTasks', {}, formal)
  expect(requests).toBe(2)
  expect(ok(reply).themeDay).toMatchObject({ kind: 'theme-day', date: '2026-11-26', time: '14:30', place: '社区党群服务中心', status: 'planned' })
})

test('today\'s is shown all day, even after it ended; after it, none this month (December\'s is not this month\'s)', async () => {
  clock.set('2026-11-26T12:00:00.000Z') // 20:00 Beijing, after the meeting
  expect(ok(await cloud.call('meetings', 'myTasks', {}, formal)).themeDay).toMatchObject({ date: '2026-11-26' })
  clock.set('2026-11-26T16:00:00.000Z') // 00:00 Beijing, 11-27
  expect(ok(await cloud.call('meetings', 'myTasks', {}, formal)).themeDay).toBeNull()
  clock.set('2026-12-01T01:00:00.000Z')
  expect(ok(await cloud.call('meetings', 'myTasks', {}, formal)).themeDay).toMatchObject({ date: '2026-12-28' })
})

test('a cancelled 主题党日 is not shown', async () => {
  const id = (ok(await cloud.call('meetings', 'myTasks', {}, formal)).themeDay as { id: string }).id
  ok(await cloud.call('meetings', 'cancelMeeting', { meetingId: id, reason: '改期' }, sec))
  expect(ok(await cloud.call('meetings', 'myTasks', {}, formal)).themeDay).toBeNull()
})
