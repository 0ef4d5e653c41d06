/**
 * dues.publish (公示): not before the period closes, once unless replaced, visible only to the branch's members
 * (listPublications, getPublication).
 */
import { DEMO, errCode, ok } from '../../../tests/support/cloud'
import { formal, mgr, otherSec, duesCloud } from './test-setup'

const NOW = '2026-11-22T04:00:00.000Z' // 12:00 Beijing, before the collection day 26th
const { call } = duesCloud(NOW)

describe('公示', () => {
  test('publishing: not before the period closes; once, unless replaced; visible to members only of the branch', async () => {
    expect(errCode(await call('publish', { branchId: DEMO.branch, period: '2026-H2' }, mgr))).toBe('RULE_VIOLATED')
    expect(errCode(await call('publish', { branchId: DEMO.branch, period: '2026-H1' }, mgr))).toBe('CONFLICT')
    const draft = ok(await call('publish', { branchId: DEMO.branch, period: '2026-H1', dryRun: true }, mgr))
    expect(draft.publishedAt).toBeNull()
    expect(draft.totals.dueFen).toBe(draft.rows.reduce((s: number, r: { dueFen: number }) => s + r.dueFen, 0))
    const pub = ok(await call('publish', { branchId: DEMO.branch, period: '2026-H1', replace: true }, mgr))
    expect(pub.publishedByName).toBe('王志强')
    const list = ok(await call('listPublications', {}, formal)).items
    expect(list[0]).toMatchObject({ period: '2026-H1', label: '2026年上半年' })
    expect(errCode(await call('getPublication', { publicationId: `${DEMO.branch}_2026-H1` }, otherSec))).toBe('FORBIDDEN')
  })
})
