/**
 * 组织生活 end to end in Chromium (H5 build, phone-sized): the 书记 sets up a 主题党日 at the venue (sign-in
 * checks the place) and opens the host QR screen; a member at home with the code is refused; a member in
 * the hall signs in with the code read from the host page; the host's count goes to 1; the recorder marks
 * the 年老体弱 member present; the member asks for leave from the next meeting and the 书记 approves it;
 * the recorder keeps the 纪实 with a photo and locks it, and the member sees the record.
 */
import type { Page } from 'playwright-core'
import { DEMO, DEMO_MEETINGS, devOpenid } from '../../local/seed'
import { beijingDate } from '../../shared/src/rules/time'
import { closeBrowser, E2E_AT, open, openFresh, phone, png, setClock, shot } from './support'

const sec = devOpenid(DEMO.m.secretary)
const member = devOpenid(DEMO.m.formal)
const recorder = devOpenid(DEMO.m.organizer)
const farAway = devOpenid(DEMO.m.probationary)

/** The meeting place, a phone in the hall (≈90 m off) and one at home across town (≈3 km). */
const VENUE = { latitude: 28.2282, longitude: 112.9388 }
const IN_HALL = { latitude: 28.229, longitude: 112.939 }
const AT_HOME = { latitude: 28.255, longitude: 112.9388 }

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
  // The phone picks the stack's date; the stack lives at 14:25 Beijing time that day, five minutes before
  // the meeting (14:30 is the form's default time), so sign-in is open.
  const today = beijingDate(new Date(E2E_AT))
  await setClock(`${today}T06:25:00.000Z`)

  // 1. The 书记 sets up the meeting through the form, at the venue: sign-in checks the place.
  const host = await phone(sec, VENUE)
  await open(host.page, 'subpackages/meetings/edit/index')
  await host.page.getByTestId('field-kind-theme-day').click()
  await host.page.locator('[data-testid=field-topic] input').fill('端到端测试主题党日')
  await host.page.getByTestId('field-date').click()
  await host.page.locator('.nut-picker-confirm-btn:visible').first().click()
  await host.page.getByTestId('field-recorderId').getByText('王志强').waitFor()
  await host.page.getByTestId('location-here').click()
  await host.page.getByTestId('location-set').filter({ hasText: '28.22820' }).waitFor()
  await host.page.getByTestId('field-location').scrollIntoViewIfNeeded()
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

  // 3. A member at home with a forwarded code is refused by the place check; nothing is recorded.
  const home = await phone(farAway, AT_HOME)
  await open(home.page, `subpackages/meetings/detail/index?meetingId=${meetingId}`)
  home.page.on('dialog', (d) => void d.accept(code))
  await home.page.getByTestId('place-check').filter({ hasText: '500米' }).waitFor()
  await home.page.getByTestId('sign-in').click()
  // Taro's toast element stays in the page after it fades: its text is the server's refusal.
  await home.page.locator('.taro__toast').filter({ hasText: '请到会场后再签到' }).waitFor({ state: 'attached' })
  await shot(home.page, 'meetings-04a-refused-at-home')
  await expect(home.page.getByTestId('my-status').textContent()).resolves.not.toContain('已签到')

  // A member in the hall signs in: on H5 the scan is a prompt answered with the code text, and the
  // phone's position goes with it.
  const m = await phone(member, IN_HALL)
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

  // 7. 纪实: the recorder writes the minutes, adds a photo and saves a draft; after the meeting the record
  // is submitted and locked, and the member sees it with the photo.
  await openFresh(rec.page, `subpackages/meetings/minutes/index?meetingId=${meetingId}`)
  await rec.page.getByTestId('minutes-editor').waitFor()
  await rec.page.locator('[data-testid=minutes-content] textarea').fill('重温入党誓词；书记领学；党员交流学习体会。')
  const [chooser] = await Promise.all([rec.page.waitForEvent('filechooser'), rec.page.getByTestId('minutes-add-photo').click()])
  await chooser.setFiles({ name: 'meeting.png', mimeType: 'image/png', buffer: png(96, 64) })
  await rec.page.getByTestId('minutes-photo').first().waitFor()
  await rec.page.getByTestId('minutes-save').click()
  await rec.page.locator('.taro__toast').filter({ hasText: '已保存草稿' }).waitFor({ state: 'attached' })
  await rec.page.getByTestId('minutes-photos').scrollIntoViewIfNeeded()
  await still(rec.page, 'meetings-14-minutes-photo')

  await setClock(`${today}T07:40:00.000Z`)
  await rec.page.getByTestId('minutes-submit').click()
  await confirmModal(rec.page, '提交锁定')
  await rec.page.getByTestId('minutes-locked').waitFor()
  await openFresh(m.page, `subpackages/meetings/detail/index?meetingId=${meetingId}`)
  const photo = m.page.locator('[data-testid=detail-photos] img')
  await photo.waitFor()
  // The link serves the stored picture (decoded, not a broken image).
  await m.page.waitForFunction(() => {
    const img = document.querySelector('[data-testid=detail-photos] img') as HTMLImageElement | null
    return !!img && img.complete && img.naturalWidth > 0
  })
  await photo.scrollIntoViewIfNeeded()
  await still(m.page, 'meetings-15-member-sees-record')
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
