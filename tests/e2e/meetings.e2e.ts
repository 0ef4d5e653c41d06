/**
 * 组织生活 end to end in Chromium (H5 build, phone-sized): the 书记 sets up a 主题党日 and opens the host
 * QR screen; a member on a second phone signs in with the code read from the host page; the host's count
 * goes to 1; the recorder marks the 年老体弱 member present; the member asks for leave from the next
 * meeting and the 书记 approves it.
 */
import type { Page } from 'playwright-core'
import { DEMO, DEMO_MEETINGS, devOpenid } from '../../local/seed'
import { closeBrowser, open, phone, setClock, shot } from './support'

const sec = devOpenid(DEMO.m.secretary)
const member = devOpenid(DEMO.m.formal)
const recorder = devOpenid(DEMO.m.organizer)

afterAll(async () => {
  await setClock(null)
  await closeBrowser()
})

/** Screenshots after a navigation wait for Taro's H5 page slide to finish. */
const still = (page: Page, name: string) => page.waitForTimeout(600).then(() => shot(page, name))

/** Taro's H5 modal: press the confirm button with this text. */
const confirmModal = async (page: Page, text: string): Promise<void> => {
  await page.locator('.taro__modal').getByText(text, { exact: true }).click()
}

test('书记 sets up a 主题党日, a member signs in with the rotating code, the recorder marks the elderly member, leave is approved', async () => {
  // The browser picks today's date; the stack lives at 14:25 Beijing time today, five minutes before the
  // meeting (14:30 is the form's default time), so sign-in is open.
  const today = new Date().toISOString().slice(0, 10)
  await setClock(`${today}T06:25:00.000Z`)

  // 1. The 书记 sets up the meeting through the form.
  const host = await phone(sec)
  await open(host.page, 'subpackages/meetings/edit/index')
  await host.page.getByTestId('field-kind-theme-day').click()
  await host.page.locator('[data-testid=field-topic] input').fill('端到端测试主题党日')
  await host.page.getByTestId('field-date').click()
  await host.page.locator('.nut-picker-confirm-btn:visible').first().click()
  await host.page.getByTestId('field-recorderId').getByText('王志强').waitFor()
  await still(host.page, 'meetings-01-new')
  await host.page.getByTestId('meeting-save').click()
  const detail = host.page.getByTestId('meeting-detail')
  await detail.waitFor()
  const meetingId = (await detail.getAttribute('data-meeting-id')) as string
  expect(meetingId).toMatch(/^mt_/)
  await expect(host.page.getByTestId('meeting-topic').textContent()).resolves.toBe('端到端测试主题党日')
  await still(host.page, 'meetings-02-detail-host')

  // 2. The host QR screen: a code and 0 of 29 (30 members, the 年老体弱 member exempt).
  await host.page.getByTestId('open-host').click()
  const qr = host.page.getByTestId('host-qr')
  await qr.waitFor()
  const code = (await qr.getAttribute('data-code')) as string
  expect(code.startsWith(`ZB1.${meetingId}.`)).toBe(true)
  await expect(host.page.getByTestId('host-present').textContent()).resolves.toBe('0')
  await expect(host.page.getByTestId('host-due').textContent()).resolves.toBe('29')
  await still(host.page, 'meetings-03-host-qr')

  // 3. A member on another phone signs in: on H5 the scan is a prompt answered with the code text.
  const m = await phone(member)
  await open(m.page, `subpackages/meetings/detail/index?meetingId=${meetingId}`)
  m.page.on('dialog', (d) => void d.accept(code))
  await m.page.getByTestId('sign-in').click()
  await m.page.getByTestId('my-status').filter({ hasText: '已签到' }).waitFor()
  await still(m.page, 'meetings-04-member-signed-in')

  // 4. The host's live count goes to 1 (polled every 3 s).
  await host.page.getByTestId('host-present').filter({ hasText: /^1$/ }).waitFor({ timeout: 10_000 })
  await still(host.page, 'meetings-05-host-count-1')

  // 5. The recorder marks the 年老体弱 member present, after confirming.
  const rec = await phone(recorder)
  await open(rec.page, `subpackages/meetings/checklist/index?meetingId=${meetingId}`)
  const elderly = rec.page.locator(`[data-testid=checklist-row][data-member-id=${DEMO.m.retired}]`)
  await elderly.getByTestId('mark-present').click()
  await confirmModal(rec.page, '确认登记')
  await rec.page.getByTestId('checklist-present').filter({ hasText: /^2$/ }).waitFor()
  await rec.page.getByTestId('filter-present').click()
  await rec.page.locator(`[data-testid=checklist-row][data-member-id=${DEMO.m.retired}][data-status=present]`).waitFor()
  await expect(rec.page.locator(`[data-member-id=${DEMO.m.retired}]`).textContent()).resolves.toContain('王志强登记')
  await still(rec.page, 'meetings-06-recorder-marked')

  // 6. The member asks for leave from the next 主题党日; the 书记 approves it.
  await open(m.page, `subpackages/meetings/detail/index?meetingId=${DEMO_MEETINGS.nextThemeDay}`)
  await m.page.getByTestId('ask-leave').click()
  await m.page.locator('[data-testid=leave-reason] textarea').fill('出差在外')
  await m.page.getByTestId('leave-submit').click()
  await m.page.getByTestId('my-status').filter({ hasText: '请假待批' }).waitFor()
  await still(m.page, 'meetings-07-leave-asked')

  await open(host.page, 'subpackages/meetings/leaves/index')
  const row = host.page.locator(`[data-testid=leave-row][data-leave-id=${DEMO_MEETINGS.nextThemeDay}_${DEMO.m.formal}]`)
  await row.getByTestId('leave-approve').click()
  await confirmModal(host.page, '批准')
  await host.page.locator(`[data-testid=leave-row][data-leave-id=${DEMO_MEETINGS.nextThemeDay}_${DEMO.m.formal}][data-status=approved]`).waitFor()
  await still(host.page, 'meetings-08-leave-approved')

  await open(m.page, `subpackages/meetings/detail/index?meetingId=${DEMO_MEETINGS.nextThemeDay}`)
  await m.page.getByTestId('my-status').filter({ hasText: '已请假' }).waitFor()
  await still(m.page, 'meetings-09-member-on-leave')
})

test('the tab page, the attendance grid with its neutral flags, the plan and compliance render for the 书记', async () => {
  await setClock(null)
  const { page } = await phone(sec)
  await open(page, 'pages/meetings/index')
  await page.getByTestId('upcoming-list').waitFor()
  await page.getByTestId('past-list').waitFor()
  await still(page, 'meetings-10-tab')
  await open(page, 'subpackages/meetings/attendance/index')
  await page.locator('[data-testid=flag-row][data-flag=escalate]').waitFor()
  await expect(page.getByTestId('flags').textContent()).resolves.toContain('提请支部研究')
  await still(page, 'meetings-11-grid')
  await open(page, 'subpackages/meetings/plan/index')
  await page.getByTestId('plan-status').filter({ hasText: '已公布' }).waitFor()
  await still(page, 'meetings-12-plan')
  await open(page, 'subpackages/meetings/compliance/index')
  await page.getByTestId('compliance-group').first().waitFor()
  await still(page, 'meetings-13-compliance')
})
