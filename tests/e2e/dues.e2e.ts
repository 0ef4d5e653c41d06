/**
 * 党费 end to end in Chromium (H5 build, phone-sized), in 第一党支部 at the real date: the 党费管理员 (王志强)
 * enters bases on the 核定 screen — 6000.00 for 吴刚 and the band boundaries 3000.00 / 3000.01 / 5000.00 /
 * 10000.01 and 离退休 5000.00 — and the server's amounts match; a 困难党员's approved 减交 is recorded; 吴刚 sees 90.00 元 due, reports "我已缴纳";
 * the manager confirms it; 吴刚's 党费交至 moves to this month; the 登记表 export downloads a valid .xlsx
 * whose rows match the ledger (parsed with exceljs).
 */
import { tmpdir } from 'node:os'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { beijingMonth, formatMonthCN } from '../../shared/src/rules/time'
import { DEMO, devOpenid } from '../../local/seed'
import { callAs, closeBrowser, E2E_AT, open, phone, shot } from './support'

afterAll(async () => {
  await closeBrowser()
})

const MANAGER = devOpenid(DEMO.m.organizer)
const WU = DEMO.m.formal

/** A screenshot once Taro's page slide-in has finished. */
const settledShot = async (page: Page, name: string): Promise<void> => {
  await page.waitForTimeout(600)
  await shot(page, name)
}

/** Taro's H5 modal: press the confirm button with this text. */
const confirmModal = async (page: Page, text: string): Promise<void> => {
  await page.locator('.taro__modal').getByText(text, { exact: true }).click()
}

interface MemberDuesReply {
  thisMonth: { status: string; dueFen: number | null }
  paidThrough: string | null
  current: { monthlyFen: number; baseFen: number | null } | null
}
interface CollectionReply {
  rows: { memberId: string; name: string; entry: { status: string; paidFen: number } }[]
}

/** The boundaries typed on the 核定 screen: member, base typed, what the screen and the server must show. */
const BASES: { memberId: string; base: string; fen: number; shown: string }[] = [
  { memberId: WU, base: '6000.00', fen: 9000, shown: '每月 90.00 元' },
  { memberId: 'm_b1_17', base: '3000.00', fen: 1500, shown: '每月 15.00 元' },
  { memberId: 'm_b1_19', base: '3000.01', fen: 3001, shown: '每月 30.01 元' },
  { memberId: 'm_b1_20', base: '5000.00', fen: 5000, shown: '每月 50.00 元' },
  { memberId: 'm_b1_21', base: '10000.01', fen: 20001, shown: '每月 200.01 元' },
  { memberId: DEMO.m.retired, base: '5000.00', fen: 2500, shown: '每月 25.00 元' },
]

test('核定 6000.00 → 90.00 元 → 我已缴纳 → confirmed → 党费交至 this month; boundaries; .xlsx export matches the ledger', async () => {
  const month = beijingMonth(new Date(E2E_AT))

  // 1. The 党费管理员 types the bases on the 核定 screen; amount and band show while typing.
  const mgr = await phone(MANAGER)
  await open(mgr.page, 'subpackages/dues-admin/base-review/index')
  await mgr.page.getByTestId('base-review-page').waitFor()
  for (const b of BASES) {
    const row = mgr.page.locator(`[data-testid=assess-row][data-member-id=${b.memberId}]`)
    await row.getByTestId('assess-base').locator('input').fill(b.base)
    await row.getByTestId('assess-amount').filter({ hasText: b.shown }).waitFor()
  }
  await expect(mgr.page.locator(`[data-testid=assess-row][data-member-id=${WU}]`).getByTestId('assess-band').textContent()).resolves.toBe(
    '5000.00＜基数≤10000.00元，按1.5%交纳',
  )
  await settledShot(mgr.page, 'dues-01-base-review')
  await mgr.page.getByTestId('assess-save').click()
  await confirmModal(mgr.page, '保存')
  await mgr.page.getByTestId('assess-save').filter({ hasText: /^保存$/ }).waitFor()

  // The server computed the same amounts (monthlyDuesFen, the branch's rounding) for this month.
  for (const b of BASES) {
    const d = (await callAs(MANAGER, 'dues', 'memberDues', { memberId: b.memberId })) as MemberDuesReply
    expect([b.memberId, d.current?.monthlyFen, d.thisMonth.dueFen]).toEqual([b.memberId, b.fen, b.fen])
  }

  // 1b. A 困难党员: 减交 to 5.00 元 a month, on the approval the branch obtained; the base stays.
  const poor = mgr.page.locator(`[data-testid=assess-row][data-member-id=m_b1_17]`)
  await poor.getByTestId('relief-open').click()
  await poor.getByTestId('relief-reduced').click()
  await poor.getByTestId('relief-amount').locator('input').fill('5')
  await poor.getByTestId('relief-ref').locator('input').fill('支委会研究，街道党工委批准')
  await poor.getByTestId('assess-amount').filter({ hasText: '每月 5.00 元' }).waitFor()
  await settledShot(mgr.page, 'dues-01b-relief')
  await mgr.page.getByTestId('assess-save').click()
  await confirmModal(mgr.page, '保存')
  await mgr.page.getByTestId('assess-save').filter({ hasText: /^保存$/ }).waitFor()
  const relieved = (await callAs(MANAGER, 'dues', 'memberDues', { memberId: 'm_b1_17' })) as MemberDuesReply & { current: { relief: unknown } | null }
  expect([relieved.current?.baseFen, relieved.current?.monthlyFen, relieved.current?.relief]).toEqual([300_000, 500, { kind: 'reduced', monthlyFen: 500, approvalRef: '支委会研究，街道党工委批准' }])

  // 2. 吴刚 opens 我的 → 党费: 90.00 元 due this month.
  const wu = await phone(devOpenid(WU))
  await open(wu.page, 'pages/mine/index')
  await wu.page.getByTestId('mine-page').getByText('党费', { exact: true }).click()
  await wu.page.getByTestId('dues-page').waitFor()
  await expect(wu.page.getByTestId('dues-amount').textContent()).resolves.toBe('90.00')
  await settledShot(wu.page, 'dues-02-member')

  // 3. "我已缴纳": this month is selected; submit; the page shows 待确认.
  await wu.page.getByTestId('report-paid').click()
  await wu.page.getByTestId('report-page').waitFor()
  await expect(wu.page.getByTestId('report-total').textContent()).resolves.toBe('90.00 元')
  await wu.page.getByTestId('report-note').locator('input').fill('微信转账给王志强')
  await settledShot(wu.page, 'dues-03-report')
  await wu.page.getByTestId('report-submit').click()
  await wu.page.getByTestId('dues-page').waitFor()
  await wu.page.getByTestId('dues-status').filter({ hasText: '待确认' }).waitFor()

  // 4. The manager confirms it on 待确认.
  await open(mgr.page, 'subpackages/dues-admin/reports/index')
  const card = mgr.page.locator(`[data-testid=report-card][data-member-id=${WU}]`)
  await card.waitFor()
  await expect(card.textContent()).resolves.toContain('90.00 元')
  await settledShot(mgr.page, 'dues-04-reports')
  await card.getByTestId('report-approve').click()
  await confirmModal(mgr.page, '确认')
  await card.waitFor({ state: 'detached' })

  // 5. 吴刚's 党费交至 moves to this month.
  await open(wu.page, 'subpackages/dues/mine/index')
  await wu.page.getByTestId('paid-through').filter({ hasText: formatMonthCN(month) }).waitFor()
  await expect(wu.page.getByTestId('dues-status').textContent()).resolves.toBe('已交纳')
  await settledShot(wu.page, 'dues-05-member-paid')

  // 6. The collection screen and the arrears list (邓明: six months, the rule shown).
  await open(mgr.page, 'subpackages/dues-admin/collection/index')
  await mgr.page.locator(`[data-testid=collection-row][data-member-id=${WU}][data-status=paid]`).waitFor()
  await settledShot(mgr.page, 'dues-06-collection')
  await open(mgr.page, 'subpackages/dues-admin/arrears/index')
  await mgr.page.getByTestId('lapse-rule').waitFor()
  await expect(mgr.page.locator(`[data-testid=arrears-row][data-member-id=${DEMO.m.unbound}]`).getAttribute('data-flag')).resolves.toBe('lapse-review')
  await settledShot(mgr.page, 'dues-07-arrears')

  // 7. Export the year's 登记表: a valid .xlsx whose rows match the ledger.
  await open(mgr.page, 'subpackages/dues-admin/index/index')
  await mgr.page.getByTestId('exports').waitFor()
  const [download] = await Promise.all([mgr.page.waitForEvent('download'), mgr.page.getByTestId('export-ledger').click()])
  expect(download.suggestedFilename()).toMatch(/^示范社区第一党支部_\d{4}年党费交纳登记表\.xlsx$/)
  await mgr.page.getByTestId('export-progress-ledger').and(mgr.page.locator('[data-phase=done]')).waitFor()
  await mgr.page.getByTestId('exports').scrollIntoViewIfNeeded()
  await settledShot(mgr.page, 'dues-08-export')
  const path = await download.path()
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.readFile(path)
  const year = Number(month.slice(0, 4))
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)
  const ledger = new Map<string, number>() // `${name}|${month}` → paid fen, from the collection screens
  for (const m of months) {
    const col = (await callAs(MANAGER, 'dues', 'collection', { branchId: DEMO.branch, month: m })) as CollectionReply
    for (const r of col.rows) if (r.entry.status === 'paid') ledger.set(`${r.name}|${m}`, r.entry.paidFen)
  }
  const fromSheet = new Map<string, number>()
  wb.getWorksheet('登记表')!.eachRow((row, n) => {
    if (n <= 3) return
    const name = String(row.getCell(2).value)
    months.forEach((m, i) => {
      const v = row.getCell(6 + i).value
      if (typeof v === 'number') fromSheet.set(`${name}|${m}`, Math.round(v * 100))
    })
  })
  expect(fromSheet.size).toBeGreaterThan(100)
  expect(Object.fromEntries(fromSheet)).toEqual(Object.fromEntries(ledger))
  expect(fromSheet.get(`吴刚|${month}`)).toBe(9000)
  let detailRows = 0
  wb.getWorksheet('明细')!.eachRow((_row, n) => {
    if (n > 2) detailRows++
  })
  expect(detailRows).toBe(ledger.size)

  // 8. The 公示 page and the member-facing 公示 (no bases).
  await open(mgr.page, 'subpackages/dues-admin/publish/index')
  await mgr.page.getByTestId('publish-preview').click()
  await mgr.page.getByTestId('publication-table').waitFor()
  await settledShot(mgr.page, 'dues-09-publish')
  await open(wu.page, 'subpackages/dues/publications/index')
  await wu.page.getByTestId('publication-item').first().click()
  await wu.page.getByTestId('publication-table').waitFor()
  await expect(wu.page.getByTestId('publication-table').textContent()).resolves.not.toContain('基数')
  await settledShot(wu.page, 'dues-10-publication')
})

test('补交 in one payment, 代交 by a relative, from the arrears list; an import with a bad row imports nothing; the 书记 sees the 6-month flag', async () => {
  const month = beijingMonth(new Date(E2E_AT))
  const XU = DEMO.m.mobile // 许海燕: three months behind in the seed
  const mgr = await phone(MANAGER)

  // 1. From 欠交提醒: the dialog offers the owed months; keep the three overdue ones, name the payer.
  await open(mgr.page, 'subpackages/dues-admin/arrears/index')
  const row = mgr.page.locator(`[data-testid=arrears-row][data-member-id=${XU}]`)
  await row.getByTestId('arrears-pay').click()
  await mgr.page.getByTestId('payment-dialog').waitFor()
  const current = mgr.page.getByTestId(`pick-${month}`)
  if ((await current.getAttribute('aria-checked')) === 'true') await current.click()
  await mgr.page.getByTestId('payment-total').filter({ hasText: '306.00 元' }).waitFor()
  await mgr.page.getByTestId('payment-payer').locator('input').fill('许建华')
  await settledShot(mgr.page, 'dues-11-backpay-dialog')
  await mgr.page.getByTestId('payment-submit').click()
  await row.waitFor({ state: 'detached' })
  const xu = (await callAs(MANAGER, 'dues', 'memberDues', { memberId: XU })) as { arrears: { currentRun: number }; history: { month: string; status: string; payerName: string | null }[] }
  expect(xu.arrears.currentRun).toBe(0)
  expect(xu.history.filter((h) => h.payerName === '许建华').length).toBe(3)

  // 2. An import with one bad row: the preview marks it and the import button stays disabled.
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('核算表')
  ws.addRow(['示范社区第一党支部党员缴纳党费核算表'])
  ws.addRow(['序号', '姓名', '类别', '基数（元）', '金额（元）'])
  ws.addRow([1, '张建国', '在职', 8600, 129])
  ws.addRow([2, '李红梅', '在职', 7200, 100])
  const file = `${tmpdir()}/dues-import-${process.pid}.xlsx`
  await wb.xlsx.writeFile(file)
  await open(mgr.page, 'subpackages/dues-admin/import/index')
  const [chooser] = await Promise.all([mgr.page.waitForEvent('filechooser'), mgr.page.getByTestId('pick-xlsx').click()])
  await chooser.setFiles(file)
  await mgr.page.getByTestId('import-summary').filter({ hasText: '1行有误' }).waitFor()
  await expect(mgr.page.locator('[data-testid=import-row][data-row="4"]').textContent()).resolves.toContain('金额应为108.00元（表中为100.00元）')
  await expect(mgr.page.getByTestId('import-confirm').textContent()).resolves.toBe('有错误，不能导入')
  await settledShot(mgr.page, 'dues-12-import-preview')

  // 3. The 书记's 首页 lists the 6-month flag (邓明) — a flag only.
  const sec = await phone(devOpenid(DEMO.m.secretary))
  await open(sec.page, 'pages/index/index')
  await sec.page.getByTestId('dues-todo-arrears-flag').waitFor()
  await expect(sec.page.getByTestId('dues-todo-arrears-flag').textContent()).resolves.toContain('系统仅作提示')
  await settledShot(sec.page, 'dues-13-home-todos')
})
