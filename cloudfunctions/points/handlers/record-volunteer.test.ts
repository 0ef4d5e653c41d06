/**
 * points.recordVolunteer: volunteer service recorded by the branch is credited at once, once.
 */
import { beijingDate } from '../../../shared/src/rules/time'
import { DEMO, clock, errCode, ok } from '../../../tests/support/cloud'
import { formal, organizer, pointsCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20 (Q4: last quarter published, this one in review).
const AT = '2026-11-20T02:00:00.000Z'
const { cloud, call } = pointsCloud(AT)

describe('automatic entries', () => {
  test('volunteer service recorded by the branch: credited at once, once', async () => {
    const date = beijingDate(clock.now())
    const input = { date, title: '测试志愿服务（自动计分）', hours: 2, memberIds: ['m_b1_28', 'm_b1_29'] }
    const first = ok(await call('recordVolunteer', input, organizer))
    expect(first.recorded).toBe(2)
    const again = ok(await call('recordVolunteer', input, organizer))
    expect(again).toEqual({ recorded: 0, credited: 0 })
    const entries = cloud.db.dump('points_entries').filter((e) => (e.source as { data?: { title?: string } } | null)?.data?.title === input.title)
    expect(entries.map((e) => e.memberId).sort()).toEqual(['m_b1_28', 'm_b1_29'])
    expect(errCode(await call('recordVolunteer', { ...input, memberIds: [DEMO.b2.formal] }, organizer))).toBe('INVALID_INPUT')
    expect(errCode(await call('recordVolunteer', input, formal))).toBe('FORBIDDEN')
  })
})
