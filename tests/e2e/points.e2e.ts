/**
 * 党员积分 end to end in Chromium (H5 build, phone-sized): a member (吴刚, 第一党小组) declares 岗位建功 with a
 * photo; the 党小组长 (赵敏) approves first; the 组织委员 (王志强) approves; the member's month total goes up
 * by the item's points. Then the 支委 publishes the finished quarter and the member sees it in 公示.
 */
import type { Page } from 'playwright-core'
import { DEMO, devOpenid } from '../../local/seed'
import { pointsDemoPeriods } from '../../local/seed/points'
import { beijingDate } from '../../shared/src/rules/time'
import { closeBrowser, E2E_AT, open, phone, png, shot } from './support'

const member = devOpenid(DEMO.m.formal)
const leader = devOpenid(DEMO.m.leader1)
const organizer = devOpenid(DEMO.m.organizer)

afterAll(async () => {
  await closeBrowser()
})

/** "+3.5" / "−2" / "0" → number. */
const points = (text: string | null): number => Number((text ?? '0').replace('+', '').replace('−', '-'))

/** Taro's H5 modal: press the confirm button with this text. */
const confirmModal = async (page: Page, text: string): Promise<void> => {
  await page.locator('.taro__modal').getByText(text, { exact: true }).click()
}

test('申报 with a photo → 党小组长 approves → 组织委员 approves → month total changes; the quarter is published and the member sees it', async () => {
  const description = '端到端测试：协助社区完成独居老人走访登记'

  // 1. The member's page: this month's counted points before.
  const m = await phone(member)
  await open(m.page, 'subpackages/points/index/index')
  await m.page.getByTestId('points-page').waitFor()
  const before = points(await m.page.getByTestId('month-net').textContent())
  await shot(m.page, 'points-01-member-home')

  // 2. 申报: 岗位建功 needs a photo; pick one (the platform adapter's file input on H5), describe, submit.
  await m.page.getByTestId('declare-button').click()
  await m.page.getByTestId('declare-page').waitFor()
  await m.page.locator('[data-testid=declare-item][data-code=duty]').click()
  await m.page.locator('[data-testid=declare-description] textarea').fill(description)
  const [chooser] = await Promise.all([m.page.waitForEvent('filechooser'), m.page.getByTestId('declare-add-photo').click()])
  await chooser.setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png(64, 48) })
  await m.page.getByTestId('declare-photo').first().waitFor()
  await shot(m.page, 'points-02-declare')
  await m.page.getByTestId('declare-submit').click()
  await m.page.getByTestId('points-page').waitFor()
  const row = m.page.locator('[data-testid=entry-row]').filter({ hasText: description })
  await row.waitFor()
  expect(await row.getAttribute('data-status')).toBe('pending-group')
  const entryId = (await row.getAttribute('data-entry-id')) as string
  await shot(m.page, 'points-03-member-pending')

  // 3. The 党小组长 gives the first review from the queue.
  const l = await phone(leader)
  await open(l.page, 'subpackages/points-admin/review/index')
  const lcard = l.page.locator(`[data-testid=queue-card][data-entry-id=${entryId}]`)
  await lcard.waitFor()
  await shot(l.page, 'points-04-leader-queue')
  await lcard.getByTestId('queue-approve').click()
  await lcard.getByText('待支委审核').waitFor()

  // 4. The 组织委员 gives the final review.
  const o = await phone(organizer)
  await open(o.page, 'subpackages/points-admin/review/index')
  const ocard = o.page.locator(`[data-testid=queue-card][data-entry-id=${entryId}]`)
  await ocard.waitFor()
  await expect(ocard.textContent()).resolves.toContain('党小组长赵敏已通过')
  await shot(o.page, 'points-05-organizer-queue')
  await ocard.getByTestId('queue-approve').click()
  await ocard.waitFor({ state: 'detached' })

  // 5. The member's month total went up by the item's 2 points (岗位建功: 2 a month at most).
  await open(m.page, 'subpackages/points/index/index')
  await m.page.getByTestId('points-page').waitFor()
  await m.page.locator(`[data-testid=entry-row][data-entry-id=${entryId}][data-status=approved]`).waitFor()
  await expect(m.page.getByTestId('month-net').textContent().then(points)).resolves.toBeCloseTo(before + 2, 2)
  await shot(m.page, 'points-06-member-approved')

  // 6. The 支委 publishes the finished quarter; the member sees it under 季度公示.
  const { readyKey } = pointsDemoPeriods(E2E_AT)
  if (!readyKey) throw new Error('the seed leaves a finished quarter to publish')
  await open(o.page, 'subpackages/points-admin/index/index')
  await o.page.getByTestId('points-admin-page').waitFor()
  await shot(o.page, 'points-07-admin-year')
  await o.page.locator(`[data-testid=period-row][data-key="${readyKey}"][data-status=ready]`).click()
  await o.page.getByTestId('publish-period').click()
  await confirmModal(o.page, '公示')
  await o.page.locator('[data-testid=publication-page][data-status=publicity]').waitFor()
  await shot(o.page, 'points-08-published')

  await open(m.page, 'subpackages/points/index/index')
  await m.page.getByTestId('points-page').waitFor()
  if (!readyKey.startsWith(beijingDate(new Date(E2E_AT)).slice(0, 4))) {
    await m.page.getByText(`${readyKey.slice(0, 4)}年`, { exact: true }).click()
  }
  const pub = m.page.locator(`[data-testid=my-publication][data-key="${readyKey}"]`)
  await pub.waitFor()
  await expect(pub.textContent()).resolves.toContain('公示中')
  await pub.scrollIntoViewIfNeeded()
  await shot(m.page, 'points-09-member-sees-publication')
})
