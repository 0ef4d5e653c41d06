/**
 * workbench.recordStudy (学时): one course for several members, a repeat and a race recorded once; a member reads only
 * their own (listStudy); bad hours or strangers refused with nothing written; removal (removeStudy) is a mark.
 */
import { DEMO_WORKBENCH } from '../../../local/seed'
import { DEMO, errCode, ok } from '../../../tests/support/cloud'
import { addDays } from '../../../shared/src/rules/time'
import { type AnyDoc, YEAR, formal, organizer, otherSec, publicity, sec, today, workbenchCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20: the demo year (seeded relative to it) with its one missing 党小组会.
const AT = '2026-11-20T02:00:00.000Z'
const { cloud, call, counted, dump } = workbenchCloud(AT)

describe('学时', () => {
  test('one course for several members; a repeat and a race record each once', async () => {
    const input = { memberIds: [DEMO.m.formal, DEMO.m.student, DEMO.m.formal], date: today(), course: '党章党规专题学习', hours: 2.5, evidence: '签到表' }
    const [a, b] = await Promise.all([call('recordStudy', input, organizer), call('recordStudy', input, organizer)])
    expect(ok(a).created + ok(b).created).toBe(2)
    expect(ok(await call('recordStudy', input, organizer)).created).toBe(0)
    expect(dump('study_records').filter((r) => r.course === '党章党规专题学习')).toHaveLength(2)
  })

  test('a member reads only their own, in two requests', async () => {
    const { reply, requests } = await counted('workbench', 'listStudy', { memberId: DEMO.m.formal }, formal)
    const own = ok(reply)
    expect(requests).toBeLessThanOrEqual(2)
    expect(own.records.every((r: AnyDoc) => r.memberId === DEMO.m.formal)).toBe(true)
    expect(own.progress.rows).toHaveLength(1)
    expect(own.progress.rows[0].hours).toBe(dump('study_records').filter((r) => r.memberId === DEMO.m.formal && r.year === YEAR() && r.removedAt === null).reduce((s, r) => s + r.hours, 0))
    expect(errCode(await call('listStudy', { memberId: DEMO.m.student }, formal))).toBe('FORBIDDEN')
    expect(errCode(await call('listStudy', {}, formal))).toBe('FORBIDDEN')
  })

  test('bad hours or strangers are refused with nothing written; removal is a mark', async () => {
    const snap = cloud.snapshot()
    for (const input of [
      { memberIds: [DEMO.m.formal], date: today(), course: '半', hours: 0.3 },
      { memberIds: [DEMO.m.formal], date: today(), course: '多', hours: 101 },
      { memberIds: [DEMO.b2.formal], date: today(), course: '别的支部', hours: 1 },
      { memberIds: [], date: today(), course: '没人', hours: 1 },
      { memberIds: [DEMO.m.formal], date: addDays(today(), 1), course: '明天', hours: 1 },
    ]) {
      expect(errCode(await call('recordStudy', input, organizer))).toBe('INVALID_INPUT')
    }
    expect(cloud.snapshot()).toEqual(snap)
    expect(errCode(await call('removeStudy', { recordId: DEMO_WORKBENCH.fixtureStudy }, otherSec))).toBe('FORBIDDEN')
    expect(ok(await call('removeStudy', { recordId: DEMO_WORKBENCH.fixtureStudy }, publicity)).removed).toBe(true)
    expect(ok(await call('listStudy', { memberId: 'm_b1_20' }, sec)).records.some((r: AnyDoc) => r.id === DEMO_WORKBENCH.fixtureStudy)).toBe(false)
  })
})
