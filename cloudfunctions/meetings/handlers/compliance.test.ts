/**
 * meetings.compliance on the demo year: held vs required for hunan-wuhua-2018 with the missing periods.
 */
import { ok } from '../../../tests/support/cloud'
import { sec, meetingsCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20: the demo year (seeded relative to it) has its absence runs of 3 and 5.
const AT = '2026-11-20T02:00:00.000Z'
const YEAR = 2026
const { counted } = meetingsCloud(AT)

describe('attendance views', () => {
  const year = YEAR

  test('compliance: held vs required for hunan-wuhua-2018 with the missing periods', async () => {
    const r = await counted('compliance', { year }, sec)
    expect(r.requests).toBe(3)
    const c = ok(r.reply)
    expect(c.profileName).toBe('湖南党支部“五化”建设')
    // At 2026-11-20 the theme days of January to October are past: each was held in the demo year.
    const themeThisYear = c.rows.filter((x: { kind: string; periodKey: string }) => x.kind === 'theme-day' && x.periodKey < '2026-11')
    expect(themeThisYear.map((x: { periodKey: string }) => x.periodKey)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'])
    expect(themeThisYear.every((x: { status: string }) => x.status === 'held')).toBe(true)
    expect(c.rows.some((x: { status: string }) => x.status === 'upcoming' || x.status === 'missing')).toBe(true)
  })
})
