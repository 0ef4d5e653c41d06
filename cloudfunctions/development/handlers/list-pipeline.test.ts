/**
 * development.listPipeline / getRecord through the real SDK with the demo seed: people at every stage, the
 * overdue 谈话 and the missing 政审材料 named, the seeded 预备党员 and 正式党员 without hard findings, and who
 * may see what (a member only their own record).
 */
import { DEMO_DEVELOPMENT } from '../../../local/seed'
import { DEMO, devOpenid, errCode, ok, startTestCloud, type TestCloud } from '../../../tests/support/cloud'

type AnyDoc = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- views read loosely

// 10:00 Beijing, Friday 2026-11-20.
const AT = '2026-11-20T02:00:00.000Z'
const sec = devOpenid(DEMO.m.secretary)

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ at: AT })
})
afterAll(() => cloud.close())

const call = (action: string, input: unknown, openid: string | null = sec) => cloud.call('development', action, input, openid)

test('the demo branch has people at every stage, one overdue, one with a missing material', async () => {
  const { reply, requests } = await cloud.counted('development', 'listPipeline', {}, sec)
  const d = ok(reply)
  expect(requests).toBeLessThanOrEqual(4)
  expect(d.today).toBe('2026-11-20')
  const byStage = Object.fromEntries(d.stages.map((s: AnyDoc) => [s.stage, s.records.map((r: AnyDoc) => r.id)]))
  expect(byStage).toEqual({
    applicant: [DEMO_DEVELOPMENT.lateApplicant, DEMO_DEVELOPMENT.applicant],
    activist: [DEMO_DEVELOPMENT.activist],
    candidate: [DEMO_DEVELOPMENT.candidate],
    probationary: [DEMO_DEVELOPMENT.probationary],
    full: [DEMO_DEVELOPMENT.full],
  })
  const all: AnyDoc[] = d.stages.flatMap((s: AnyDoc) => s.records)
  const late = all.find((r) => r.id === DEMO_DEVELOPMENT.lateApplicant) as AnyDoc
  expect(late.next).toMatchObject({ step: 'interview', dueBy: '2026-11-01', overdue: true })
  expect(late.overdue.map((f: AnyDoc) => f.rule)).toEqual(['STEP_OVERDUE'])
  expect(all.filter((r) => r.overdue.length).map((r) => r.id)).toEqual([DEMO_DEVELOPMENT.lateApplicant])
  const cand = all.find((r) => r.id === DEMO_DEVELOPMENT.candidate) as AnyDoc
  expect(cand.missing).toEqual([expect.objectContaining({ rule: 'MATERIAL_MISSING', step: 'political-review', message: '政治审查：缺少政审材料' })])
  expect(all.filter((r) => r.missing.length).map((r) => r.id)).toEqual([DEMO_DEVELOPMENT.candidate])
  const activist = all.find((r) => r.id === DEMO_DEVELOPMENT.activist) as AnyDoc
  expect(activist.next).toMatchObject({ step: 'candidate', earliest: '2027-03-20' })
  expect(all.find((r) => r.id === DEMO_DEVELOPMENT.full)?.next).toBeNull()
})

test('the seeded 预备党员 and 正式党员 records are whole: no hard findings, linked to their members', async () => {
  for (const [id, memberId] of [
    [DEMO_DEVELOPMENT.probationary, DEMO.m.probationary],
    [DEMO_DEVELOPMENT.full, DEMO.m.student],
  ] as const) {
    const d = ok(await call('getRecord', { recordId: id }))
    expect(d.record.memberId).toBe(memberId)
    expect(d.findings.filter((f: AnyDoc) => f.level === 'hard')).toEqual([])
    expect(d.steps.length).toBeGreaterThan(10)
  }
})

test('a member sees only their own record; a plain member, another branch no pipeline', async () => {
  const own = devOpenid(DEMO.m.probationary)
  expect(ok(await call('getRecord', { recordId: DEMO_DEVELOPMENT.probationary }, own)).record.name).toBe('郑晓雨')
  expect(errCode(await call('getRecord', { recordId: DEMO_DEVELOPMENT.full }, own))).toBe('FORBIDDEN')
  expect(errCode(await call('listPipeline', {}, own))).toBe('FORBIDDEN')
  expect(errCode(await call('listPipeline', {}, devOpenid(DEMO.m.formal)))).toBe('FORBIDDEN')
  expect(errCode(await call('listPipeline', { branchId: DEMO.branch }, devOpenid(DEMO.b2.secretary)))).toBe('FORBIDDEN')
  expect(errCode(await call('getRecord', { recordId: DEMO_DEVELOPMENT.activist }, devOpenid(DEMO.b2.secretary)))).toBe('FORBIDDEN')
  // The 上级党委 admin names the branch.
  expect(ok(await call('listPipeline', { branchId: DEMO.branch }, DEMO.adminOpenid)).branchId).toBe(DEMO.branch)
  // Another branch's own pipeline is empty.
  expect(ok(await call('listPipeline', {}, devOpenid(DEMO.b2.secretary))).stages.every((s: AnyDoc) => s.records.length === 0)).toBe(true)
})
