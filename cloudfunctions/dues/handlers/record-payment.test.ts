/**
 * dues.recordPayment: races (one month ×5, overlapping 预交), the 补交 / 预交 window, 补交 of several months 代交, no
 * 核定, 预备党员, a voided payment (voidPayment), branch isolation; then the arrears list, to-dos, the daily timer and
 * the reminders it schedules — those read the state the payments left (m_b1_19's voided October), so they stay here.
 */
import { DUES_DEMO } from '../../../local/seed/dues'
import { DEMO, devOpenid, errCode, ok } from '../../../tests/support/cloud'
import { MONTH, NEXT, TODAY, mgr, otherSec, sec, duesCloud } from './test-setup'

const NOW = '2026-11-22T04:00:00.000Z' // 12:00 Beijing, before the collection day 26th
const { cloud, call, ledgerDoc, account } = duesCloud(NOW)

describe('recording payments', () => {
  test('five concurrent payments of one month → exactly one payment', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () => call('recordPayment', { memberId: 'm_b1_17', months: [NEXT], paidOn: TODAY, method: 'cash' }, mgr)),
    )
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map(errCode)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT'])
    expect(account('m_b1_17').paidMonths.filter((m) => m === NEXT)).toHaveLength(1)
    expect(cloud.db.dump('events').filter((e) => e._id === 'dues-paid-on-time_m_b1_17_202612')).toHaveLength(1)
  })

  test('overlapping 预交 payments racing → one wins, the other writes nothing', async () => {
    const a = { memberId: 'm_b1_23', months: ['2027-01', '2027-02'], paidOn: TODAY, method: 'transfer' }
    const b = { memberId: 'm_b1_23', months: ['2027-02', '2027-03'], paidOn: TODAY, method: 'cash' }
    const [ra, rb] = await Promise.all([call('recordPayment', a, mgr), call('recordPayment', b, sec)])
    expect([ra.ok, rb.ok].filter(Boolean)).toHaveLength(1)
    const winner = ra.ok ? a : b
    const months = cloud.db.dump('dues_ledger').filter((d) => d.memberId === 'm_b1_23' && String(d.month) >= '2027-01').map((d) => d.month)
    expect(months.sort()).toEqual(winner.months)
  })

  test('补交 / 预交 beyond the profile window (6 months) is refused with a clear message, nothing written', async () => {
    // April was paid in the seed: undo it, so it is owed but older than the window allows.
    ok(await call('voidPayment', { memberId: 'm_b1_24', month: '2026-04', reason: '测试' }, mgr))
    const before = cloud.snapshot()
    const back = await call('recordPayment', { memberId: 'm_b1_24', months: ['2026-04'], paidOn: TODAY, method: 'cash' }, mgr)
    expect(errCode(back)).toBe('RULE_VIOLATED')
    expect(!back.ok && back.error.message).toBe('补交最多可补前6个月（2026年5月起），2026年4月已超出，请由支部研究处理')
    const ahead = await call('recordPayment', { memberId: 'm_b1_24', months: ['2027-05', '2027-06'], paidOn: TODAY, method: 'cash' }, mgr)
    expect(!ahead.ok && ahead.error.message).toBe('预交最多可预交6个月（至2027年5月），2027年6月已超出')
    const paid = await call('recordPayment', { memberId: 'm_b1_24', months: ['2026-10'], paidOn: TODAY, method: 'cash' }, mgr)
    expect(errCode(paid)).toBe('CONFLICT')
    const wrongTotal = await call('recordPayment', { memberId: 'm_b1_24', months: [NEXT], paidOn: TODAY, method: 'cash', amountFen: 1 }, mgr)
    expect(errCode(wrongTotal)).toBe('RULE_VIOLATED')
    const future = await call('recordPayment', { memberId: 'm_b1_24', months: [NEXT], paidOn: '2026-11-23', method: 'cash' }, mgr)
    expect(errCode(future)).toBe('INVALID_INPUT')
    expect(cloud.snapshot()).toEqual(before)
  })

  test('补交 of several months in one payment, 代交 by a relative: recorded with the payer, arrears cleared', async () => {
    const m = DUES_DEMO.threeBehind
    const before = ok(await call('memberDues', { memberId: m }, mgr))
    expect(before.arrears).toMatchObject({ unpaidMonths: ['2026-08', '2026-09', '2026-10'], currentRun: 3, flag: 'warn' })
    const r = ok(
      await call(
        'recordPayment',
        { memberId: m, months: ['2026-08', '2026-09', '2026-10'], paidOn: TODAY, method: 'cash', payerName: '许建华', amountFen: before.arrears.owedFen },
        mgr,
      ),
    )
    expect(r.paidThrough).toBe('2026-10')
    const after = ok(await call('memberDues', { memberId: m }, m === DEMO.m.mobile ? devOpenid(m) : mgr))
    expect(after.arrears.currentRun).toBe(0)
    expect(after.history.find((h: { month: string }) => h.month === '2026-09')).toMatchObject({ status: 'paid', payerName: '许建华', method: 'cash', recordedByName: '王志强' })
    // Paid after their collection days: no on-time events for those months.
    const late = ['202608', '202609', '202610'].map((ym) => `dues-paid-on-time_${m}_${ym}`)
    expect(cloud.db.dump('events').filter((e) => late.includes(String(e._id)))).toHaveLength(0)
  })

  test('a member without a 核定 cannot be recorded; their page says untracked', async () => {
    const created = ok(
      await cloud.call('org', 'createMember', { branchId: DEMO.branch, fields: { name: '新党员', gender: 'female', joinedAt: '2026-09-01', status: 'probationary' } }, sec),
    )
    const page = ok(await call('memberDues', { memberId: created.id }, mgr))
    expect(page.current).toBeNull()
    expect(page.thisMonth.status).toBe('untracked')
    const r = await call('recordPayment', { memberId: created.id, months: [MONTH], paidOn: TODAY, method: 'cash' }, mgr)
    expect(errCode(r)).toBe('RULE_VIOLATED')
  })

  test('预备党员 owe from the month the 支部大会 accepted them', async () => {
    const page = ok(await call('memberDues', { memberId: DEMO.m.probationary }, mgr))
    expect(page.history[page.history.length - 1].month).toBe('2026-05')
    const r = await call('recordPayment', { memberId: DEMO.m.probationary, months: ['2026-05'], paidOn: TODAY, method: 'cash' }, mgr)
    expect(errCode(r)).toBe('CONFLICT') // already paid in the seed: the month is owed, not before the start
  })

  test('void a payment recorded by mistake: 党费交至 moves back, audited', async () => {
    expect(ok(await call('memberDues', { memberId: 'm_b1_19' }, mgr)).paidThrough >= '2026-10').toBe(true)
    const r = ok(await call('voidPayment', { memberId: 'm_b1_19', month: '2026-10', reason: '重复登记' }, mgr))
    expect(r.month.status).toBe('overdue')
    expect(r.paidThrough).toBe('2026-09')
    expect(ledgerDoc('m_b1_19', '2026-10')).toBeUndefined()
    expect(cloud.db.dump('audit').some((a) => a.action === 'dues.voidPayment' && a.targetId === 'm_b1_19')).toBe(true)
    expect(errCode(await call('voidPayment', { memberId: 'm_b1_19', month: '2026-10', reason: '重复登记' }, mgr))).toBe('NOT_FOUND')
  })

  test('another branch cannot record, and writes nothing', async () => {
    const before = cloud.snapshot()
    expect(errCode(await call('recordPayment', { memberId: 'm_b1_20', months: [NEXT], paidOn: TODAY, method: 'cash' }, otherSec))).toBe('FORBIDDEN')
    expect(cloud.snapshot()).toEqual(before)
  })
})

describe('arrears, to-dos and events', () => {
  test('the arrears list: 邓明 six months (flag for the 书记, rule shown), nobody else', async () => {
    const a = ok(await call('arrears', { branchId: DEMO.branch }, mgr))
    expect(a.throughMonth).toBe('2026-10')
    const dm = a.rows.find((r: { memberId: string }) => r.memberId === DUES_DEMO.sixBehind)
    expect(dm).toMatchObject({ currentRun: 6, flag: 'lapse-review', paidThrough: '2026-04', unpaidMonths: ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'] })
    expect(a.lapseRule).toContain('支部大会讨论决定')
  })

  test('to-dos: the 书记 sees the 6-month flag, the 党费管理员 the list, the member their own', async () => {
    const secItems = ok(await call('todos', {}, sec)).items.map((i: { kind: string }) => i.kind)
    expect(secItems).toEqual(expect.arrayContaining(['arrears-warn', 'arrears-flag', 'review-reports']))
    const mgrItems = ok(await call('todos', {}, mgr)).items.map((i: { kind: string }) => i.kind)
    expect(mgrItems).toContain('arrears-warn')
    expect(mgrItems).not.toContain('arrears-flag')
    const plain = ok(await call('todos', {}, devOpenid(DEMO.m.leader2))).items
    expect(plain.filter((i: { kind: string }) => i.kind.startsWith('arrears'))).toEqual([])
  })

  test('the daily timer emits one dues.overdue per member and month, with the run length', async () => {
    // m_b1_19's October payment was voided above: October is now overdue (one month).
    const first = ok(await cloud.raw('dues', { Type: 'Timer', TriggerName: 'dues-daily', Time: NOW }, null))
    expect(first.overdue).toBeGreaterThanOrEqual(1)
    const ev = cloud.db.dump('events').find((e) => e._id === 'dues-overdue_m_b1_19_202610')
    expect(ev).toMatchObject({ type: 'dues.overdue', memberId: 'm_b1_19', branchId: DEMO.branch, data: { month: '2026-10', consecutiveMonths: 1, flag: 'none' } })
    // 邓明 (six behind) has his October event too (from this run, or synthesised by the demo seed).
    expect(cloud.db.dump('events').some((e) => e._id === `dues-overdue_${DUES_DEMO.sixBehind}_202610`)).toBe(true)
    const again = ok(await cloud.raw('dues', { Type: 'Timer', TriggerName: 'dues-daily', Time: NOW }, null))
    expect(again.overdue).toBe(0)
  })

  test('3+ months behind: one reminder (and to-do) for the member per month, through the reminders feed', async () => {
    const scheduled = cloud.db.dump('reminder_events').filter((e) => String(e._id).startsWith('dues-arrears-'))
    const of = (id: string) => scheduled.filter((e) => (e.audience as { memberIds: string[] }).memberIds.includes(id))
    // Exactly those the arrears list shows at the warning (3+) get one reminder each; 邓明 (six) among them.
    const behind = ok(await call('arrears', { branchId: DEMO.branch }, mgr))
      .rows.filter((r: { flag: string }) => r.flag !== 'none')
      .map((r: { memberId: string }) => r.memberId)
    expect(behind).toContain(DUES_DEMO.sixBehind)
    for (const id of behind) expect(of(id)).toHaveLength(1)
    expect(scheduled).toHaveLength(behind.length)
    for (const e of scheduled) {
      expect(e).toMatchObject({ topic: 'dues', branchId: DEMO.branch, cancelled: false, message: { title: '党费交纳提醒' } })
      expect((e.audience as { memberIds: string[] }).memberIds).toHaveLength(1)
      expect(String((e.todo as { title: string }).title)).toMatch(/^党费已连续\d+个月未交$/)
    }
    // Nobody one month behind gets a push.
    expect(scheduled.some((e) => (e.audience as { memberIds: string[] }).memberIds.includes('m_b1_19'))).toBe(false)
    // A rerun schedules nothing new.
    const before = scheduled.length
    ok(await cloud.raw('dues', { Type: 'Timer', TriggerName: 'dues-daily', Time: NOW }, null))
    expect(cloud.db.dump('reminder_events').filter((e) => String(e._id).startsWith('dues-arrears-'))).toHaveLength(before)
  })
})
