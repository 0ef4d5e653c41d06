/**
 * Reminders end to end in Chromium (H5 build, phone-sized): a member opens 我的 → 消息提醒 and turns on
 * reminders (the H5 platform adapter accepts, as a member tapping 允许 would); the local clock moves to
 * 18:00 the day before a 主题党日; the timer sends through the real wx-server-sdk into the local outbox,
 * which holds the message with the right template, recipient and fields; 首页 shows the to-do.
 */
import type { Page } from 'playwright-core'
import { DEMO, devOpenid } from '../../local/seed'
import { themeDayOf } from '../../shared/src/rules/theme-day'
import { addDays, beijingDate, formatDateCN, monthOf, shiftMonth } from '../../shared/src/rules/time'
import { BASE, closeBrowser, E2E_AT, open, phone, setClock, shot } from './support'

const member = devOpenid(DEMO.m.formal)

afterAll(async () => {
  await setClock(null)
  await closeBrowser()
})

/** Screenshots after a navigation wait for Taro's H5 page slide to finish. */
const still = (page: Page, name: string) => page.waitForTimeout(600).then(() => shot(page, name))

interface OutboxMessage {
  api: string
  at: string
  payload: { touser: string; template_id: string; page: string; data: Record<string, { value: string }>; miniprogram_state: string }
}

const outbox = async (): Promise<OutboxMessage[]> => ((await (await fetch(`${BASE}/dev/outbox`)).json()) as { messages: OutboxMessage[] }).messages

test('a member turns on 主题党日 reminders; at T−1 18:00 the message goes out with the right fields and the to-do is on 首页', async () => {
  // A 主题党日 two months ahead (the demo branch: the 26th, moved off holidays), far from anything the
  // stack's own 10-minute timer could reach before the clock is moved.
  const today = beijingDate(new Date(E2E_AT))
  const day = themeDayOf({ kind: 'day-of-month', day: 26, shiftIfHoliday: true }, shiftMonth(monthOf(today), 2))
  const eve = addDays(day, -1)

  // 1. 我的 → 消息提醒: nothing banked yet; 开启消息提醒 asks WeChat (H5: accepted) and reports it.
  const { page } = await phone(member)
  await open(page, 'pages/mine/index')
  await page.getByTestId('mine-page').getByText('消息提醒', { exact: true }).click()
  await page.getByTestId('reminders-settings').waitFor()
  await expect(page.getByTestId('quota-themeDay').textContent()).resolves.toContain('未开启')
  await expect(page.getByTestId('topic-meeting').textContent()).resolves.toContain('始终开启')
  await still(page, 'reminders-01-settings')
  await page.getByTestId('reminders-topup').click()
  await page.getByTestId('quota-themeDay').getByText('还可接收 1 次').waitFor()
  await expect(page.getByTestId('reminders-topup').textContent()).resolves.toContain('补充提醒次数')
  await still(page, 'reminders-02-accepted')
  await page.getByTestId('topic-evaluation').scrollIntoViewIfNeeded()
  await still(page, 'reminders-02b-topics')

  // 2. The clock moves to 17:59 the day before: not yet. Then 18:00 (Beijing): the timer runs.
  const before = (await outbox()).length
  await setClock(`${eve}T17:59:00+08:00`)
  expect((await outbox()).filter((m) => m.payload.touser === member)).toHaveLength(0)
  await setClock(`${eve}T18:00:00+08:00`)
  const mine = (await outbox()).slice(before).filter((m) => m.payload.touser === member)
  expect(mine).toHaveLength(1)
  const msg = mine[0] as OutboxMessage
  expect(msg.api).toBe('subscribeMessage.send')
  expect(msg.payload.template_id).toBe('LOCAL_TMPL_themeDay')
  expect(msg.payload.page).toBe('pages/index/index')
  expect(msg.payload.miniprogram_state).toBe('formal')
  expect(msg.payload.data.thing1?.value).toMatch(/^主题党日/)
  expect(msg.payload.data.date2?.value).toMatch(new RegExp(`^${formatDateCN(day)}`))
  expect(msg.payload.data.thing3?.value).toBeTruthy()
  expect(msg.payload.data.thing4?.value).toBe('明天是主题党日，请按时参加')

  // 3. 首页: the to-do is there, linking to 组织生活.
  await open(page, 'pages/index/index')
  const row = page.getByTestId('reminders-todo-theme-day')
  await row.waitFor()
  await expect(row.textContent()).resolves.toContain(`明天（${formatDateCN(day)}）是主题党日`)
  await row.scrollIntoViewIfNeeded()
  await still(page, 'reminders-03-home-todo')

  // 4. Back on the settings page, the accept has been spent.
  await open(page, 'subpackages/reminders/settings/index')
  await page.getByTestId('quota-themeDay').getByText('未开启').waitFor()

  // The local-only 消息 page shows the same message readably.
  await page.goto(`${BASE}/dev/messages`)
  await page.getByText('LOCAL_TMPL_themeDay').first().waitFor()
  await still(page, 'reminders-04-local-messages')
})
