/**
 * 民主评议 end to end in Chromium (H5 build, phone-sized), in 第二党支部 (7 正式党员 → at most 2 优秀):
 * the 书记 opens a round; three members, each on their own phone, write their 自评 and vote — the first
 * adds a picture to her 自评 and the next sees its thumbnail on his ballot; the 书记's live turnout shows 3;
 * the 书记 closes voting; tallies appear (with the picture); a third 优秀 is refused with the rule's
 * message; grades are saved and published; a member sees their own grade.
 */
import type { Page } from 'playwright-core'
import { DEMO, devOpenid } from '../../local/seed'
import { closeBrowser, open, phone, png, shot as rawShot } from './support'

/** Screenshot once page transitions and dialogs have finished animating. */
const shot = async (page: Page, name: string): Promise<void> => {
  await page.waitForTimeout(600)
  await rawShot(page, name)
}

const B2 = { secretary: DEMO.b2.secretary, linxue: DEMO.b2.formal, gaoshan: 'm_b2_03', luoping: 'm_b2_04', liangyu: 'm_b2_05' }

afterAll(async () => {
  await closeBrowser()
})

/** Waits until the picture inside `selector` has loaded from its link (decoded, not a broken image). */
const pictureShown = async (page: Page, selector: string): Promise<void> => {
  await page.locator(`${selector} img`).first().waitFor()
  await page.waitForFunction((sel) => {
    const img = document.querySelector(`${sel} img`) as HTMLImageElement | null
    return !!img && img.complete && img.naturalWidth > 0
  }, selector)
}

/**
 * One member: write the 自评 (with a picture if `attach`), then fill in the ballot (优秀 for `excellent`,
 * the rest 合格) and submit it; `seesPictureOf` checks that member's ballot row shows their 自评 picture.
 */
const selfAndVote = async (
  memberId: string,
  excellent: string[],
  shotName?: string,
  opts: { attach?: boolean; seesPictureOf?: string } = {},
): Promise<Page> => {
  const { page } = await phone(devOpenid(memberId))
  await open(page, 'subpackages/evaluation/index/index')
  await page.getByTestId('go-self').click()
  await page.getByTestId('self-text').locator('textarea').fill(`本人一年来按时参加组织生活，认真完成支部交办的任务。（${memberId}）`)
  if (opts.attach) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('self-add-attachment').click()])
    await chooser.setFiles({ name: 'study-notes.png', mimeType: 'image/png', buffer: png(96, 64) })
    await pictureShown(page, '[data-testid=self-attachment]')
    if (shotName) await shot(page, `${shotName}-self`)
  }
  await page.getByTestId('self-submit').click()
  // Back on the round page: the 自评 is in, the ballot is open.
  await page.getByTestId('task-self').filter({ hasText: '已提交' }).waitFor()
  await page.getByTestId('go-ballot').click()
  await page.getByTestId('ballot-page').waitFor()
  if (opts.seesPictureOf) {
    const row = `[data-testid=ballot-row][data-member-id=${opts.seesPictureOf}]`
    await pictureShown(page, `${row} [data-testid=ballot-attachment]`)
    await page.locator(row).scrollIntoViewIfNeeded()
    await shot(page, 'evaluation-03b-ballot-picture')
  }
  for (const id of excellent) await page.getByTestId(`grade-${id}-excellent`).click()
  await page.getByTestId('excellent-counter').filter({ hasText: `优秀 ${excellent.length}` }).waitFor()
  if (shotName) await shot(page, `${shotName}-ballot`)
  await page.getByTestId('fill-rest').click()
  await page.getByTestId('ballot-submit').click()
  await page.getByTestId('ballot-confirm').waitFor()
  if (shotName) await shot(page, `${shotName}-confirm`)
  await page.getByTestId('ballot-confirm-ok').click()
  await page.getByTestId('ballot-voted').waitFor()
  if (shotName) await shot(page, `${shotName}-voted`)
  return page
}

test('书记 opens a round, three members write 自评 and vote, close, tallies, the 优秀 cap, 公示, own grade', async () => {
  // 1. The 书记 opens the round with the profile's defaults (voting from today for a week).
  const sec = await phone(devOpenid(B2.secretary))
  await open(sec.page, 'subpackages/evaluation/manage/index')
  await sec.page.getByTestId('open-round').click()
  await sec.page.getByTestId('open-page').waitFor()
  await shot(sec.page, 'evaluation-01-open')
  await sec.page.getByTestId('open-submit').click()
  await sec.page.getByTestId('manage-page').waitFor()
  await sec.page.getByTestId('turnout-eligible').filter({ hasText: /^7$/ }).waitFor()
  await expect(sec.page.getByTestId('turnout-voted').textContent()).resolves.toBe('0')
  await shot(sec.page, 'evaluation-02-manage-open')

  // 2. Three members, each on their own phone: 自评, then the ballot (钱进 and 林雪 优秀, the rest 合格).
  // 林雪 adds a picture to her 自评; 高山 sees its thumbnail on his ballot.
  await selfAndVote(B2.linxue, [B2.secretary], 'evaluation-03-linxue', { attach: true })
  await selfAndVote(B2.gaoshan, [B2.secretary, B2.linxue], undefined, { seesPictureOf: B2.linxue })
  await selfAndVote(B2.luoping, [B2.secretary, B2.linxue])

  // 3. The 书记's live view counts 3 voters (it refreshes itself every 5 s) and lists who has no 自评.
  await sec.page.getByTestId('turnout-voted').filter({ hasText: /^3$/ }).waitFor({ timeout: 15_000 })
  await expect(sec.page.getByTestId('self-progress').textContent()).resolves.toContain('已提交 3/7')
  await shot(sec.page, 'evaluation-04-turnout-3')

  // 4. The 书记 closes voting, after confirming.
  await sec.page.getByTestId('close-round').click()
  await sec.page.getByTestId('close-confirm').waitFor()
  await sec.page.getByTestId('close-confirm-ok').click()
  await sec.page.getByTestId('manage-status').filter({ hasText: '测评已结束' }).waitFor()

  // 5. Tallies appear: 钱进 got 优秀 on all 3 ballots; the proposal gives 钱进 and 林雪 优秀.
  await sec.page.getByTestId('go-assess').click()
  await sec.page.getByTestId('assess-page').waitFor()
  const qian = sec.page.locator(`[data-testid=assess-row][data-member-id=${B2.secretary}]`)
  await expect(qian.textContent()).resolves.toContain('优秀 3')
  await expect(sec.page.getByTestId('assess-quota').textContent()).resolves.toContain('优秀 2 / 上限 2 人')
  await shot(sec.page, 'evaluation-05-tally')
  // 林雪's 自评 picture is there for the 支委 too.
  const linxueRow = `[data-testid=assess-row][data-member-id=${B2.linxue}]`
  await pictureShown(sec.page, `${linxueRow} [data-testid=assess-attachment]`)
  await sec.page.locator(linxueRow).scrollIntoViewIfNeeded()
  await shot(sec.page, 'evaluation-05b-tally-picture')

  // 6. A third 优秀 (with a reason) is refused by the server with the rule's message.
  await sec.page.getByTestId(`final-${B2.liangyu}-excellent`).click()
  await sec.page.getByTestId(`reason-${B2.liangyu}`).locator('input').fill('全年志愿服务表现突出')
  await sec.page.getByTestId('assess-save').click()
  const error = sec.page.getByTestId('assess-error')
  await error.waitFor()
  await expect(error.textContent()).resolves.toBe('评定为优秀的党员一般不超过正式党员总数的三分之一：本次正式党员7人，优秀最多2人，现为3人')
  await shot(sec.page, 'evaluation-06-over-cap')

  // 7. Back to 合格 for 梁宇: saved.
  await sec.page.getByTestId(`final-${B2.liangyu}-qualified`).click()
  await sec.page.getByTestId('assess-save').click()
  await sec.page.getByTestId('assess-saved').waitFor()

  // 8. Publish (公示) from the management page.
  await open(sec.page, 'subpackages/evaluation/manage/index')
  await sec.page.getByTestId('publish').click()
  await sec.page.getByTestId('publish-confirm-ok').click()
  await sec.page.getByTestId('manage-status').filter({ hasText: '结果已公示' }).waitFor()
  await shot(sec.page, 'evaluation-07-published')

  // 9. A member sees their own grade and the 优秀 list.
  const m = await phone(devOpenid(B2.linxue))
  await open(m.page, 'subpackages/evaluation/index/index')
  await m.page.getByTestId('my-grade').filter({ hasText: '优秀' }).waitFor()
  await expect(m.page.getByTestId('excellent-names').textContent()).resolves.toBe('钱进、林雪')
  await shot(m.page, 'evaluation-08-member-result')
  const other = await phone(devOpenid(B2.liangyu))
  await open(other.page, 'subpackages/evaluation/index/index')
  await other.page.getByTestId('my-grade').filter({ hasText: '合格' }).waitFor()
})
