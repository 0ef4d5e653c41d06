/**
 * meetings.publishPlan (the annual plan): drafted from the profile, edited, published to members once.
 */
import { DEMO, errCode, ok } from '../../../tests/support/cloud'
import { formal, sec, meetingsCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20: the demo year (seeded relative to it) has its absence runs of 3 and 5.
const AT = '2026-11-20T02:00:00.000Z'
const YEAR = 2026
const { cloud, call } = meetingsCloud(AT)

describe('the annual plan', () => {
  // Also uses draftPlan, updatePlan, getPlan.
  test('draft from the profile, edit, publish to members; publishing twice adds nothing', async () => {
    const year = YEAR + 1
    const draft = ok(await call('draftPlan', { year }, sec))
    expect(draft.status).toBe('draft')
    const kinds = (k: string) => draft.items.filter((i: { kind: string }) => i.kind === k).length
    expect([kinds('theme-day'), kinds('committee'), kinds('group'), kinds('party-congress'), kinds('lecture'), kinds('life-meeting'), kinds('evaluation')]).toEqual([12, 12, 36, 4, 2, 2, 1])
    expect(draft.items.filter((i: { bySecretary: boolean }) => i.bySecretary)).toHaveLength(1)
    // Members do not see a draft.
    expect(ok(await call('getPlan', { year }, formal)).status).toBe('none')
    const items = draft.items.slice(0, 3).map((i: Record<string, unknown>) => ({ key: i.key, kind: i.kind, date: i.date, time: i.time, groupId: i.groupId, topic: i.topic }))
    items[0].topic = '新年第一次支委会'
    const edited = ok(await call('updatePlan', { year, items }, sec))
    expect(edited.items.map((i: { topic: string }) => i.topic)).toContain('新年第一次支委会')
    expect(errCode(await call('updatePlan', { year, items: [{ ...items[0], date: `${year + 1}-01-05` }] }, sec))).toBe('INVALID_INPUT')
    const published = ok(await call('publishPlan', { year }, sec))
    expect(published.status).toBe('published')
    expect(published.items.every((i: { meetingId: string | null }) => i.meetingId !== null)).toBe(true)
    const created = cloud.db.dump('meetings').filter((m) => m.planId === `${DEMO.branch}_${year}`)
    expect(created).toHaveLength(3)
    expect(ok(await call('getPlan', { year }, formal)).items).toHaveLength(3)
    expect(errCode(await call('publishPlan', { year }, sec))).toBe('CONFLICT')
    expect(errCode(await call('draftPlan', { year }, sec))).toBe('CONFLICT')
    expect(cloud.db.dump('meetings').filter((m) => m.planId === `${DEMO.branch}_${year}`)).toHaveLength(3)
    expect(errCode(await call('draftPlan', { year }, formal))).toBe('FORBIDDEN')
  })
})
