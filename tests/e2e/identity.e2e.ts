/**
 * End to end: the 组织委员 adds a member and issues an invite code; a brand-new WeChat user sees
 * only the binding page, binds with the code, and lands on 首页 with the branch name.
 */
import { DEMO, devOpenid } from '../../local/seed'
import { closeBrowser, open, openFresh, phone, shot } from './support'

afterAll(() => closeBrowser())

test('组织委员 adds a member, issues a code; a new WeChat user binds and sees the branch', async () => {
  // 1. The 组织委员 adds a member.
  const admin = await phone(devOpenid(DEMO.m.organizer))
  await open(admin.page, 'subpackages/admin/member-edit/index')
  const name = `测试${process.pid % 100000}`.replace(/\d/g, (d) => '零一二三四五六七八九'[Number(d)] as string)
  await admin.page.locator('[data-testid=field-name] input').fill(name)
  await admin.page.locator('[data-testid=field-gender-female]').click()
  await admin.page.locator('[data-testid=field-joinedAt]').click()
  await admin.page.locator('.nut-picker-confirm-btn').last().click()
  await admin.page.locator('[data-testid=field-status-probationary]').click()
  await shot(admin.page, 'identity-1-member-form')
  await admin.page.locator('[data-testid=member-save]').click()

  // 2. On the new member's page, issue a one-time invite code.
  await admin.page.locator('[data-testid=member-detail-page]').waitFor()
  await admin.page.locator('[data-testid=member-detail-name]', { hasText: name }).waitFor()
  await admin.page.locator('[data-testid=create-invite]').click()
  const codeEl = admin.page.locator('[data-testid=invite-code-value]')
  await codeEl.waitFor()
  const code = (await codeEl.innerText()).replace(/\s/g, '')
  expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
  await shot(admin.page, 'identity-2-invite-code')

  // 3. A new, unbound WeChat user: every page leads to binding.
  const user = await phone(`dev_e2e_${process.pid}`)
  await open(user.page, 'pages/meetings/index')
  await user.page.locator('[data-testid=bind-page]').waitFor()
  await openFresh(user.page, 'pages/index/index')
  await user.page.locator('[data-testid=bind-page]').waitFor()
  await shot(user.page, 'identity-3-bind-page')

  // A wrong code is refused with the server's message, nothing bound.
  const input = user.page.locator('[data-testid=invite-code] input')
  const submit = user.page.locator('[data-testid=bind-submit]')
  await input.fill('ZZZZZZZZ')
  await submit.click()
  const error = user.page.locator('[data-testid=bind-error]')
  await error.waitFor()
  expect(await error.innerText()).toContain('邀请码')

  // 4. Bind with the real code → 首页 shows the branch name and the member.
  await input.fill(code.toLowerCase())
  await submit.click()
  await user.page.locator('[data-testid=home-page]').waitFor()
  await user.page.locator('[data-testid=branch-name]', { hasText: '示范社区第一党支部' }).waitFor()
  await user.page.locator('[data-testid=member-name]', { hasText: name }).waitFor()
  await shot(user.page, 'identity-4-home')

  // The organizer now sees the member as bound.
  await admin.page.reload()
  await admin.page.locator('[data-testid=bound-state]', { hasText: '已绑定' }).waitFor()
  await admin.context.close()
  await user.context.close()
})
