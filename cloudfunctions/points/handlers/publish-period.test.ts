/**
 * points.publishPeriod (quarterly 公示): the finished quarter published, objected to and answered, final after the
 * days (objectPublication, answerObjection, finalisePeriod); not with 申报 still in review; the unit must match.
 */
import { pointsDemoPeriods } from '../../../local/seed/points'
import { addDays, beijingDate, periodOf } from '../../../shared/src/rules/time'
import { DEMO, clock, errCode, ok } from '../../../tests/support/cloud'
import { formal, m15, organizer, sec, pointsCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20 (Q4: last quarter published, this one in review).
const AT = '2026-11-20T02:00:00.000Z'
const { now, year, call, overviewOf } = pointsCloud(AT)

describe('quarterly 公示', () => {
  const periods = pointsDemoPeriods(now.toISOString())

  test('publish the finished quarter; the member sees it and objects; the 支委 answers; final after the days', async () => {
    const keyQ = periods.readyKey as string
    expect(errCode(await call('publishPeriod', { periodKey: `${year}-Q4` }, sec))).toBe('RULE_VIOLATED') // not over yet
    expect(errCode(await call('publishPeriod', { periodKey: keyQ }, formal))).toBe('FORBIDDEN')
    const pub = ok(await call('publishPeriod', { periodKey: keyQ }, organizer))
    expect(pub.status).toBe('publicity')
    expect(pub.rows.length).toBe(30)
    const excluded = pub.rows.filter((r: { excluded: string | null }) => r.excluded).map((r: { memberId: string }) => r.memberId).sort()
    expect(excluded).toEqual([DEMO.m.retired, DEMO.m.mobile, 'm_b1_18'].sort())
    expect(errCode(await call('publishPeriod', { periodKey: keyQ }, sec))).toBe('CONFLICT')

    const mine = (await overviewOf(formal)).publications.find((p: { key: string }) => p.key === keyQ)
    if (keyQ.startsWith(`${year}-`)) {
      expect(mine).toMatchObject({ status: 'publicity', canObject: true })
      const row = pub.rows.find((r: { memberId: string }) => r.memberId === DEMO.m.formal)
      expect(mine.score).toBe(row.score)
    }
    const obj = ok(await call('objectPublication', { periodKey: keyQ, text: '我参加的党课没有计分' }, formal))
    expect(obj.objection).toMatchObject({ text: '我参加的党课没有计分', answer: null })
    expect(errCode(await call('finalisePeriod', { periodKey: keyQ }, sec))).toBe('RULE_VIOLATED')
    const answered = ok(await call('answerObjection', { periodKey: keyQ, memberId: DEMO.m.formal, answer: '已核实，党课签到已计入' }, sec))
    expect(answered.objections[0]).toMatchObject({ memberId: DEMO.m.formal, answer: '已核实，党课签到已计入', answeredByName: '张建国' })
    expect(errCode(await call('objectPublication', { periodKey: keyQ, text: '再提' }, formal))).toBe('CONFLICT')
    // Still within the 公示 days.
    expect(errCode(await call('finalisePeriod', { periodKey: keyQ }, sec))).toBe('RULE_VIOLATED')
    clock.set(new Date(clock.now().getTime() + 8 * 86_400_000))
    expect(errCode(await call('objectPublication', { periodKey: keyQ, text: '过期异议' }, m15))).toBe('RULE_VIOLATED')
    const fin = ok(await call('finalisePeriod', { periodKey: keyQ }, sec))
    expect(fin.status).toBe('final')
    clock.reset()
    if (keyQ.startsWith(`${year}-`)) {
      const after = (await overviewOf(formal)).publications.find((p: { key: string }) => p.key === keyQ)
      expect(after).toMatchObject({ status: 'final', canObject: false, objection: { answer: '已核实，党课签到已计入' } })
    }
  })

  test('a quarter with 申报 still in review cannot be published; the unit must match the scheme', async () => {
    const q = periodOf('quarter', beijingDate(clock.now()))
    clock.set(new Date(Date.parse(`${addDays(q.end, 2)}T02:00:00Z`)))
    const r = await call('publishPeriod', { periodKey: q.key }, sec)
    expect(errCode(r)).toBe('RULE_VIOLATED')
    expect(r.ok ? null : r.error.message).toMatch(/还有\d+条积分申报未审核/)
    clock.reset()
    const h = await call('publishPeriod', { periodKey: `${year}-H1` }, sec)
    expect(h.ok ? null : h.error.message).toBe('本支部按季度公示积分')
  })
})
