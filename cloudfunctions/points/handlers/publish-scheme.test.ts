/**
 * points.publishScheme (scheme versions): an immutable version; entries keep theirs; a racing second publish refused.
 */
import { POINTS_DEMO } from '../../../local/seed/points'
import { beijingDate, shiftMonth } from '../../../shared/src/rules/time'
import { DEMO, clock, errCode, ok } from '../../../tests/support/cloud'
import { formal, m15, organizer, sec, pointsCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20 (Q4: last quarter published, this one in review).
const AT = '2026-11-20T02:00:00.000Z'
const { cloud, month, year, call, key } = pointsCloud(AT)

describe('scheme versions', () => {
  test('publishing makes an immutable version; entries keep theirs; a racing second publish is refused', async () => {
    const editor = ok(await call('schemeEditor', {}, sec))
    expect(editor.current.version).toBe(1)
    expect(editor.presets.map((p: { id: string }) => p.id)).toEqual(['base-60', 'percent-quarterly'])
    const draft = { ...editor.current.scheme, items: editor.current.scheme.items.map((i: { code: string; points: number }) => (i.code === 'volunteer' ? { ...i, points: 3 } : i)) }
    expect(errCode(await call('saveDraft', { scheme: draft }, formal))).toBe('FORBIDDEN')
    ok(await call('saveDraft', { scheme: draft }, organizer))
    const today = beijingDate(clock.now())
    const [a, b] = await Promise.all([
      call('publishScheme', { effectiveFrom: today, expectVersion: 1 }, sec),
      call('publishScheme', { effectiveFrom: today, expectVersion: 1 }, organizer),
    ])
    expect([a, b].filter((r) => r.ok)).toHaveLength(1)
    expect([a, b].map(errCode).filter(Boolean)).toEqual(['CONFLICT'])
    expect(cloud.db.dump('points_schemes').map((s) => s._id).sort()).toEqual([`${DEMO.branch}_v1`, `${DEMO.branch}_v2`])
    const v1 = cloud.db.dump('points_schemes').find((s) => s._id === `${DEMO.branch}_v1`) as { scheme: { items: { code: string; points: number }[] } }
    expect(v1.scheme.items.find((i) => i.code === 'volunteer')?.points).toBe(2)
    // The year is now scored by the new version's numbers, for every member alike.
    const yearsNow = cloud.db.dump('points_years').filter((y) => y.year === year && y.branchId === DEMO.branch) as unknown as { scoring: { version: number } }[]
    expect(yearsNow.length).toBeGreaterThan(20)
    expect(yearsNow.every((y) => y.scoring.version === 2)).toBe(true)
    const e = ok(await call('submitEntry', { clientKey: key(), month, itemCode: 'volunteer', description: '新方案下的申报' }, m15))
    expect(e).toMatchObject({ schemeVersion: 2, points: 3 })
    const old = ok(await call('getEntry', { entryId: POINTS_DEMO.groupReview }, sec))
    expect(old.schemeVersion).toBe(1)
    // An earlier effective date than the version in force is refused.
    ok(await call('saveDraft', { scheme: draft }, organizer))
    expect(errCode(await call('publishScheme', { effectiveFrom: shiftMonth(month, -24) + '-01', expectVersion: 2 }, sec))).toBe('RULE_VIOLATED')
  })
})
