/**
 * points.submitEntry and the 申报 flow (reviewEntry by the 党小组长 then the 组织委员, updateEntry, withdrawEntry):
 * a double tap is one 申报, nobody approves their own, reasons for adjust / reject, the window, edit / review races.
 */
import { shiftMonth } from '../../../shared/src/rules/time'
import { DEMO, errCode, ok } from '../../../tests/support/cloud'
import { png } from '../../../tests/support/images'
import { formal, leader1, m15, organizer, sec, pointsCloud } from './test-setup'

// 10:00 Beijing, Friday 2026-11-20 (Q4: last quarter published, this one in review).
const AT = '2026-11-20T02:00:00.000Z'
const { cloud, month, call, overviewOf, monthNet, key } = pointsCloud(AT)

describe('the 申报 flow', () => {
  test('member submits with a photo → 党小组长 approves → 组织委员 approves → the month total changes', async () => {
    const up = ok(await call('uploadPhoto', { ext: 'png', base64: png(2, 2).toString('base64') }, formal))
    expect(up.fileId).toContain(`/points/${DEMO.branch}/${DEMO.m.formal}/`)
    expect(up.url).toMatch(/^http/)
    const before = await overviewOf(formal)
    const entry = ok(
      await call('submitEntry', { clientKey: key(), month, itemCode: 'duty', description: '协助社区完成独居老人走访登记', photos: [up.fileId] }, formal),
    )
    expect(entry).toMatchObject({ status: 'pending-group', points: 2, canEdit: true, canReview: false })
    expect(entry.photos[0].url).toMatch(/^http/)
    // Not counted yet.
    expect(monthNet(await overviewOf(formal))).toBe(monthNet(before))
    // The 党小组长 sees it in their queue and approves (first review).
    const queue = ok(await call('reviewQueue', {}, leader1)).entries
    expect(queue.find((e: { id: string }) => e.id === entry.id)?.canReview).toBe(true)
    const first = ok(await call('reviewEntry', { entryId: entry.id, decision: 'approve' }, leader1))
    expect(first.status).toBe('pending-committee')
    expect(ok(await call('getEntry', { entryId: entry.id }, formal)).canEdit).toBe(false)
    // The 党小组长 cannot take the final decision; the 组织委员 can.
    expect(errCode(await call('reviewEntry', { entryId: entry.id, decision: 'approve' }, leader1))).toBe('CONFLICT')
    const done = ok(await call('reviewEntry', { entryId: entry.id, decision: 'approve' }, organizer))
    expect(done.status).toBe('approved')
    expect(done.reviews.map((r: { stage: string; byName: string }) => `${r.stage}:${r.byName}`)).toEqual(['group:赵敏', 'committee:王志强'])
    const after = await overviewOf(formal)
    expect(monthNet(after)).toBeCloseTo(monthNet(before) + done.counted, 2)
    expect(done.counted).toBeGreaterThan(0)
    // Audited.
    expect(cloud.db.dump('audit').some((a) => a.action === 'points.reviewEntry' && a.targetId === entry.id)).toBe(true)
  })

  test('a double tap is one 申报', async () => {
    const k = key()
    const input = { clientKey: k, month, itemCode: 'volunteer', description: '参加社区义务清扫' }
    const [a, b] = await Promise.all([call('submitEntry', input, m15), call('submitEntry', input, m15)])
    expect(ok(a).id).toBe(ok(b).id)
    expect(cloud.db.dump('points_entries').filter((e) => e._id === ok(a).id)).toHaveLength(1)
  })

  test('nobody approves their own entry', async () => {
    // A 党小组长's own 申报 goes straight to the 支委; they cannot review it.
    const own = ok(await call('submitEntry', { clientKey: key(), month, itemCode: 'volunteer', description: '参加义诊志愿服务' }, leader1))
    expect(own.status).toBe('pending-committee')
    expect(errCode(await call('reviewEntry', { entryId: own.id, decision: 'approve' }, leader1))).toBe('FORBIDDEN')
    // A 支委 member's own: another 支委 approves.
    const secOwn = ok(await call('submitEntry', { clientKey: key(), month, itemCode: 'volunteer', description: '参加义诊志愿服务' }, sec))
    const r = await call('reviewEntry', { entryId: secOwn.id, decision: 'approve' }, sec)
    expect(r.ok ? null : r.error.message).toBe('不能审核本人的申报')
    // In a batch, own entries are skipped with the reason.
    const batch = ok(await call('reviewBatch', { entryIds: [secOwn.id, own.id] }, sec))
    expect(batch.approved).toBe(1)
    expect(batch.skipped).toEqual([{ entryId: secOwn.id, reason: '不能审核本人的申报' }])
    expect(errCode(await call('recordEntry', { clientKey: key(), memberId: DEMO.m.secretary, month, itemCode: 'honor', reason: '自评' }, sec))).toBe('FORBIDDEN')
  })

  test('adjust and reject need a reason; bad input writes nothing', async () => {
    const e = ok(await call('submitEntry', { clientKey: key(), month, itemCode: 'volunteer', description: '到敬老院陪伴老人' }, m15))
    const before = cloud.snapshot()
    expect(errCode(await call('reviewEntry', { entryId: e.id, decision: 'adjust', points: 1 }, organizer))).toBe('INVALID_INPUT')
    expect(errCode(await call('reviewEntry', { entryId: e.id, decision: 'reject' }, organizer))).toBe('INVALID_INPUT')
    expect(errCode(await call('reviewEntry', { entryId: e.id, decision: 'approve', points: 1 }, organizer))).toBe('INVALID_INPUT')
    expect(errCode(await call('reviewEntry', { entryId: e.id, decision: 'adjust', points: -2, reason: 'x' }, organizer))).toBe('INVALID_INPUT')
    expect(cloud.snapshot()).toEqual(before)
    const adjusted = ok(await call('reviewEntry', { entryId: e.id, decision: 'adjust', points: 0.5, reason: '时长较短' }, organizer))
    expect(adjusted).toMatchObject({ status: 'approved', awarded: 0.5 })
    expect(adjusted.reviews.at(-1)).toMatchObject({ decision: 'adjust', points: 0.5, reason: '时长较短' })
    const r = ok(await call('submitEntry', { clientKey: key(), month, itemCode: 'volunteer', description: '本职工作' }, m15))
    const rejected = ok(await call('reviewEntry', { entryId: r.id, decision: 'reject', reason: '属于本职工作' }, sec))
    expect(rejected).toMatchObject({ status: 'rejected', counted: null })
  })

  test('the 申报 window: not for a future month, not after the deadline', async () => {
    const future = await call('submitEntry', { clientKey: key(), month: shiftMonth(month, 1), itemCode: 'volunteer', description: '提前申报' }, formal)
    expect(errCode(future)).toBe('RULE_VIOLATED')
    const old = await call('submitEntry', { clientKey: key(), month: shiftMonth(month, -2), itemCode: 'volunteer', description: '补报' }, formal)
    expect(old.ok ? null : old.error.message).toMatch(/积分申报已于.+截止/)
    // Automatic items are never declared.
    expect(errCode(await call('submitEntry', { clientKey: key(), month, itemCode: 'attendance', description: '参加会议' }, formal))).toBe('RULE_VIOLATED')
    // A photo is optional by default (no forced uploads), even on 岗位建功 which is marked as needing one.
    const optional = ok(await call('submitEntry', { clientKey: key(), month, itemCode: 'duty', description: '岗位建功' }, formal))
    expect(ok(await call('withdrawEntry', { entryId: optional.id }, formal))).toEqual({ id: optional.id, withdrawn: true })
    // When the 书记 turns evidence on, 岗位建功 needs a photo.
    expect(ok(await call('updateSettings', { publishRanking: false, requireEvidence: true }, sec))).toEqual({ publishRanking: false, requireEvidence: true })
    const noPhoto = await call('submitEntry', { clientKey: key(), month, itemCode: 'duty', description: '岗位建功' }, formal)
    expect(noPhoto.ok ? null : noPhoto.error.message).toBe('“岗位建功、承诺践诺”需要上传照片作为佐证')
    ok(await call('updateSettings', { publishRanking: false, requireEvidence: false }, sec))
    // Someone else's photo is refused.
    const foreign = `cloud://local-env.local-bucket/points/${DEMO.branch}/m_b1_15/x.jpg`
    expect(errCode(await call('submitEntry', { clientKey: key(), month, itemCode: 'duty', description: '岗位建功', photos: [foreign] }, formal))).toBe('INVALID_INPUT')
  })

  test('editable until reviewed; withdrawn before; never by someone else', async () => {
    const e = ok(await call('submitEntry', { clientKey: key(), month, itemCode: 'volunteer', description: '初稿' }, formal))
    expect(errCode(await call('updateEntry', { entryId: e.id, description: '他人修改' }, m15))).toBe('FORBIDDEN')
    const edited = ok(await call('updateEntry', { entryId: e.id, description: '修改后的说明', count: 2 }, formal))
    expect(edited).toMatchObject({ description: '修改后的说明', count: 2, points: 4 })
    ok(await call('reviewEntry', { entryId: e.id, decision: 'approve' }, leader1))
    expect(errCode(await call('updateEntry', { entryId: e.id, description: '再改' }, formal))).toBe('CONFLICT')
    expect(errCode(await call('withdrawEntry', { entryId: e.id }, formal))).toBe('CONFLICT')
    const w = ok(await call('submitEntry', { clientKey: key(), month, itemCode: 'volunteer', description: '要撤回的' }, formal))
    expect(ok(await call('withdrawEntry', { entryId: w.id }, formal))).toEqual({ id: w.id, withdrawn: true })
    expect(cloud.db.dump('points_entries').find((x) => x._id === w.id)?.status).toBe('withdrawn')
    expect(ok(await call('listEntries', { month }, formal)).entries.some((x: { id: string }) => x.id === w.id)).toBe(false)
    expect(errCode(await call('withdrawEntry', { entryId: w.id }, formal))).toBe('CONFLICT')
  })

  test('a review racing an edit: exactly one wins', async () => {
    const e = ok(await call('submitEntry', { clientKey: key(), month, itemCode: 'volunteer', description: '竞争' }, m15))
    const [edit, review] = await Promise.all([
      call('updateEntry', { entryId: e.id, description: '竞争中修改' }, m15),
      call('reviewEntry', { entryId: e.id, decision: 'approve' }, leader1),
    ])
    expect([edit.ok, review.ok].filter(Boolean).length).toBeGreaterThanOrEqual(1)
    const stored = cloud.db.dump('points_entries').find((x) => x._id === e.id) as { reviews: unknown[]; description: string }
    // If the review won, the edit was refused (never an edit after a review).
    if (!edit.ok) expect(stored.reviews).toHaveLength(1)
    if (edit.ok && review.ok) expect(stored.description).toBe('竞争中修改')
  })

  test('two 支委 approving the same entry at once: one approval, counted once', async () => {
    const e = ok(await call('submitEntry', { clientKey: key(), month, itemCode: 'volunteer', description: '并发审核' }, m15))
    const o0 = await overviewOf(sec, 'm_b1_15')
    const [a, b] = await Promise.all([
      call('reviewEntry', { entryId: e.id, decision: 'approve' }, organizer),
      call('reviewEntry', { entryId: e.id, decision: 'approve' }, sec),
    ])
    expect([a, b].filter((r) => r.ok)).toHaveLength(1)
    expect([a, b].map(errCode).filter(Boolean)).toEqual(['CONFLICT'])
    const counted_ = ok(a.ok ? a : b).counted
    expect(monthNet(await overviewOf(sec, 'm_b1_15'))).toBeCloseTo(monthNet(o0) + counted_, 2)
  })
})
