/**
 * The points function through the real SDK on the local backend: the 申报 → 党小组 → 支委 flow, caps at
 * approval, automatic entries exactly once (re-runs, concurrent deliveries), scheme versions, the 公示 with
 * objections, year totals and ranking, branch isolation, nothing written on bad input, request budgets.
 */
import { withInvocationTag } from '../../local/db'
import { POINTS_DEMO, pointsDemoPeriods } from '../../local/seed/points'
import { yearScore } from '../../shared/src/rules/points/scores'
import { addDays, beijingDate, beijingMonth, periodOf, shiftMonth } from '../../shared/src/rules/time'
import { eventId } from '../_kit/events'
import { yearlyPointStandings, yearlyPointTotals } from './public/yearly-standings'
import { createStore } from '../_kit/store'
import { DEMO, clock, devOpenid, errCode, ok, startTestCloud, type Reply, type TestCloud } from '../../tests/support/cloud'
import { png } from '../../tests/support/images'
import { autoEntryId } from './model'

let cloud: TestCloud
jest.setTimeout(30_000)
const sec = devOpenid(DEMO.m.secretary)
const organizer = devOpenid(DEMO.m.organizer)
const leader1 = devOpenid(DEMO.m.leader1) // 第一党小组
const leader2 = devOpenid(DEMO.m.leader2) // 第二党小组
const formal = devOpenid(DEMO.m.formal) // 吴刚, 第一党小组
const m15 = devOpenid('m_b1_15') // 第一党小组
const b2sec = devOpenid(DEMO.b2.secretary)

// 10:00 Beijing, Friday 2026-11-20 (Q4: last quarter published, this one in review).
const AT = '2026-11-20T02:00:00.000Z'
const now = new Date(AT)
const month = beijingMonth(now)
const year = Number(month.slice(0, 4))

beforeAll(async () => {
  cloud = await startTestCloud({ at: AT })
})
afterAll(() => cloud.close())
afterEach(() => clock.reset())

const call = (action: string, input: unknown, openid: string | null): Promise<Reply> => cloud.call('points', action, input, openid)

/** One call with its database request count (the local backend counts requests per invocation tag). */
const counted = async (action: string, input: unknown, openid: string): Promise<{ r: Reply; requests: number }> => {
  const { reply, requests } = await cloud.counted('points', action, input, openid)
  return { r: reply, requests }
}

const overviewOf = async (openid: string, memberId?: string) => ok(await call('overview', { ...(memberId ? { memberId } : {}), year }, openid))
const monthNet = (o: { months: { month: string; net: number }[] }, m = month) => o.months.find((x) => x.month === m)?.net ?? 0
let keySeq = 0
const key = () => `t-${++keySeq}`

describe('reading', () => {
  test('a member sees their own year: twelve months, total and band from the seeded entries', async () => {
    const o = await overviewOf(formal)
    expect(o.memberName).toBe('吴刚')
    expect(o.months).toHaveLength(12)
    expect(o.schemeName).toBe('基础分60分（年度累计）')
    expect(typeof o.total).toBe('number')
    expect(o.bandLabel).toMatch(/优秀|良好|合格|不合格/)
    // The finalised quarters of the seed are listed for the member.
    expect(o.publications.map((p: { key: string }) => p.key)).toEqual(
      pointsDemoPeriods(now.toISOString())
        .finalKeys.filter((k) => k.startsWith(`${year}-`))
        .reverse(),
    )
  })

  test('a member cannot read another member; a 党小组长 reads their own group only; 支委 the branch', async () => {
    expect(errCode(await call('overview', { memberId: 'm_b1_15' }, formal))).toBe('FORBIDDEN')
    expect(errCode(await call('listEntries', { memberId: 'm_b1_15' }, formal))).toBe('FORBIDDEN')
    expect(errCode(await call('getEntry', { entryId: POINTS_DEMO.groupReview }, formal))).toBe('FORBIDDEN')
    expect(ok(await call('listEntries', { memberId: DEMO.m.formal, month }, leader1)).entries.length).toBeGreaterThan(0)
    expect(errCode(await call('listEntries', { memberId: DEMO.m.formal }, leader2))).toBe('FORBIDDEN')
    expect(ok(await call('overview', { memberId: DEMO.m.formal }, organizer)).memberName).toBe('吴刚')
    expect(errCode(await call('overview', { memberId: DEMO.m.formal }, b2sec))).toBe('FORBIDDEN')
    expect(errCode(await call('yearView', {}, formal))).toBe('FORBIDDEN')
  })

  test('automatic entries point at their source record', async () => {
    const entries = ok(await call('listEntries', { memberId: DEMO.m.formal, year }, formal)).entries
    const auto = entries.filter((e: { origin: string }) => e.origin === 'auto')
    expect(auto.length).toBeGreaterThan(5)
    for (const e of auto) {
      expect(e.source.eventId).toBeTruthy()
      expect(e.id).toBe(autoEntryId(e.source.eventId))
      expect(e.status).toBe('approved')
    }
  })

  test('request budgets: member views ≤2, 支委 views ≤4, the lazy sync 3 when nothing is new', async () => {
    await call('sync', {}, formal) // catch up whatever the seed left (nothing)
    expect((await counted('overview', { year }, formal)).requests).toBe(2)
    expect((await counted('scheme', {}, formal)).requests).toBe(2)
    expect((await counted('listEntries', { month }, formal)).requests).toBe(2)
    expect((await counted('getEntry', { entryId: POINTS_DEMO.formalEdit }, formal)).requests).toBe(2)
    expect((await counted('sync', {}, formal)).requests).toBe(3)
    expect((await counted('reviewQueue', { month }, organizer)).requests).toBeLessThanOrEqual(4)
    expect((await counted('reviewQueue', {}, leader1)).requests).toBeLessThanOrEqual(4)
    const yv = await counted('yearView', { year }, sec)
    expect(yv.r.ok).toBe(true)
    expect(yv.requests).toBeLessThanOrEqual(4)
    expect((await counted('getPublication', { periodKey: pointsDemoPeriods(now.toISOString()).finalKeys.at(-1) ?? `${year}-Q1` }, sec)).requests).toBe(2)
  })

  test('every member total equals the capped sum of their approved entries (under their scheme)', async () => {
    const entries = cloud.db.dump('points_entries') as unknown as { memberId: string; year: number; month: string; kind: string; status: string; counted: number | null }[]
    const years = cloud.db.dump('points_years') as unknown as { memberId: string; year: number; total: number; scoring: Parameters<typeof yearScore>[0]; vetoed: boolean }[]
    expect(years.length).toBeGreaterThan(20)
    for (const y of years) {
      const months: Record<string, { adds: number; deducts: number }> = {}
      for (const e of entries) {
        if (e.memberId !== y.memberId || e.year !== y.year || e.status !== 'approved') continue
        const m = (months[e.month] ??= { adds: 0, deducts: 0 })
        if (e.kind === 'add') m.adds += e.counted ?? 0
        else m.deducts += e.counted ?? 0
      }
      expect(yearScore(y.scoring, y.year, months, y.vetoed).total).toBeCloseTo(y.total, 2)
    }
  })
})

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
    // 岗位建功 needs a photo.
    const noPhoto = await call('submitEntry', { clientKey: key(), month, itemCode: 'duty', description: '岗位建功' }, formal)
    expect(noPhoto.ok ? null : noPhoto.error.message).toBe('“岗位建功、承诺践诺”需要上传照片作为佐证')
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

describe('caps at approval', () => {
  test('受到表彰 counts at most 10 a year: the third is capped with a note', async () => {
    const memberId = 'm_b1_24'
    const o0 = await overviewOf(sec, memberId)
    const rec = (n: number) => call('recordEntry', { clientKey: `honor-${n}`, memberId, month, itemCode: 'honor', reason: `表彰${n}` }, sec)
    const a = ok(await rec(1))
    const b = ok(await rec(2))
    const c = ok(await rec(3))
    expect([a.counted, b.counted, c.counted]).toEqual([5, 5, 0])
    expect(c.capNote).toBe('“受到表彰奖励”每年最多计10分，已计10分，本次按0分计入（原5分）')
    const o1 = await overviewOf(sec, memberId)
    expect(o1.adds - o0.adds).toBeCloseTo(10, 2)
    // The same client key again is the same entry.
    expect(ok(await rec(1)).id).toBe(a.id)
  })
})

describe('automatic entries', () => {
  const store = () => createStore()

  test('an event delivered twice at once, and a re-run, credit exactly once', async () => {
    const memberId = 'm_b1_26'
    const sourceId = `mt_test_auto_${memberId}`
    const occurredAt = clock.now().toISOString()
    const id = eventId('attendance.present', sourceId)
    await cloud.db.insertMany('events', [
      { _id: id, type: 'attendance.present', sourceId, branchId: DEMO.branch, memberId, occurredAt, data: { meetingId: 'mt_test', kind: 'group', via: 'scan' }, createdAt: occurredAt },
    ])
    const o0 = await overviewOf(sec, memberId)
    const used0 = (cloud.db.dump('points_years').find((y) => y._id === `${memberId}_${year}`) as { used: Record<string, { months: Record<string, number> }> } | undefined)?.used.attendance?.months[month] ?? 0
    // The member's view, a reviewer's queue and the timer, all at once.
    const results = await Promise.all([
      call('sync', {}, devOpenid(memberId)),
      call('sync', {}, sec),
      call('reviewQueue', {}, organizer),
      cloud.raw('points', { Type: 'Timer', TriggerName: 'consume-events' }, null),
    ])
    for (const r of results) expect(r.ok).toBe(true)
    const entries = cloud.db.dump('points_entries').filter((e) => e.eventId === id)
    expect(entries).toHaveLength(1)
    expect(entries[0]!._id).toBe(autoEntryId(id))
    expect(entries[0]!.source).toMatchObject({ type: 'attendance.present', sourceId })
    const expected = Math.min(1, 3 - used0) // 参加组织生活: 1 point, at most 3 a month
    const o1 = await overviewOf(sec, memberId)
    expect(monthNet(o1) - monthNet(o0)).toBeCloseTo(expected, 2)
    // Re-run from the start of the year: nothing is credited twice.
    await store().update('points_branches', DEMO.branch, { cursor: { at: '', id: '' } })
    for (let i = 0; i < 60; i++) {
      const r = ok(await call('sync', {}, sec))
      expect(r.credited).toBe(0)
      if (!r.more) break
    }
    expect(cloud.db.dump('points_entries').filter((e) => e.eventId === id)).toHaveLength(1)
    expect(monthNet(await overviewOf(sec, memberId))).toBeCloseTo(monthNet(o1), 2)
  })

  test('volunteer service recorded by the branch: credited at once, once', async () => {
    const date = beijingDate(clock.now())
    const input = { date, title: '测试志愿服务（自动计分）', hours: 2, memberIds: ['m_b1_28', 'm_b1_29'] }
    const first = ok(await call('recordVolunteer', input, organizer))
    expect(first.recorded).toBe(2)
    const again = ok(await call('recordVolunteer', input, organizer))
    expect(again).toEqual({ recorded: 0, credited: 0 })
    const entries = cloud.db.dump('points_entries').filter((e) => (e.source as { data?: { title?: string } } | null)?.data?.title === input.title)
    expect(entries.map((e) => e.memberId).sort()).toEqual(['m_b1_28', 'm_b1_29'])
    expect(errCode(await call('recordVolunteer', { ...input, memberIds: [DEMO.b2.formal] }, organizer))).toBe('INVALID_INPUT')
    expect(errCode(await call('recordVolunteer', input, formal))).toBe('FORBIDDEN')
  })
})

describe('scheme versions', () => {
  test('publishing makes an immutable version; entries keep theirs; a racing second publish is refused', async () => {
    const editor = ok(await call('schemeEditor', {}, sec))
    expect(editor.current.version).toBe(1)
    expect(editor.presets.map((p: { id: string }) => p.id)).toEqual(['base-60', 'percent-quarterly'])
    const draft = { ...editor.current.scheme, items: editor.current.scheme.items.map((i: { code: string; points: number }) => (i.code === 'volunteer' ? { ...i, points: 3 } : i)) }
    expect(errCode(await call('saveDraft', { scheme: draft }, formal))).toBe('FORBIDDEN')
    ok(await call('saveDraft', { scheme: draft }, organizer))
    const today = beijingDate(clock.now())
    const [a, b] = await Promise.all([
      call('publishScheme', { effectiveFrom: today, expectVersion: 1 }, sec),
      call('publishScheme', { effectiveFrom: today, expectVersion: 1 }, organizer),
    ])
    expect([a, b].filter((r) => r.ok)).toHaveLength(1)
    expect([a, b].map(errCode).filter(Boolean)).toEqual(['CONFLICT'])
    expect(cloud.db.dump('points_schemes').map((s) => s._id).sort()).toEqual([`${DEMO.branch}_v1`, `${DEMO.branch}_v2`])
    const v1 = cloud.db.dump('points_schemes').find((s) => s._id === `${DEMO.branch}_v1`) as { scheme: { items: { code: string; points: number }[] } }
    expect(v1.scheme.items.find((i) => i.code === 'volunteer')?.points).toBe(2)
    // The year is now scored by the new version's numbers, for every member alike.
    const yearsNow = cloud.db.dump('points_years').filter((y) => y.year === year && y.branchId === DEMO.branch) as unknown as { scoring: { version: number } }[]
    expect(yearsNow.length).toBeGreaterThan(20)
    expect(yearsNow.every((y) => y.scoring.version === 2)).toBe(true)
    const e = ok(await call('submitEntry', { clientKey: key(), month, itemCode: 'volunteer', description: '新方案下的申报' }, m15))
    expect(e).toMatchObject({ schemeVersion: 2, points: 3 })
    const old = ok(await call('getEntry', { entryId: POINTS_DEMO.groupReview }, sec))
    expect(old.schemeVersion).toBe(1)
    // An earlier effective date than the version in force is refused.
    ok(await call('saveDraft', { scheme: draft }, organizer))
    expect(errCode(await call('publishScheme', { effectiveFrom: shiftMonth(month, -24) + '-01', expectVersion: 2 }, sec))).toBe('RULE_VIOLATED')
  })
})

describe('quarterly 公示', () => {
  const periods = pointsDemoPeriods(now.toISOString())

  test('publish the finished quarter; the member sees it and objects; the 支委 answers; final after the days', async () => {
    const keyQ = periods.readyKey as string
    expect(errCode(await call('publishPeriod', { periodKey: `${year}-Q4` }, sec))).toBe('RULE_VIOLATED') // not over yet
    expect(errCode(await call('publishPeriod', { periodKey: keyQ }, formal))).toBe('FORBIDDEN')
    const pub = ok(await call('publishPeriod', { periodKey: keyQ }, organizer))
    expect(pub.status).toBe('publicity')
    expect(pub.rows.length).toBe(30)
    const excluded = pub.rows.filter((r: { excluded: string | null }) => r.excluded).map((r: { memberId: string }) => r.memberId).sort()
    expect(excluded).toEqual([DEMO.m.retired, DEMO.m.mobile, 'm_b1_18'].sort())
    expect(errCode(await call('publishPeriod', { periodKey: keyQ }, sec))).toBe('CONFLICT')

    const mine = (await overviewOf(formal)).publications.find((p: { key: string }) => p.key === keyQ)
    if (keyQ.startsWith(`${year}-`)) {
      expect(mine).toMatchObject({ status: 'publicity', canObject: true })
      const row = pub.rows.find((r: { memberId: string }) => r.memberId === DEMO.m.formal)
      expect(mine.score).toBe(row.score)
    }
    const obj = ok(await call('objectPublication', { periodKey: keyQ, text: '我参加的党课没有计分' }, formal))
    expect(obj.objection).toMatchObject({ text: '我参加的党课没有计分', answer: null })
    expect(errCode(await call('finalisePeriod', { periodKey: keyQ }, sec))).toBe('RULE_VIOLATED')
    const answered = ok(await call('answerObjection', { periodKey: keyQ, memberId: DEMO.m.formal, answer: '已核实，党课签到已计入' }, sec))
    expect(answered.objections[0]).toMatchObject({ memberId: DEMO.m.formal, answer: '已核实，党课签到已计入', answeredByName: '张建国' })
    expect(errCode(await call('objectPublication', { periodKey: keyQ, text: '再提' }, formal))).toBe('CONFLICT')
    // Still within the 公示 days.
    expect(errCode(await call('finalisePeriod', { periodKey: keyQ }, sec))).toBe('RULE_VIOLATED')
    clock.set(new Date(clock.now().getTime() + 8 * 86_400_000))
    expect(errCode(await call('objectPublication', { periodKey: keyQ, text: '过期异议' }, m15))).toBe('RULE_VIOLATED')
    const fin = ok(await call('finalisePeriod', { periodKey: keyQ }, sec))
    expect(fin.status).toBe('final')
    clock.reset()
    if (keyQ.startsWith(`${year}-`)) {
      const after = (await overviewOf(formal)).publications.find((p: { key: string }) => p.key === keyQ)
      expect(after).toMatchObject({ status: 'final', canObject: false, objection: { answer: '已核实，党课签到已计入' } })
    }
  })

  test('a quarter with 申报 still in review cannot be published; the unit must match the scheme', async () => {
    const q = periodOf('quarter', beijingDate(clock.now()))
    clock.set(new Date(Date.parse(`${addDays(q.end, 2)}T02:00:00Z`)))
    const r = await call('publishPeriod', { periodKey: q.key }, sec)
    expect(errCode(r)).toBe('RULE_VIOLATED')
    expect(r.ok ? null : r.error.message).toMatch(/还有\d+条积分申报未审核/)
    clock.reset()
    const h = await call('publishPeriod', { periodKey: `${year}-H1` }, sec)
    expect(h.ok ? null : h.error.message).toBe('本支部按季度公示积分')
  })
})

describe('year totals and ranking', () => {
  test('ranking with ties for the 支委; excluded members apart; members see it only when published', async () => {
    const yv = ok(await call('yearView', { year }, sec))
    expect(yv.ranked.length + yv.excluded.length).toBe(30)
    expect(yv.excluded.map((r: { memberId: string }) => r.memberId).sort()).toEqual([DEMO.m.retired, DEMO.m.mobile, 'm_b1_18'].sort())
    // Competition ranking: ties share a rank, the next skips.
    yv.ranked.forEach((r: { rank: number; total: number }, i: number) => {
      const prev = yv.ranked[i - 1]
      expect(r.rank).toBe(i === 0 ? 1 : prev.total === r.total ? prev.rank : i + 1)
    })
    expect(yv.bands.reduce((s: number, b: { count: number }) => s + b.count, 0)).toBe(yv.ranked.length)
    expect(yv.settings.publishRanking).toBe(false)
    expect(errCode(await call('ranking', { year }, formal))).toBe('RULE_VIOLATED')
    expect(errCode(await call('updateSettings', { publishRanking: true }, organizer))).toBe('FORBIDDEN')
    ok(await call('updateSettings', { publishRanking: true }, sec))
    const ranking = ok(await call('ranking', { year }, formal))
    expect(ranking.rows.map((r: { memberId: string }) => r.memberId)).toEqual(yv.ranked.map((r: { memberId: string }) => r.memberId))
    ok(await call('updateSettings', { publishRanking: false }, sec))
  })

  test('yearlyPointTotals (for 民主评议) agrees with the year view, in two requests', async () => {
    const yv = ok(await call('yearView', { year }, sec))
    const tag = 'points-data#totals'
    const totals = await withInvocationTag(tag, () => yearlyPointTotals(createStore(), DEMO.branch, year))
    expect(cloud.db.counters(tag).requests).toBe(2)
    for (const r of [...yv.ranked, ...yv.excluded]) {
      if (totals && r.memberId in totals) expect(totals[r.memberId]).toBeCloseTo(r.total, 2)
    }
    const standings = await yearlyPointStandings(createStore(), DEMO.branch, year, ['m_b1_nobody'])
    expect(standings?.get('m_b1_nobody')).toMatchObject({ total: 60, scored: false, bandLabel: '合格' })
    expect(await yearlyPointTotals(createStore(), DEMO.branch2, year)).toBeNull()
  })
})

describe('branch isolation', () => {
  test("another branch's 书记 can touch nothing of 第一党支部", async () => {
    expect(errCode(await call('reviewEntry', { entryId: POINTS_DEMO.groupReview, decision: 'approve' }, b2sec))).toBe('FORBIDDEN')
    expect(errCode(await call('yearView', { branchId: DEMO.branch }, b2sec))).toBe('FORBIDDEN')
    expect(errCode(await call('reviewQueue', { branchId: DEMO.branch }, b2sec))).toBe('FORBIDDEN')
    expect(errCode(await call('recordEntry', { clientKey: 'x', memberId: DEMO.m.formal, month, itemCode: 'honor', reason: '跨支部' }, b2sec))).toBe('FORBIDDEN')
    // Their own branch has no scheme yet: a readable refusal.
    const r = await call('submitEntry', { clientKey: key(), month, itemCode: 'volunteer', description: '申报' }, devOpenid(DEMO.b2.formal))
    expect(r.ok ? null : r.error.message).toBe('支部尚未发布积分方案，请联系支委')
  })
})
