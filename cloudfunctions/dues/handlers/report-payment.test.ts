/**
 * dues.reportPayment ("我已缴纳") and the 党费管理员 review (reviewReport, pendingReports): a screenshot report confirmed
 * or rejected with its reason, a screenshot that is not an image, a member reports only for themselves.
 */
import { DEMO, devOpenid, errCode, ok } from '../../../tests/support/cloud'
import { MONTH, PNG_1PX, TODAY, formal, mgr, duesCloud } from './test-setup'

const NOW = '2026-11-22T04:00:00.000Z' // 12:00 Beijing, before the collection day 26th
const { cloud, call, account, setBase } = duesCloud(NOW)

describe('member self-report ("我已缴纳") and the 党费管理员 review', () => {
  beforeAll(async () => {
    // 吴刚's base 6000.00 from this month, as the walk-through in set-bases.test.ts saves it before these tests.
    ok(await setBase(DEMO.m.formal, 600_000))
  })

  test('report with a screenshot → pending with a link → confirmed → 党费交至 moves to this month', async () => {
    const before = ok(await call('memberDues', {}, formal))
    expect(before.paidThrough).toBe('2026-10')
    expect(before.reportable.map((r: { month: string }) => r.month)).toContain(MONTH)
    const rep = ok(
      await call('reportPayment', { memberId: DEMO.m.formal, months: [MONTH], method: 'transfer', paidOn: TODAY, note: '微信转账', screenshot: { type: 'png', base64: PNG_1PX } }, formal),
    )
    expect(rep.months[0]).toMatchObject({ status: 'reported', report: { method: 'transfer', hasScreenshot: true, amountFen: 9000 } })
    expect(errCode(await call('reportPayment', { memberId: DEMO.m.formal, months: [MONTH], method: 'transfer', paidOn: TODAY }, formal))).toBe('CONFLICT')

    const pending = ok(await call('pendingReports', { branchId: DEMO.branch }, mgr)).items.find((i: { memberId: string }) => i.memberId === DEMO.m.formal)
    expect(pending).toMatchObject({ name: '吴刚', months: [{ month: MONTH, dueFen: 9000 }], amountFen: 9000 })
    const img = Buffer.from(await (await fetch(pending.screenshotUrl)).arrayBuffer())
    expect(img.toString('base64')).toBe(PNG_1PX)

    const done = ok(await call('reviewReport', { memberId: DEMO.m.formal, paymentId: pending.paymentId, approve: true }, mgr))
    expect(done.paidThrough).toBe(MONTH)
    expect(done.months[0]).toMatchObject({ status: 'paid', paidFen: 9000, method: 'transfer', paidOn: TODAY, recordedByName: '王志强' })
    const after = ok(await call('memberDues', {}, formal))
    expect(after.paidThrough).toBe(MONTH)
    expect(after.thisMonth.status).toBe('paid')
    expect(errCode(await call('reviewReport', { memberId: DEMO.m.formal, paymentId: pending.paymentId, approve: true }, mgr))).toBe('CONFLICT')
  })

  test('a rejected report shows its reason to the member, who may report again', async () => {
    const m = 'm_b1_15'
    const me = devOpenid(m)
    const rep = ok(await call('reportPayment', { memberId: m, months: [MONTH], method: 'online', paidOn: TODAY }, me))
    expect(rep.months[0].status).toBe('reported')
    const pid = (cloud.db.dump('dues_ledger').find((d) => d._id === `${m}_202611`) as { paymentId: string }).paymentId
    expect(errCode(await call('reviewReport', { memberId: m, paymentId: pid, approve: false }, mgr))).toBe('INVALID_INPUT')
    const r = ok(await call('reviewReport', { memberId: m, paymentId: pid, approve: false, reason: '未收到转账' }, mgr))
    expect(r.months[0]).toMatchObject({ status: 'rejected', rejection: { reason: '未收到转账', byName: '王志强' } })
    expect(account(m).reportedMonths).not.toContain(MONTH)
    const todos = ok(await call('todos', {}, me)).items
    expect(todos).toContainEqual(expect.objectContaining({ kind: 'rejected', detail: '未收到转账' }))
    ok(await call('reportPayment', { memberId: m, months: [MONTH], method: 'online', paidOn: TODAY }, me))
  })

  test('a screenshot that is not an image is refused before anything is written', async () => {
    const before = cloud.snapshot()
    const r = await call('reportPayment', { memberId: 'm_b1_28', months: [MONTH], method: 'transfer', paidOn: TODAY, screenshot: { type: 'jpg', base64: PNG_1PX } }, devOpenid('m_b1_28'))
    expect(!r.ok && r.error).toMatchObject({ code: 'INVALID_INPUT', message: '图片应为 JPG 或 PNG 格式' })
    expect(cloud.snapshot()).toEqual(before)
  })

  test('a member reports only for themselves', async () => {
    expect(errCode(await call('reportPayment', { memberId: 'm_b1_30', months: [MONTH], method: 'transfer', paidOn: TODAY }, formal))).toBe('FORBIDDEN')
  })
})
