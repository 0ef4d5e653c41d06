/**
 * points reading (overview, and the entry / year views it leads to): a member's own year from the seeded entries, who
 * reads whom, automatic entries pointing at their source, request budgets, totals equal to the capped sums.
 */
import { POINTS_DEMO, pointsDemoPeriods } from '../../../local/seed/points'
import { yearScore } from '../../../shared/src/rules/points/scores'
import { DEMO, errCode, ok } from '../../../tests/support/cloud'
import { autoEntryId } from '../model'
import { b2sec, formal, leader1, leader2, organizer, sec, pointsCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20 (Q4: last quarter published, this one in review).
const AT = '2026-11-20T02:00:00.000Z'
const { cloud, now, month, year, call, counted, overviewOf } = pointsCloud(AT)

describe('reading', () => {
  test('a member sees their own year: twelve months, total and band from the seeded entries', async () => {
    const o = await overviewOf(formal)
    expect(o.memberName).toBe('吴刚')
    expect(o.months).toHaveLength(12)
    expect(o.schemeName).toBe('基础分60分（年度累计）')
    expect(typeof o.total).toBe('number')
    expect(o.bandLabel).toMatch(/优秀|良好|合格|不合格/)
    // The finalised quarters of the seed are listed for the member.
    expect(o.publications.map((p: { key: string }) => p.key)).toEqual(
      pointsDemoPeriods(now.toISOString())
        .finalKeys.filter((k) => k.startsWith(`${year}-`))
        .reverse(),
    )
  })

  test('a member cannot read another member; a 党小组长 reads their own group only; 支委 the branch', async () => {
    expect(errCode(await call('overview', { memberId: 'm_b1_15' }, formal))).toBe('FORBIDDEN')
    expect(errCode(await call('listEntries', { memberId: 'm_b1_15' }, formal))).toBe('FORBIDDEN')
    expect(errCode(await call('getEntry', { entryId: POINTS_DEMO.groupReview }, formal))).toBe('FORBIDDEN')
    expect(ok(await call('listEntries', { memberId: DEMO.m.formal, month }, leader1)).entries.length).toBeGreaterThan(0)
    expect(errCode(await call('listEntries', { memberId: DEMO.m.formal }, leader2))).toBe('FORBIDDEN')
    expect(ok(await call('overview', { memberId: DEMO.m.formal }, organizer)).memberName).toBe('吴刚')
    expect(errCode(await call('overview', { memberId: DEMO.m.formal }, b2sec))).toBe('FORBIDDEN')
    expect(errCode(await call('yearView', {}, formal))).toBe('FORBIDDEN')
  })

  test('automatic entries point at their source record', async () => {
    const entries = ok(await call('listEntries', { memberId: DEMO.m.formal, year }, formal)).entries
    const auto = entries.filter((e: { origin: string }) => e.origin === 'auto')
    expect(auto.length).toBeGreaterThan(5)
    for (const e of auto) {
      expect(e.source.eventId).toBeTruthy()
      expect(e.id).toBe(autoEntryId(e.source.eventId))
      expect(e.status).toBe('approved')
    }
  })

  test('request budgets: member views ≤2, 支委 views ≤4, the lazy sync 3 when nothing is new', async () => {
    await call('sync', {}, formal) // catch up whatever the seed left (nothing)
    expect((await counted('overview', { year }, formal)).requests).toBe(2)
    expect((await counted('scheme', {}, formal)).requests).toBe(2)
    expect((await counted('listEntries', { month }, formal)).requests).toBe(2)
    expect((await counted('getEntry', { entryId: POINTS_DEMO.formalEdit }, formal)).requests).toBe(2)
    expect((await counted('sync', {}, formal)).requests).toBe(3)
    expect((await counted('reviewQueue', { month }, organizer)).requests).toBeLessThanOrEqual(4)
    expect((await counted('reviewQueue', {}, leader1)).requests).toBeLessThanOrEqual(4)
    const yv = await counted('yearView', { year }, sec)
    expect(yv.r.ok).toBe(true)
    expect(yv.requests).toBeLessThanOrEqual(4)
    expect((await counted('getPublication', { periodKey: pointsDemoPeriods(now.toISOString()).finalKeys.at(-1) ?? `${year}-Q1` }, sec)).requests).toBe(2)
  })

  test('every member total equals the capped sum of their approved entries (under their scheme)', async () => {
    const entries = cloud.db.dump('points_entries') as unknown as { memberId: string; year: number; month: string; kind: string; status: string; counted: number | null }[]
    const years = cloud.db.dump('points_years') as unknown as { memberId: string; year: number; total: number; scoring: Parameters<typeof yearScore>[0]; vetoed: boolean }[]
    expect(years.length).toBeGreaterThan(20)
    for (const y of years) {
      const months: Record<string, { adds: number; deducts: number }> = {}
      for (const e of entries) {
        if (e.memberId !== y.memberId || e.year !== y.year || e.status !== 'approved') continue
        const m = (months[e.month] ??= { adds: 0, deducts: 0 })
        if (e.kind === 'add') m.adds += e.counted ?? 0
        else m.deducts += e.counted ?? 0
      }
      expect(yearScore(y.scoring, y.year, months, y.vetoed).total).toBeCloseTo(y.total, 2)
    }
  })
})
