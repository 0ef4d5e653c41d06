/**
 * workbench.scoreItem (五化 达标 self-assessment): hand scores with a note and an attachment (uploadAttachment), two items
 * at once; auto items and bad points refused.
 */
import { DEMO, errCode, ok } from '../../../tests/support/cloud'
import { png as pngImage } from '../../../tests/support/images'
import { type AnyDoc, YEAR, organizer, publicity, sec, workbenchCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20: the demo year (seeded relative to it) with its one missing 党小组会.
const AT = '2026-11-20T02:00:00.000Z'
const { cloud, call } = workbenchCloud(AT)

describe('五化 达标 self-assessment', () => {
  const items = (a: AnyDoc) => a.areas.flatMap((x: AnyDoc) => x.items) as AnyDoc[]

  // Also uses uploadAttachment, standard.
  test('hand scores with a note and an attachment; two items at once; auto items and bad points refused', async () => {
    const png = pngImage(1, 1).toString('base64')
    const att = ok(await call('uploadAttachment', { name: '活动室照片', ext: 'png', base64: png }, sec))
    expect(att.fileId).toMatch(new RegExp(`/workbench/${DEMO.branch}/`))
    expect(att.url).toMatch(/^http/)
    const year = YEAR()
    const [x, y] = await Promise.all([
      call('scoreItem', { year, code: '5.1', deduction: 1, note: '年度计划未报上级备案', attachments: [{ fileId: att.fileId, name: att.name }] }, sec),
      call('scoreItem', { year, code: '2.2', deduction: 0, note: '党员先锋岗3个' }, organizer),
    ])
    expect(ok(x)).toMatchObject({ code: '5.1', score: 4, status: 'scored', note: '年度计划未报上级备案', scoredByName: '张建国' })
    expect(ok(x).attachments[0].url).toMatch(/^http/)
    expect(ok(y)).toMatchObject({ code: '2.2', score: 4 })
    const a = ok(await call('standard', {}, sec))
    expect(items(a).find((i) => i.code === '5.1')?.attachments).toHaveLength(1)
    expect(items(a).find((i) => i.code === '2.2')?.status).toBe('scored')

    const snap = cloud.snapshot()
    expect(errCode(await call('scoreItem', { year, code: '4.1', deduction: 1 }, sec))).toBe('INVALID_INPUT')
    expect(errCode(await call('scoreItem', { year, code: '2.4', deduction: 2.5 }, sec))).toBe('INVALID_INPUT')
    expect(errCode(await call('scoreItem', { year, code: '2.4', deduction: 0.2 }, sec))).toBe('INVALID_INPUT')
    expect(errCode(await call('scoreItem', { year, code: '9.9', deduction: 0 }, sec))).toBe('INVALID_INPUT')
    expect(errCode(await call('scoreItem', { year, code: '2.4', deduction: 0, attachments: [{ fileId: 'cloud://local-env.local-bucket/workbench/br_demo_2/att_x.png', name: 'x' }] }, sec))).toBe('INVALID_INPUT')
    expect(cloud.snapshot()).toEqual(snap)
    // Clearing a score brings the item back to pending.
    expect(ok(await call('scoreItem', { year, code: '2.2', deduction: null }, sec)).status).toBe('pending')
    expect(errCode(await call('scoreItem', { year, code: '2.2', deduction: 0 }, publicity))).toBe('FORBIDDEN')
  })
})
