/** development.createRecord through the real SDK: 入党申请 under 18 refused with the rule, one record per person, who may create. */
import { DEMO, devOpenid, errCode, ok, startTestCloud, type TestCloud } from '../../../tests/support/cloud'
import { addDays, beijingDate } from '../../../shared/src/rules/time'

type AnyDoc = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- raw documents from the dump

// 10:00 Beijing, Friday 2026-11-20.
const AT = '2026-11-20T02:00:00.000Z'
const TODAY = beijingDate(new Date(AT))
const sec = devOpenid(DEMO.m.secretary)

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ at: AT })
})
afterAll(() => cloud.close())

const call = (input: unknown, openid: string | null = sec) => cloud.call('development', 'createRecord', input, openid)
const person = (name: string, birthDate: string) => ({ name, birthDate, gender: 'female', groupId: DEMO.groups.g1, unit: '社区' })

test('under 18 on the day of the application: RULE_VIOLATED with the rule and its source, nothing written', async () => {
  const before = cloud.snapshot()
  const r = await call({ person: person('未成年', '2008-11-21'), appliedOn: TODAY })
  expect(errCode(r)).toBe('RULE_VIOLATED')
  if (r.ok) throw new Error('expected a refusal')
  expect(r.error.details).toMatchObject({ rule: 'APPLICANT_UNDER_AGE', step: 'apply' })
  expect(r.error.message).toContain('申请时未满18周岁')
  expect(r.error.message).toContain('第六条')
  expect(cloud.snapshot()).toEqual(before)
  // 18 on the day: accepted.
  expect(ok(await call({ person: person('刚成年', '2008-11-20'), appliedOn: TODAY })).detail.record.stage).toBe('applicant')
})

test('an application in the future, or before birth, is refused', async () => {
  const before = cloud.snapshot()
  expect(errCode(await call({ person: person('未来', '1990-01-01'), appliedOn: addDays(TODAY, 1) }))).toBe('RULE_VIOLATED')
  expect(errCode(await call({ person: person('倒序', '1990-01-01'), appliedOn: '1989-12-31' }))).toBe('INVALID_INPUT')
  expect(errCode(await call({ person: { ...person('无小组', '1990-01-01'), groupId: 'g_none' }, appliedOn: TODAY }))).toBe('INVALID_INPUT')
  expect(cloud.snapshot()).toEqual(before)
})

test('the same person twice (concurrently) is one record, audited once', async () => {
  const input = { person: person('吕思清', '1992-02-29'), appliedOn: addDays(TODAY, -3), materials: [{ kind: 'application-letter' }] }
  const replies = await Promise.all([call(input), call(input, devOpenid(DEMO.m.organizer)), call(input)])
  expect(replies.every((r) => r.ok)).toBe(true)
  expect(replies.filter((r) => r.ok && !r.data.repeat)).toHaveLength(1)
  const docs = (cloud.db.dump('dev_records') as AnyDoc[]).filter((d) => d.name === '吕思清')
  expect(docs).toHaveLength(1)
  expect(docs[0]).toMatchObject({ branchId: DEMO.branch, stage: 'applicant', memberId: null })
  expect((cloud.db.dump('audit') as AnyDoc[]).filter((l) => l.action === 'development.createRecord' && l.targetId === docs[0]?._id)).toHaveLength(1)
  // The 谈话 is due within a month of the application.
  const rec = ok(replies[0] as never).detail.record
  expect(rec.next).toMatchObject({ step: 'interview', dueBy: '2026-12-17', overdue: false })
})

test('a plain member and another branch may not create', async () => {
  const before = cloud.snapshot()
  expect(errCode(await call({ person: person('越权', '1990-01-01'), appliedOn: TODAY }, devOpenid(DEMO.m.formal)))).toBe('FORBIDDEN')
  expect(errCode(await call({ branchId: DEMO.branch, person: person('越权', '1990-01-01'), appliedOn: TODAY }, devOpenid(DEMO.b2.secretary)))).toBe('FORBIDDEN')
  expect(cloud.snapshot()).toEqual(before)
})
