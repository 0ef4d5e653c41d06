/**
 * First run end to end, in Chromium against the `npm start` stack: `provision --local` prints a
 * bootstrap code; a new WeChat user goes from the bind page to 首次使用, is refused a wrong code, claims with
 * the right one and becomes the 上级党委 admin; sets up a 党支部 with its 书记 and gets an invite code; the
 * 书记, on their own phone, binds with it and sees their new branch. A second claim with the code fails.
 */
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { BASE, callAs, closeBrowser, open, openFresh, phone, shot } from './support'

const root = resolve(__dirname, '..', '..')

afterAll(async () => {
  await closeBrowser()
})

test('provision → claim the first admin → set up a branch with its 书记 → the 书记 binds', async () => {
  // 1. The deployer runs provision (here against the local backend) and passes the code on.
  const out = execFileSync(process.execPath, ['scripts/provision.mjs', '--local', `${BASE}/admin`], { cwd: root, encoding: 'utf8' })
  const code = /bootstrap code:\s+([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(out)?.[1]
  expect(code).toBeDefined()

  // 2. A WeChat user nobody knows yet opens the app: the bind page offers 首次使用.
  const admin = await phone('dev_first_admin')
  await open(admin.page, 'pages/bind/index')
  await admin.page.getByTestId('bind-admin-link').click()
  await admin.page.getByTestId('claim-page').waitFor()
  await admin.page.waitForTimeout(400) // the page slides in
  await shot(admin.page, 'first-run-01-claim')

  // 3. A wrong code is refused with the server's message; the right one (typed in lower case) works.
  await admin.page.getByTestId('claim-code').locator('input').fill('abcd-efgh-jklm')
  await admin.page.getByTestId('field-orgName').locator('input').fill('中共新城街道工作委员会')
  await admin.page.getByTestId('field-adminName').locator('input').fill('周明')
  await admin.page.getByTestId('claim-submit').click()
  await admin.page.getByTestId('claim-code-error').filter({ hasText: '初始化码不正确' }).waitFor()
  await shot(admin.page, 'first-run-02-wrong-code')
  await admin.page.getByTestId('claim-code').locator('input').fill(code!.toLowerCase())
  await admin.page.getByTestId('claim-submit').click()

  // 4. Now the admin: straight on to 设立党支部, with the new 党委 preselected.
  await admin.page.getByTestId('create-branch-page').waitFor()
  await expect(admin.page.getByTestId('field-parentId').textContent()).resolves.toContain('中共新城街道工作委员会')
  await admin.page.getByTestId('field-name').locator('input').fill('新城社区第一党支部')
  await admin.page.getByTestId('field-secretaryName').locator('input').fill('钱书记')
  await admin.page.getByTestId('field-secretaryGender-male').click()
  for (const field of ['field-secretaryJoinedAt', 'field-secretaryFormalAt']) {
    await admin.page.getByTestId(field).click()
    // The date picker opens on today: confirm it (入党 and 转正 today is valid for the test).
    await admin.page.locator('.nut-picker-confirm-btn:visible').click()
  }
  await shot(admin.page, 'first-run-03-branch-form')
  await admin.page.getByTestId('create-branch-submit').click()
  const inviteCode = (await admin.page.getByTestId('created-invite-code').textContent())?.trim() ?? ''
  expect(inviteCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
  await expect(admin.page.getByTestId('created-branch').textContent()).resolves.toContain('已设立「新城社区第一党支部」')
  await admin.page.waitForTimeout(1600) // the scroll to the new card and the toast
  await shot(admin.page, 'first-run-04-created')

  // 5. The code is spent: nobody else can claim.
  await expect(callAs('dev_latecomer', 'org', 'claimAdmin', { code, orgName: '另一个党委', adminName: '李四' })).rejects.toThrow(/CONFLICT/)

  // 6. The 书记 binds with the invite on their own phone and lands in their branch.
  const sec = await phone('dev_new_branch_secretary')
  await open(sec.page, 'pages/bind/index')
  await sec.page.getByTestId('invite-code').locator('input').fill(inviteCode)
  await sec.page.getByTestId('bind-submit').click()
  await sec.page.waitForURL(/pages\/index\/index/)
  await openFresh(sec.page, 'pages/mine/index')
  await sec.page.getByTestId('mine-page').getByText('新城社区第一党支部').first().waitFor()
  await sec.page.waitForTimeout(400)
  await shot(sec.page, 'first-run-05-secretary-bound')
  const me = (await callAs('dev_new_branch_secretary', 'org', 'me', {})) as { member: { roles: string[] }; branch: { parentName: string } }
  expect(me.member.roles).toEqual(['secretary'])
  expect(me.branch.parentName).toBe('中共新城街道工作委员会')
})
