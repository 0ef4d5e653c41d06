/**
 * points.sync of automatic entries: an event delivered twice at once, and a re-run, credit exactly once.
 */
import { eventId } from '../../_kit/events'
import { createStore } from '../../_kit/store'
import { DEMO, clock, devOpenid, ok } from '../../../tests/support/cloud'
import { autoEntryId } from '../model'
import { organizer, sec, pointsCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20 (Q4: last quarter published, this one in review).
const AT = '2026-11-20T02:00:00.000Z'
const { cloud, month, year, call, overviewOf, monthNet } = pointsCloud(AT)

describe('automatic entries', () => {
  const store = () => createStore()

  test('an event delivered twice at once, and a re-run, credit exactly once', async () => {
    const memberId = 'm_b1_26'
    const sourceId = `mt_test_auto_${memberId}`
    const occurredAt = clock.now().toISOString()
    const id = eventId('attendance.present', sourceId)
    await cloud.db.insertMany('events', [
      { _id: id, type: 'attendance.present', sourceId, branchId: DEMO.branch, memberId, occurredAt, data: { meetingId: 'mt_test', kind: 'group', via: 'scan' }, createdAt: occurredAt },
    ])
    const o0 = await overviewOf(sec, memberId)
    const used0 = (cloud.db.dump('points_years').find((y) => y._id === `${memberId}_${year}`) as { used: Record<string, { months: Record<string, number> }> } | undefined)?.used.attendance?.months[month] ?? 0
    // The member's view, a reviewer's queue and the timer, all at once.
    const results = await Promise.all([
      call('sync', {}, devOpenid(memberId)),
      call('sync', {}, sec),
      call('reviewQueue', {}, organizer),
      cloud.raw('points', { Type: 'Timer', TriggerName: 'consume-events' }, null),
    ])
    for (const r of results) expect(r.ok).toBe(true)
    const entries = cloud.db.dump('points_entries').filter((e) => e.eventId === id)
    expect(entries).toHaveLength(1)
    expect(entries[0]!._id).toBe(autoEntryId(id))
    expect(entries[0]!.source).toMatchObject({ type: 'attendance.present', sourceId })
    const expected = Math.min(1, 3 - used0) // 参加组织生活: 1 point, at most 3 a month
    const o1 = await overviewOf(sec, memberId)
    expect(monthNet(o1) - monthNet(o0)).toBeCloseTo(expected, 2)
    // Re-run from the start of the year: nothing is credited twice.
    await store().update('points_branches', DEMO.branch, { cursor: { at: '', id: '' } })
    for (let i = 0; i < 60; i++) {
      const r = ok(await call('sync', {}, sec))
      expect(r.credited).toBe(0)
      if (!r.more) break
    }
    expect(cloud.db.dump('points_entries').filter((e) => e.eventId === id)).toHaveLength(1)
    expect(monthNet(await overviewOf(sec, memberId))).toBeCloseTo(monthNet(o1), 2)
  })
})
