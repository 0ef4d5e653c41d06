/**
 * workbench.overview (上级): a 党委 admin sees only its own branches, side by side.
 */
import { DEMO, errCode, ok } from '../../../tests/support/cloud'
import { type AnyDoc, formal, nowIso, sec, workbenchCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20: the demo year (seeded relative to it) with its one missing 党小组会.
const AT = '2026-11-20T02:00:00.000Z'
const { cloud, call, counted, dump } = workbenchCloud(AT)

describe('overview (上级)', () => {
  test('a 党委 admin sees only its own branches, side by side', async () => {
    await cloud.db.insertMany('orgs', [{ ...dump('orgs').find((o) => o._id === DEMO.branch2), _id: 'br_other', name: '其他街道党支部', parentId: 'org_other', ancestors: ['org_other'] }])
    await cloud.db.insertMany('users', [
      { _id: 'dev_admin_other', memberId: null, branchId: null, groupId: null, status: null, roles: [], name: '其他党委管理员', adminOrgs: [{ id: 'org_other', name: '其他党委' }], adminBranchIds: ['br_other'], createdAt: nowIso() },
    ])
    const { reply, requests } = await counted('workbench', 'overview', {}, DEMO.adminOpenid)
    const o = ok(reply)
    expect(o.rows.map((r: AnyDoc) => r.branchId).sort()).toEqual([DEMO.branch, DEMO.branch2])
    expect(requests).toBeLessThanOrEqual(10)
    const b1 = o.rows.find((r: AnyDoc) => r.branchId === DEMO.branch)
    const d = ok(await call('dashboard', { branchId: DEMO.branch }, DEMO.adminOpenid))
    // The overview's figures are the dashboard's.
    expect(b1).toMatchObject({ members: 30, formal: 29, dueFen: d.dues.dueFen, paidFen: d.dues.paidFen, arrears: d.dues.arrears.length, attendanceRate: d.attendance.rate, overdue: d.meetings.summary.overdue, missing: d.meetings.summary.missing, evaluation: d.evaluation.status })
    expect(b1.reelection).toEqual(d.reelection)

    const other = ok(await call('overview', {}, 'dev_admin_other'))
    expect(other.rows.map((r: AnyDoc) => r.branchId)).toEqual(['br_other'])
    expect(errCode(await call('dashboard', { branchId: DEMO.branch }, 'dev_admin_other'))).toBe('FORBIDDEN')
    expect(errCode(await call('overview', {}, sec))).toBe('FORBIDDEN')
    expect(errCode(await call('overview', {}, formal))).toBe('FORBIDDEN')
  })
})
