/**
 * The dues function through the real SDK on the local backend, at a fixed instant (2026-11-22 12:00
 * Beijing, before the collection day 26th): amounts at the band boundaries through the UI-facing actions,
 * payments (races, 补交 / 预交 window, 代交), self-reports, arrears and events, 核定 (bulk and Excel import,
 * all or nothing), privacy, 公示, exports (parsed back with exceljs) and request counts.
 */
import ExcelJS from 'exceljs'
import fc from 'fast-check'
import { monthlyDuesFen } from '@shared/rules/dues/amount'
import { withInvocationTag } from '../../local/db'
import { fabricateContext } from '../../local/host/context'
import { loadMain } from '../../local/host/functions'
import { DUES_DEMO } from '../../local/seed/dues'
import { DEMO, devOpenid, errCode, ok, startTestCloud, type Reply, type TestCloud } from '../../tests/support/cloud'

const NOW = '2026-11-22T04:00:00.000Z'
const MONTH = '2026-11'
const NEXT = '2026-12'
const TODAY = '2026-11-22'

let cloud: TestCloud
const sec = devOpenid(DEMO.m.secretary)
const mgr = devOpenid(DEMO.m.organizer)
const deputy = devOpenid(DEMO.m.deputy)
const formal = devOpenid(DEMO.m.formal)
const otherSec = devOpenid(DEMO.b2.secretary)

beforeAll(async () => {
  cloud = await startTestCloud({ at: NOW })
})
afterAll(async () => {
  await cloud.close()
})

const call = (action: string, input: unknown, openid: string | null) => cloud.call('dues', action, input, openid)

let seq = 0
/** Calls an action inside our own invocation tag and answers the reply with its database request count. */
const counted = async (action: string, input: unknown, openid: string): Promise<{ r: Reply; requests: number }> => {
  const tag = `dues-count#${++seq}`
  const r = (await withInvocationTag(tag, () => loadMain('dues', 'source')({ action, input }, fabricateContext('dues', openid)))) as Reply
  return { r, requests: cloud.db.counters(tag).requests }
}

const ledgerDoc = (memberId: string, month: string) => cloud.db.dump('dues_ledger').find((d) => d._id === `${memberId}_${month.replace('-', '')}`)
const account = (memberId: string) => cloud.db.dump('dues_accounts').find((d) => d._id === memberId) as { paidMonths: string[]; reportedMonths: string[]; bases: unknown[] }
const setBase = (memberId: string, baseFen: number, category = 'employed', fromMonth = MONTH) =>
  call('setBases', { branchId: DEMO.branch, fromMonth, entries: [{ memberId, category, baseFen }] }, mgr)
const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='

describe('amounts at the band boundaries, end to end (核定 → member page → collection → ledger)', () => {
  test.each([
    ['m_b1_26', 'employed', 300_000, 1500],
    ['m_b1_27', 'employed', 300_001, 3001],
    ['m_b1_28', 'employed', 500_000, 5000],
    ['m_b1_29', 'employed', 1_000_001, 20001],
    ['m_b1_18', 'retired', 500_000, 2500],
    ['m_b1_30', 'retired', 500_001, 5001],
  ] as const)('%s %s base %i fen owes %i fen a month', async (memberId, category, baseFen, fen) => {
    const saved = ok(await setBase(memberId, baseFen, category))
    expect(saved.rows).toEqual([expect.objectContaining({ memberId, monthlyFen: fen })])
    const page = ok(await call('memberDues', { memberId }, mgr))
    expect(page.current.monthlyFen).toBe(fen)
    expect(page.thisMonth.dueFen).toBe(fen)
    const col = ok(await call('collection', { branchId: DEMO.branch, month: NEXT }, mgr))
    expect(col.rows.find((r: { memberId: string }) => r.memberId === memberId).entry.dueFen).toBe(fen)
    // 预交 of next month: the ledger amount is the rule's amount.
    const paid = ok(await call('recordPayment', { memberId, months: [NEXT], paidOn: TODAY, method: 'cash' }, mgr))
    expect(paid.totalFen).toBe(fen)
    expect(ledgerDoc(memberId, NEXT)).toMatchObject({ status: 'paid', dueFen: fen, paidFen: fen })
    expect(fen).toBe(monthlyDuesFen({ category, baseFen }))
  })

  test('the member sees 90.00 元 for a base of 6000.00 (the issue walk-through)', async () => {
    ok(await setBase(DEMO.m.formal, 600_000))
    const page = ok(await call('memberDues', {}, formal))
    expect(page.thisMonth).toMatchObject({ month: MONTH, status: 'unpaid', dueFen: 9000 })
    expect(page.current.band).toBe('5000.00＜基数≤10000.00元，按1.5%交纳')
  })

  test('property: any base saved through setBases owes exactly monthlyDuesFen', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3_000_000 }), fc.constantFrom('employed', 'retired', 'self-employed'), async (baseFen, category) => {
        const saved = ok(await setBase('m_b1_26', baseFen, category, '2027-01'))
        return saved.rows[0].monthlyFen === monthlyDuesFen({ category, baseFen })
      }),
      { numRuns: 15 },
    )
  })
})

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

describe('member self-report ("我已缴纳") and the 党费管理员 review', () => {
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

describe('privacy: base and category only for the member, the 党费管理员 and the 书记', () => {
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

describe('核定', () => {
  test('one bad entry saves nothing (row errors name the member)', async () => {
    const before = cloud.snapshot()
    const r = await call(
      'setBases',
      {
        branchId: DEMO.branch,
        fromMonth: MONTH,
        entries: [
          { memberId: 'm_b1_20', category: 'employed', baseFen: 400_000 },
          { memberId: 'm_b1_21', category: 'employed' },
          { memberId: DEMO.b2.formal, category: 'employed', baseFen: 1 },
        ],
      },
      mgr,
    )
    expect(errCode(r)).toBe('INVALID_INPUT')
    expect(!r.ok && r.error.message).toBe('袁涛：请填写党费基数（共2处错误），未保存任何数据')
    expect(!r.ok && r.error.details?.rows).toEqual([
      { memberId: 'm_b1_21', name: '袁涛', message: '请填写党费基数' },
      { memberId: DEMO.b2.formal, name: '', message: '不是本支部的党员' },
    ])
    expect(cloud.snapshot()).toEqual(before)
    expect(errCode(await call('setBases', { branchId: DEMO.branch, fromMonth: '2025-10', entries: [{ memberId: 'm_b1_20', category: 'student' }] }, mgr))).toBe('RULE_VIOLATED')
  })

  test('a raise from a month already paid leaves the difference to 补交 (第十条)', async () => {
    const m = 'm_b1_22'
    const old = ledgerDoc(m, '2026-10') as { paidFen: number }
    ok(await setBase(m, 1_200_000, 'employed', '2026-10'))
    const page = ok(await call('memberDues', { memberId: m }, mgr))
    const oct = page.history.find((h: { month: string }) => h.month === '2026-10')
    expect(oct).toMatchObject({ status: 'paid', dueFen: 24000, paidFen: old.paidFen, shortFen: 24000 - old.paidFen })
    expect(ledgerDoc(m, '2026-10')).toMatchObject({ dueFen: 24000 })
    expect(page.history.find((h: { month: string }) => h.month === '2026-09').dueFen).toBe(old.paidFen)
  })

  test('a member submits a base; the 核定 screen shows it; saving clears it and the member record follows', async () => {
    const m = 'm_b1_16'
    const sub = ok(await call('submitBase', { memberId: m, category: 'retired', baseFen: 380_000, note: '今年退休' }, devOpenid(m)))
    expect(sub).toMatchObject({ monthlyFen: 1900, band: '基数≤5000.00元，按0.5%交纳' })
    const row = ok(await call('baseReview', { branchId: DEMO.branch }, mgr)).rows.find((r: { memberId: string }) => r.memberId === m)
    expect(row.proposal).toMatchObject({ category: 'retired', baseFen: 380_000, note: '今年退休' })
    ok(await setBase(m, 380_000, 'retired'))
    expect(ok(await call('baseReview', { branchId: DEMO.branch }, mgr)).rows.find((r: { memberId: string }) => r.memberId === m).proposal).toBeNull()
    expect(ok(await cloud.call('org', 'getMember', { memberId: m }, sec)).duesCategory).toBe('retired')
  })
})

describe('Excel import of the 核算表 (姓名, 类别, 基数, 金额)', () => {
  const workbook = async (rows: (string | number | null)[][]): Promise<string> => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('核算表')
    ws.addRow(['示范社区第一党支部党员缴纳党费核算表（2026年）'])
    ws.addRow(['序号', '姓名', '党员类别', '党费基数（元）', '月交金额（元）'])
    rows.forEach((r, i) => ws.addRow([i + 1, ...r]))
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
  }
  const importAs = async (rows: (string | number | null)[][], dryRun: boolean) =>
    call('importBases', { branchId: DEMO.branch, fromMonth: NEXT, file: { name: '核算表.xlsx', base64: await workbook(rows) }, dryRun }, mgr)

  test('one bad row imports nothing; the preview lists every row with its error', async () => {
    const rows = [
      ['李红梅', '在职', 7500, 112.5],
      ['陈卫东', '在职', '10000.01', '200.01'],
      ['孙伟', '在职', 3000, 30],
      ['查无此人', '在职', 3000, 15],
    ]
    const preview = ok(await importAs(rows, true))
    expect(preview.errorCount).toBe(2)
    expect(preview.rows.map((r: { row: number; error: string | null }) => [r.row, r.error])).toEqual([
      [3, null],
      [4, null],
      [5, '金额应为15.00元（表中为30.00元）'],
      [6, '本支部没有名为“查无此人”的党员'],
    ])
    const before = cloud.snapshot()
    const r = await importAs(rows, false)
    expect(!r.ok && r.error.message).toBe('第5行：金额应为15.00元（表中为30.00元）（共2行有误），未导入任何数据')
    expect(cloud.snapshot()).toEqual(before)
  })

  test('a good sheet imports every row, amounts from the rule', async () => {
    const r = ok(await importAs([['李红梅', '在职党员', 7500, 112.5], ['陈卫东', '在职', '10000.01', null], ['孙伟', '在职', 3000, '15.00']], false))
    expect(r).toMatchObject({ imported: 3, errorCount: 0 })
    const page = ok(await call('memberDues', { memberId: DEMO.m.discipline }, mgr))
    expect(page.bases[0]).toMatchObject({ fromMonth: NEXT, baseFen: 1_000_001, monthlyFen: 20001 })
  })

  test('a file that is not a workbook is refused', async () => {
    const r = await call('importBases', { branchId: DEMO.branch, fromMonth: NEXT, file: { name: '核算表.xlsx', base64: PNG_1PX }, dryRun: true }, mgr)
    expect(!r.ok && r.error.message).toBe('请上传 .xlsx 格式的 Excel 文件')
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

describe('exports (.xlsx parsed back with exceljs)', () => {
  const download = async (url: string) => {
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await (await fetch(url)).arrayBuffer())
    return wb
  }
  const fen = (v: unknown) => Math.round(Number(v) * 100)

  test('the year ledger: 明细 rows match the ledger documents, 登记表 months match paid amounts', async () => {
    const r = ok(await call('exportFile', { branchId: DEMO.branch, kind: 'ledger', year: 2026 }, mgr))
    expect(r.fileName).toBe('示范社区第一党支部_2026年党费交纳登记表.xlsx')
    const wb = await download(r.url)
    const paid = cloud.db.dump('dues_ledger').filter((d) => d.branchId === DEMO.branch && d.status === 'paid' && String(d.month).startsWith('2026-'))
    const detail = wb.getWorksheet('明细')!
    const rows: { name: string; month: string; due: number; paid: number; on: string }[] = []
    detail.eachRow((row, n) => {
      if (n <= 2) return
      rows.push({ name: String(row.getCell(1).value), month: String(row.getCell(2).value), due: fen(row.getCell(3).value), paid: fen(row.getCell(4).value), on: String(row.getCell(5).value) })
    })
    expect(rows).toHaveLength(paid.length)
    expect(r.rows).toBe(paid.length)
    const names = new Map(cloud.db.dump('members').map((m) => [m._id, m.name]))
    const expected = paid.map((d) => ({ name: names.get(d.memberId), month: d.month, due: d.dueFen, paid: d.paidFen, on: d.paidOn })).sort((a, b) => `${a.name}${a.month}`.localeCompare(`${b.name}${b.month}`))
    expect([...rows].sort((a, b) => `${a.name}${a.month}`.localeCompare(`${b.name}${b.month}`))).toEqual(expected)

    const reg = wb.getWorksheet('登记表')!
    let checked = 0
    reg.eachRow((row, n) => {
      if (n <= 3) return
      const name = String(row.getCell(2).value)
      for (let month = 1; month <= 12; month++) {
        const cell = row.getCell(5 + month).value
        const doc = paid.find((d) => names.get(d.memberId) === name && d.month === `2026-${String(month).padStart(2, '0')}`)
        if (doc) {
          expect(fen(cell)).toBe(doc.paidFen)
          checked++
        } else expect(cell === null || cell === '免交').toBe(true)
      }
    })
    expect(checked).toBe(paid.length)
  })

  test('the 核算表 export imports back unchanged (no errors)', async () => {
    const r = ok(await call('exportFile', { branchId: DEMO.branch, kind: 'base-review', year: 2026 }, mgr))
    const base64 = Buffer.from(await (await fetch(r.url)).arrayBuffer()).toString('base64')
    const preview = ok(await call('importBases', { branchId: DEMO.branch, fromMonth: NEXT, file: { name: 'x.xlsx', base64 }, dryRun: true }, mgr))
    expect(preview.rows.length).toBeGreaterThanOrEqual(30)
    expect(preview.rows.filter((x: { error: string | null }) => x.error)).toEqual([])
  })

  test('the half-year summary matches the 公示 totals', async () => {
    const pub = ok(await call('publish', { branchId: DEMO.branch, period: '2026-H1', dryRun: true }, mgr))
    const r = ok(await call('exportFile', { branchId: DEMO.branch, kind: 'summary', year: 2026, period: '2026-H1' }, mgr))
    const ws = (await download(r.url)).getWorksheet('公示')!
    const footer = ws.getRow(ws.rowCount)
    expect(String(footer.getCell(1).value)).toBe('合计')
    expect(fen(footer.getCell(4).value)).toBe(pub.totals.dueFen)
    expect(fen(footer.getCell(6).value)).toBe(pub.totals.paidFen)
  })
})

describe('database requests per call (members ≤2, 支委 views ≤4)', () => {
  test.each([
    ['memberDues', {}, 2, formal],
    ['todos', {}, 2, formal],
    ['listPublications', {}, 2, formal],
    ['getPublication', { publicationId: `${DEMO.branch}_2026-H1` }, 2, formal],
    ['collection', { month: MONTH }, 4, mgr],
    ['todos', { asSecretary: true }, 4, sec],
    ['arrears', {}, 3, mgr],
    ['baseReview', {}, 3, mgr],
    ['pendingReports', {}, 3, mgr],
  ] as const)('%s %j: ≤ %i requests', async (action, shown, max, openid) => {
    const input = 'asSecretary' in shown ? {} : shown
    const { r, requests } = await counted(action, input, openid)
    expect(r.ok).toBe(true)
    expect(requests).toBeLessThanOrEqual(max)
    expect(requests).toBeGreaterThan(0)
  })
})
