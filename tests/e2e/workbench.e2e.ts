/**
 * 书记工作台 end to end in Chromium (H5 build, phone-sized): the 书记 opens the dashboard, follows the
 * "党小组会 missing for last month" item to the prefilled new-meeting form, creates the meeting and
 * submits its record, and the gap is gone; a 台账 export downloads and parses; the 上级 admin's overview
 * opens a branch read-only; an ordinary member sees no dashboard.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { DEMO, devOpenid } from '../../local/seed'
import { gapMonth } from '../../local/seed/workbench'
import { readSheets } from '../../cloudfunctions/_kit/xlsx'
import { monthRange } from '../../shared/src/rules/time'
import { closeBrowser, E2E_AT, open, phone, setClock, shot } from './support'

const sec = devOpenid(DEMO.m.secretary)

beforeAll(async () => {
  await setClock(null)
})
afterAll(async () => {
  await closeBrowser()
})

/** Pages slide in on H5: let the transition finish before a screenshot. */
const settle = (page: Page) => page.waitForTimeout(600)

const confirmModal = async (page: Page, text: string): Promise<void> => {
  await page.locator('.taro__modal').getByText(text, { exact: true }).click()
}

test('the 书记 follows the missing 党小组会 to a prefilled meeting, records it, and the gap disappears', async () => {
  const month = gapMonth(E2E_AT)
  const year = month.slice(0, 4)
  const m = Number(month.slice(5))
  const key = `gap:group:${month}:${DEMO.groups.g2}:`

  const { page } = await phone(sec)
  await open(page, `subpackages/workbench/dashboard/index?year=${year}`)
  await page.getByTestId('wb-dashboard').waitFor()
  const item = page.locator(`[data-testid=wb-item][data-key="${key}"]`)
  await item.waitFor()
  await expect(item.textContent()).resolves.toContain(`党小组会 ${m}月 第二党小组未召开`)
  await settle(page)
  await shot(page, 'workbench-01-dashboard')
  await page.getByTestId('wb-attendance').scrollIntoViewIfNeeded()
  await settle(page)
  await shot(page, 'workbench-02-attendance-chart')

  // The item opens the new-meeting form, prefilled.
  await item.click()
  await page.getByTestId('meeting-edit-page').waitFor()
  await expect(page.locator('[data-testid=field-topic] input').inputValue()).resolves.toBe(`${m}月党小组会`)
  await expect(page.locator('[data-testid=field-kind-group]').getAttribute('class')).resolves.toContain('choice-chip--on')
  await expect(page.getByTestId('field-groupId').textContent()).resolves.toContain('第二党小组')
  await expect(page.getByTestId('field-date').textContent()).resolves.toContain(`${m}月${Number(monthRange(month).end.slice(8))}日`)
  await page.locator('[data-testid=field-place] input').fill('社区党群服务中心小会议室')
  await page.getByTestId('field-recorderId').getByText('王志强').waitFor()
  await settle(page)
  await shot(page, 'workbench-03-prefilled-meeting')
  await page.getByTestId('meeting-save').click()
  const detail = page.getByTestId('meeting-detail')
  await detail.waitFor()
  expect(await detail.getAttribute('data-meeting-id')).toMatch(/^mt_/)

  // Still a gap until the record is submitted: the dashboard says it is scheduled.
  await open(page, `subpackages/workbench/dashboard/index?year=${year}`)
  await page.locator(`[data-testid=wb-item][data-key="${key}"]`).filter({ hasText: '会后请提交会议记录' }).waitFor()

  // The record is kept and submitted (locked): the meeting counts.
  await page.locator(`[data-testid=wb-item][data-key="${key}"]`).click()
  await page.getByTestId('meeting-detail').waitFor()
  await page.getByTestId('open-minutes').click()
  await page.getByTestId('minutes-editor').waitFor()
  await page.locator('[data-testid=minutes-content] textarea').fill('补录：党小组长领学，党员交流学习体会。')
  await page.getByTestId('minutes-submit').click()
  await confirmModal(page, '提交锁定')
  await page.getByTestId('minutes-locked').waitFor()

  await open(page, `subpackages/workbench/dashboard/index?year=${year}`)
  await page.locator('[data-testid=wb-dashboard][data-loading="0"]').waitFor()
  await page.locator(`[data-testid=wb-item][data-key="${key}"]`).waitFor({ state: 'detached' })
  await expect(page.locator('[data-testid=wb-item]').count()).resolves.toBeGreaterThan(0)
  await settle(page)
  await shot(page, 'workbench-04-gap-closed')
})

test('a 台账 export downloads and parses: the roster of every member with Chinese headers', async () => {
  const { page } = await phone(sec)
  await open(page, 'subpackages/workbench/exports/index')
  await page.getByTestId('wb-exports').waitFor()
  await settle(page)
  await shot(page, 'workbench-05-exports')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('wb-export-btn-roster').click()])
  const path = join(mkdtempSync(join(tmpdir(), 'zhibu-wb-')), download.suggestedFilename())
  await download.saveAs(path)
  expect(download.suggestedFilename()).toMatch(/党员花名册\.xlsx$/)
  const [sheet] = await readSheets(readFileSync(path))
  expect(sheet?.header.slice(0, 5)).toEqual(['序号', '姓名', '性别', '党小组', '党员类别'])
  expect(sheet?.rows).toHaveLength(30)
  expect(sheet?.rows.map((r) => r[1])).toContain('张建国')
  await page.getByTestId('wb-export-done').waitFor()
  await settle(page)
  await shot(page, 'workbench-06-exported')
})

test('the self-assessment and its printable summary', async () => {
  const { page } = await phone(sec)
  await open(page, 'subpackages/workbench/standard/index')
  await page.getByTestId('wb-standard').waitFor()
  const total = Number(await page.getByTestId('wb-assess-total').textContent())
  expect(total).toBeGreaterThan(0)
  await page.locator('[data-testid=wb-assess-item][data-code="4.1"] .wb-row').click()
  await settle(page)
  await shot(page, 'workbench-07-assessment')
  await page.getByTestId('wb-open-summary').click()
  await page.getByTestId('wb-summary').waitFor()
  await expect(page.getByTestId('wb-summary-total').textContent()).resolves.toBe(String(total))
  await expect(page.locator('[data-testid=wb-summary-row]').count()).resolves.toBe(20)
  await settle(page)
  await shot(page, 'workbench-08-summary')
})

test('the 上级 admin compares branches and opens one read-only; a member sees no dashboard', async () => {
  const admin = await phone(DEMO.adminOpenid)
  // Opening the app: not a member of any branch, the admin lands on their own entries.
  await open(admin.page, 'pages/index/index')
  await admin.page.getByTestId('bind-admin-card').waitFor()
  await settle(admin.page)
  await shot(admin.page, 'workbench-08b-admin-start')
  await admin.page.getByTestId('bind-admin-overview').click()
  await admin.page.getByTestId('wb-overview').waitFor()
  await expect(admin.page.locator('[data-testid=wb-overview-row]').count()).resolves.toBe(2)
  await admin.page.getByTestId('wb-sort-attendanceRate').click()
  await settle(admin.page)
  await shot(admin.page, 'workbench-09-overview')
  await admin.page.locator(`[data-testid=wb-overview-row][data-branch=${DEMO.branch}]`).click()
  await admin.page.getByTestId('wb-readonly').waitFor()
  await expect(admin.page.getByTestId('wb-branch-name').textContent()).resolves.toBe('示范社区第一党支部')
  await settle(admin.page)
  await shot(admin.page, 'workbench-10-readonly')

  const member = await phone(devOpenid(DEMO.m.formal))
  await open(member.page, 'subpackages/workbench/dashboard/index')
  await member.page.getByTestId('page-error').waitFor()
  await expect(member.page.getByTestId('page-error').textContent()).resolves.toContain('仅供支部委员和上级党组织使用')
})
