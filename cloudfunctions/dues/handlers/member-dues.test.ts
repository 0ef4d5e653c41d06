/**
 * dues.memberDues privacy: base and category only for the member, the 党费管理员 and the 书记; what members may read
 * elsewhere carries neither.
 */
import { DEMO, devOpenid, errCode, ok } from '../../../tests/support/cloud'
import { deputy, formal, mgr, sec, duesCloud } from './test-setup'

const NOW = '2026-11-22T04:00:00.000Z' // 12:00 Beijing, before the collection day 26th
const { call, setBase } = duesCloud(NOW)

describe('privacy: base and category only for the member, the 党费管理员 and the 书记', () => {
  beforeAll(async () => {
    // 吴刚's base 6000.00 from this month, as the walk-through in set-bases.test.ts saves it before these tests.
    ok(await setBase(DEMO.m.formal, 600_000))
  })

  test('memberDues', async () => {
    expect(ok(await call('memberDues', { memberId: DEMO.m.formal }, sec)).current.baseFen).toBe(600_000)
    expect(ok(await call('memberDues', { memberId: DEMO.m.formal }, mgr)).current.baseFen).toBe(600_000)
    expect(errCode(await call('memberDues', { memberId: DEMO.m.formal }, deputy))).toBe('FORBIDDEN')
    expect(errCode(await call('memberDues', { memberId: DEMO.m.formal }, devOpenid(DEMO.m.leader1)))).toBe('FORBIDDEN')
    expect(errCode(await call('memberDues', { memberId: DEMO.m.formal }, DEMO.adminOpenid))).toBe('FORBIDDEN')
  })
  test('what members may read carries no base or category', async () => {
    const pub = ok(await call('getPublication', { publicationId: `${DEMO.branch}_2026-H1` }, formal))
    expect(JSON.stringify(pub)).not.toMatch(/baseFen|category|standardFen/)
    expect(JSON.stringify(ok(await call('todos', {}, formal)))).not.toMatch(/baseFen|category/)
  })
})
