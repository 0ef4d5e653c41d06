/**
 * points.reviewEntry caps at approval: 受到表彰 counts at most 10 a year, the third capped with a note.
 */
import { ok } from '../../../tests/support/cloud'
import { sec, pointsCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20 (Q4: last quarter published, this one in review).
const AT = '2026-11-20T02:00:00.000Z'
const { month, call, overviewOf } = pointsCloud(AT)

describe('caps at approval', () => {
  test('受到表彰 counts at most 10 a year: the third is capped with a note', async () => {
    const memberId = 'm_b1_24'
    const o0 = await overviewOf(sec, memberId)
    const rec = (n: number) => call('recordEntry', { clientKey: `honor-${n}`, memberId, month, itemCode: 'honor', reason: `表彰${n}` }, sec)
    const a = ok(await rec(1))
    const b = ok(await rec(2))
    const c = ok(await rec(3))
    expect([a.counted, b.counted, c.counted]).toEqual([5, 5, 0])
    expect(c.capNote).toBe('“受到表彰奖励”每年最多计10分，已计10分，本次按0分计入（原5分）')
    const o1 = await overviewOf(sec, memberId)
    expect(o1.adds - o0.adds).toBeCloseTo(10, 2)
    // The same client key again is the same entry.
    expect(ok(await rec(1)).id).toBe(a.id)
  })
})
