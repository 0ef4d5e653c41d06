/**
 * points.ranking and the year totals: ties for the 支委, excluded members apart, members see it only when published;
 * yearlyPointTotals (for 民主评议) agrees with the year view, in two requests.
 */
import { withInvocationTag } from '../../../local/db'
import { yearlyPointStandings, yearlyPointTotals } from '../public/yearly-standings'
import { createStore } from '../../_kit/store'
import { DEMO, errCode, ok } from '../../../tests/support/cloud'
import { formal, organizer, sec, pointsCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20 (Q4: last quarter published, this one in review).
const AT = '2026-11-20T02:00:00.000Z'
const { cloud, year, call } = pointsCloud(AT)

describe('year totals and ranking', () => {
  test('ranking with ties for the 支委; excluded members apart; members see it only when published', async () => {
    const yv = ok(await call('yearView', { year }, sec))
    expect(yv.ranked.length + yv.excluded.length).toBe(30)
    expect(yv.excluded.map((r: { memberId: string }) => r.memberId).sort()).toEqual([DEMO.m.retired, DEMO.m.mobile, 'm_b1_18'].sort())
    // Competition ranking: ties share a rank, the next skips.
    yv.ranked.forEach((r: { rank: number; total: number }, i: number) => {
      const prev = yv.ranked[i - 1]
      expect(r.rank).toBe(i === 0 ? 1 : prev.total === r.total ? prev.rank : i + 1)
    })
    expect(yv.bands.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(yv.ranked.length)
    expect(yv.settings.publishRanking).toBe(false)
    expect(errCode(await call('ranking', { year }, formal))).toBe('RULE_VIOLATED')
    expect(errCode(await call('updateSettings', { publishRanking: true }, organizer))).toBe('FORBIDDEN')
    ok(await call('updateSettings', { publishRanking: true }, sec))
    const ranking = ok(await call('ranking', { year }, formal))
    expect(ranking.rows.map((r: { memberId: string }) => r.memberId)).toEqual(yv.ranked.map((r: { memberId: string }) => r.memberId))
    ok(await call('updateSettings', { publishRanking: false }, sec))
  })

  test('yearlyPointTotals (for 民主评议) agrees with the year view, in two requests', async () => {
    const yv = ok(await call('yearView', { year }, sec))
    const tag = 'points-data#totals'
    const totals = await withInvocationTag(tag, () => yearlyPointTotals(createStore(), DEMO.branch, year))
    expect(cloud.db.counters(tag).requests).toBe(2)
    for (const r of [...yv.ranked, ...yv.excluded]) {
      if (totals && r.memberId in totals) expect(totals[r.memberId]).toBeCloseTo(r.total, 2)
    }
    const standings = await yearlyPointStandings(createStore(), DEMO.branch, year, ['m_b1_nobody'])
    expect(standings?.get('m_b1_nobody')).toMatchObject({ total: 60, scored: false, bandLabel: '合格' })
    expect(await yearlyPointTotals(createStore(), DEMO.branch2, year)).toBeNull()
  })
})
