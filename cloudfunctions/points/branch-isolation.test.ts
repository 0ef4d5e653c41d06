/**
 * Points branch isolation across actions: another branch's 书记 can touch nothing of 第一党支部 (reviewEntry, yearView,
 * reviewQueue, recordEntry); their own branch without a scheme gets a readable refusal (submitEntry).
 */
import { POINTS_DEMO } from '../../local/seed/points'
import { DEMO, devOpenid, errCode } from '../../tests/support/cloud'
import { b2sec, pointsCloud } from './handlers/test-setup'

// 10:00 Beijing, Friday 2026-11-20 (Q4: last quarter published, this one in review).
const AT = '2026-11-20T02:00:00.000Z'
const { month, call, key } = pointsCloud(AT)

describe('branch isolation', () => {
  test("another branch's 书记 can touch nothing of 第一党支部", async () => {
    expect(errCode(await call('reviewEntry', { entryId: POINTS_DEMO.groupReview, decision: 'approve' }, b2sec))).toBe('FORBIDDEN')
    expect(errCode(await call('yearView', { branchId: DEMO.branch }, b2sec))).toBe('FORBIDDEN')
    expect(errCode(await call('reviewQueue', { branchId: DEMO.branch }, b2sec))).toBe('FORBIDDEN')
    expect(errCode(await call('recordEntry', { clientKey: 'x', memberId: DEMO.m.formal, month, itemCode: 'honor', reason: '跨支部' }, b2sec))).toBe('FORBIDDEN')
    // Their own branch has no scheme yet: a readable refusal.
    const r = await call('submitEntry', { clientKey: key(), month, itemCode: 'volunteer', description: '申报' }, devOpenid(DEMO.b2.formal))
    expect(r.ok ? null : r.error.message).toBe('支部尚未发布积分方案，请联系支委')
  })
})
