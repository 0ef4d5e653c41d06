/**
 * 党费 end to end in Chromium (H5 build, phone-sized), in 第一党支部 at the real date: the 党费管理员 (王志强)
 * enters bases on the 核定 screen — 6000.00 for 吴刚 and the band boundaries 3000.00 / 3000.01 / 5000.00 /
 * 10000.01 and 离退休 5000.00 — and the server's amounts match; 吴刚 sees 90.00 元 due, reports "我已缴纳";
 * the manager confirms it; 吴刚's 党费交至 moves to this month; the 登记表 export downloads a valid .xlsx
 * whose rows match the ledger (parsed with exceljs).
 */
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { beijingMonth, formatMonthCN } from '../../shared/src/rules/time'
import { DEMO, devOpenid } from '../../local/seed'
import { callAs, closeBrowser, open, phone, shot } from './support'

afterAll(async () => {
  await closeBrowser()
})

const MANAGER = devOpenid(DEMO.m.organizer)
const WU = DEMO.m.formal

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
  const month = beijingMonth(new Date())

  // 1. The 党费管理员 types the bases on the 核定 screen; amount and band show while typing.
  const mgr = await phone(MANAGER)
  await open(mgr.page, 'subpackages/dues-admin/assessment/index')
  await mgr.page.getByTestId('assessment-page').waitFor()
  for (const b of BASES) {
    const row = mgr.page.locator(`[data-testid=assess-row][data-member-id=${b.memberId}]`)
    await row.getByTestId('assess-base').locator('input').fill(b.base)
    await row.getByTestId('assess-amount').filter({ hasText: b.shown }).waitFor()
  }
  await expect(mgr.page.locator(`[data-testid=assess-row][data-member-id=${WU}]`).getByTestId('assess-band').textContent()).resolves.toBe(
    '5000.00＜基数≤10000.00元，按1.5%交纳',
  )
  await shot(mgr.page, 'dues-01-assessment')
  await mgr.page.getByTestId('assess-save').click()
  await confirmModal(mgr.page, '保存')
  await mgr.page.getByTestId('assess-save').filter({ hasText: /^保存$/ }).waitFor()

  // The server computed the same amounts (monthlyDuesFen, the branch's rounding) for this month.
  for (const b of BASES) {
    const d = (await callAs(MANAGER, 'dues', 'memberDues', { memberId: b.memberId })) as MemberDuesReply
    expect([b.memberId, d.current?.monthlyFen, d.thisMonth.dueFen]).toEqual([b.memberId, b.fen, b.fen])
  }

  // 2. 吴刚 opens 我的 → 党费: 90.00 元 due this month.
  const wu = await phone(devOpenid(WU))
  await open(wu.page, 'pages/mine/index')
  await wu.page.getByTestId('menu-dues').click()
  await wu.page.getByTestId('dues-page').waitFor()
  await expect(wu.page.getByTestId('dues-amount').textContent()).resolves.toBe('90.00')
  await shot(wu.page, 'dues-02-member')

  // 3. "我已缴纳": this month is selected; submit; the page shows 待确认.
  await wu.page.getByTestId('report-paid').click()
  await wu.page.getByTestId('report-page').waitFor()
  await expect(wu.page.getByTestId('report-total').textContent()).resolves.toBe('90.00 元')
  await wu.page.getByTestId('report-note').locator('input').fill('微信转账给王志强')
  await shot(wu.page, 'dues-03-report')
  await wu.page.getByTestId('report-submit').click()
  await wu.page.getByTestId('dues-page').waitFor()
  await wu.page.getByTestId('dues-status').filter({ hasText: '待确认' }).waitFor()

  // 4. The manager confirms it on 待确认.
  await open(mgr.page, 'subpackages/dues-admin/reports/index')
  const card = mgr.page.locator(`[data-testid=report-card][data-member-id=${WU}]`)
  await card.waitFor()
  await expect(card.textContent()).resolves.toContain('90.00 元')
  await shot(mgr.page, 'dues-04-reports')
  await card.getByTestId('report-approve').click()
  await confirmModal(mgr.page, '确认')
  await card.waitFor({ state: 'detached' })

  // 5. 吴刚's 党费交至 moves to this month.
  await open(wu.page, 'subpackages/dues/mine/index')
  await wu.page.getByTestId('paid-through').filter({ hasText: formatMonthCN(month) }).waitFor()
  await expect(wu.page.getByTestId('dues-status').textContent()).resolves.toBe('已交纳')
  await shot(wu.page, 'dues-05-member-paid')

  // 6. The collection screen and the arrears list (邓明: six months, the rule shown).
  await open(mgr.page, 'subpackages/dues-admin/collection/index')
  await mgr.page.locator(`[data-testid=collection-row][data-member-id=${WU}][data-status=paid]`).waitFor()
  await shot(mgr.page, 'dues-06-collection')
  await open(mgr.page, 'subpackages/dues-admin/arrears/index')
  await mgr.page.getByTestId('lapse-rule').waitFor()
  await expect(mgr.page.locator(`[data-testid=arrears-row][data-member-id=${DEMO.m.unbound}]`).getAttribute('data-flag')).resolves.toBe('lapse-review')
  await shot(mgr.page, 'dues-07-arrears')

  // 7. Export the year's 登记表: a valid .xlsx whose rows match the ledger.
  await open(mgr.page, 'subpackages/dues-admin/index/index')
  await mgr.page.getByTestId('exports').waitFor()
  const [download] = await Promise.all([mgr.page.waitForEvent('download'), mgr.page.getByTestId('export-ledger').click()])
  expect(download.suggestedFilename()).toMatch(/^示范社区第一党支部_\d{4}年党费交纳登记表\.xlsx$/)
  await mgr.page.getByTestId('export-progress-ledger').and(mgr.page.locator('[data-phase=done]')).waitFor()
  await shot(mgr.page, 'dues-08-export')
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
  await shot(mgr.page, 'dues-09-publish')
  await open(wu.page, 'subpackages/dues/publications/index')
  await wu.page.getByTestId('publication-item').first().click()
  await wu.page.getByTestId('publication-table').waitFor()
  await expect(wu.page.getByTestId('publication-table').textContent()).resolves.not.toContain('基数')
  await shot(wu.page, 'dues-10-publication')
})
