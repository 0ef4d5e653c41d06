/**
 * development.recordStep / checkStep / uploadMaterial through the real SDK on the local backend with the demo
 * seed: a person walked from 入党申请 to 预备党员 (the probationary member then in the roster), a too-early
 * 发展对象 and a failed 双过半 refused with the rule and nothing written, who may record, and concurrent
 * approvals creating one member.
 */
import { DEMO_DEVELOPMENT } from '../../../local/seed'
import { DEMO, devOpenid, errCode, ok, startTestCloud, type TestCloud } from '../../../tests/support/cloud'
import { png } from '../../../tests/support/images'
import { addDays, addMonths, beijingDate } from '../../../shared/src/rules/time'

type AnyDoc = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- raw documents from the dump

// 10:00 Beijing, Friday 2026-11-20.
const AT = '2026-11-20T02:00:00.000Z'
const TODAY = beijingDate(new Date(AT))
const sec = devOpenid(DEMO.m.secretary)
const organizer = devOpenid(DEMO.m.organizer)
const formal = devOpenid(DEMO.m.formal)
const otherSec = devOpenid(DEMO.b2.secretary)

let cloud: TestCloud
beforeAll(async () => {
  cloud = await startTestCloud({ at: AT })
})
afterAll(() => cloud.close())

const call = (action: string, input: unknown, openid: string | null = organizer) => cloud.call('development', action, input, openid)
const dump = (c: string) => cloud.db.dump(c) as AnyDoc[]
const record = (id: string) => dump('dev_records').find((r) => r._id === id) as AnyDoc

/** Creates an applicant who applied on `applied` and answers the record id. */
const applicant = async (name: string, applied: string): Promise<string> => {
  const r = ok(await call('createRecord', { person: { name, birthDate: '1995-05-05', gender: 'male', groupId: DEMO.groups.g2 }, appliedOn: applied, materials: [{ kind: 'application-letter' }] }))
  return r.detail.record.id
}

/** The steps from 谈话 to 上级党委派人谈话 for someone who applied on `a` (three years ago). */
const walk = (a: string) => {
  const act = addMonths(a, 2)
  const cand = addMonths(act, 13)
  return [
    { step: 'interview', date: addDays(a, 20), people: ['张建国'], materials: [{ kind: 'interview-record' }] },
    { step: 'activist', date: act, people: ['赵敏'], materials: [{ kind: 'recommendation' }, { kind: 'committee-minutes' }] },
    { step: 'assessment', date: addMonths(act, 6), materials: [{ kind: 'thought-report' }, { kind: 'assessment-record' }] },
    { step: 'assessment', date: addMonths(act, 12), materials: [{ kind: 'thought-report' }, { kind: 'assessment-record' }] },
    { step: 'candidate', date: cand, people: ['李红梅', '赵敏'], materials: [{ kind: 'committee-minutes' }, { kind: 'assessment-record' }] },
    { step: 'political-review', date: addDays(cand, 20), materials: [{ kind: 'political-review' }] },
    { step: 'training', date: addDays(cand, 25), training: { days: 3, hours: 24 }, materials: [{ kind: 'training-certificate' }] },
    { step: 'committee-review', date: addDays(cand, 30), materials: [{ kind: 'committee-minutes' }] },
    { step: 'publicity', date: addDays(cand, 35), endOn: addDays(cand, 49), materials: [{ kind: 'publicity-notice' }] },
    { step: 'pre-review', date: addDays(cand, 55), materials: [{ kind: 'pre-review-opinion' }] },
    { step: 'application-form', date: addDays(cand, 60), materials: [{ kind: 'application-form' }] },
    { step: 'branch-vote', date: addDays(cand, 70), vote: { entitled: 28, present: 20, yes: 19 }, materials: [{ kind: 'meeting-minutes' }, { kind: 'application-form' }] },
    { step: 'higher-talk', date: addDays(cand, 80), people: ['组织部 刘军'], materials: [{ kind: 'interview-record' }] },
  ]
}
const approval = (a: string) => ({ step: 'approval', date: addDays(addMonths(addMonths(a, 2), 13), 90), materials: [{ kind: 'approval-opinion' }] })

describe('the procedure end to end', () => {
  test('入党申请 → 预备党员: each step recorded, the approval adds a probationary member to the roster, once', async () => {
    const a = addMonths(TODAY, -36)
    const id = await applicant('钱学文', a)
    for (const s of walk(a)) {
      const r = await call('recordStep', { recordId: id, ...s })
      expect(errCode(r)).toBeNull()
    }
    expect(record(id).stage).toBe('candidate')
    const auditsBefore = dump('audit').length
    const r = ok(await call('recordStep', { recordId: id, ...approval(a) }))
    expect(r.repeat).toBe(false)
    expect(r.detail.record.stage).toBe('probationary')
    const memberId = r.admittedMemberId as string
    expect(r.detail.record.memberId).toBe(memberId)
    const member = dump('members').find((m) => m._id === memberId) as AnyDoc
    expect(member).toMatchObject({ branchId: DEMO.branch, name: '钱学文', status: 'probationary', groupId: DEMO.groups.g2, active: true, formalAt: null })
    expect(member.joinedAt).toBe(walk(a).find((s) => s.step === 'branch-vote')?.date)
    expect(dump('audit').slice(auditsBefore).map((l) => l.action)).toEqual(['development.recordStep', 'development.admit'])

    // In the roster as org answers it.
    const roster = ok(await cloud.call('org', 'listMembers', {}, sec))
    expect(JSON.stringify(roster)).toContain(memberId)

    // A retry answers the same record and adds nobody.
    const again = ok(await call('recordStep', { recordId: id, ...approval(a) }))
    expect(again).toMatchObject({ repeat: true, admittedMemberId: memberId })
    expect(dump('members').filter((m) => m.name === '钱学文')).toHaveLength(1)
  })

  test('a 发展对象 less than a year after 入党积极分子 is refused with the rule, nothing written', async () => {
    const before = cloud.snapshot()
    const input = { recordId: DEMO_DEVELOPMENT.activist, step: 'candidate', date: TODAY, people: ['李红梅', '赵敏'], materials: [{ kind: 'committee-minutes' }, { kind: 'assessment-record' }] }
    const checked = ok(await call('checkStep', input))
    expect(checked.ok).toBe(false)
    expect(checked.blocking.map((f: AnyDoc) => f.rule)).toEqual(['INTERVAL_TOO_SHORT'])
    const r = await call('recordStep', input)
    expect(errCode(r)).toBe('RULE_VIOLATED')
    if (r.ok) throw new Error('expected a refusal')
    expect(r.error.details).toMatchObject({ rule: 'INTERVAL_TOO_SHORT', step: 'candidate' })
    expect(r.error.message).toContain('确定为发展对象：最早应在')
    expect(r.error.message).toContain('第十二条')
    expect(cloud.snapshot()).toEqual(before)
  })

  test('a 支部大会 vote short of 双过半 is refused, nothing written; a date out of order too', async () => {
    const a = addMonths(TODAY, -40)
    const id = await applicant('孔令辉', a)
    const steps = walk(a)
    for (const s of steps.slice(0, 11)) expect(errCode(await call('recordStep', { recordId: id, ...s }))).toBeNull()
    const vote = steps[11] as AnyDoc
    const before = cloud.snapshot()
    const failed = await call('recordStep', { recordId: id, ...vote, vote: { entitled: 28, present: 20, yes: 14 } })
    expect(errCode(failed)).toBe('RULE_VIOLATED')
    if (failed.ok) throw new Error('expected a refusal')
    expect(failed.error.details).toMatchObject({ rule: 'VOTE_FAILS' })
    expect(failed.error.message).toContain('未达到双过半')
    expect(failed.error.message).toContain('第二十条')
    const absent = await call('recordStep', { recordId: id, ...vote, vote: { entitled: 28, present: 14, yes: 14 } })
    expect(errCode(absent)).toBe('RULE_VIOLATED')
    const early = await call('recordStep', { recordId: id, ...vote, date: addDays(a, 1) })
    expect(errCode(early)).toBe('RULE_VIOLATED')
    if (early.ok) throw new Error('expected a refusal')
    expect(early.error.details).toMatchObject({ rule: 'DATE_OUT_OF_ORDER' })
    expect(cloud.snapshot()).toEqual(before)
  })

  test('concurrent approvals create one member', async () => {
    const a = addMonths(TODAY, -38)
    const id = await applicant('曹文轩', a)
    for (const s of walk(a)) expect(errCode(await call('recordStep', { recordId: id, ...s }))).toBeNull()
    const replies = await Promise.all([organizer, sec, organizer, devOpenid(DEMO.m.deputy), sec].map((o) => call('recordStep', { recordId: id, ...approval(a) }, o)))
    for (const r of replies) expect(errCode(r)).toBeNull()
    expect(replies.filter((r) => r.ok && r.data.repeat === false)).toHaveLength(1)
    const created = dump('members').filter((m) => m.name === '曹文轩')
    expect(created).toHaveLength(1)
    expect(new Set(replies.map((r) => (r.ok ? r.data.admittedMemberId : null)))).toEqual(new Set([created[0]?._id]))
    expect(record(id).steps.filter((s: AnyDoc) => s.step === 'approval')).toHaveLength(1)
    expect(dump('audit').filter((l) => l.action === 'development.admit' && l.targetId === created[0]?._id)).toHaveLength(1)
  })
})

describe('who may record', () => {
  const input = { recordId: DEMO_DEVELOPMENT.lateApplicant, step: 'interview', date: TODAY, people: ['张建国'], materials: [{ kind: 'interview-record' }] }

  test('a plain member and another branch are refused, nothing written', async () => {
    const before = cloud.snapshot()
    for (const o of [formal, otherSec]) {
      expect(errCode(await call('recordStep', input, o))).toBe('FORBIDDEN')
      expect(errCode(await call('checkStep', input, o))).toBe('FORBIDDEN')
      expect(errCode(await call('getRecord', { recordId: input.recordId }, o))).toBe('FORBIDDEN')
    }
    expect(cloud.snapshot()).toEqual(before)
  })

  test('bad input: INVALID_INPUT and nothing written', async () => {
    const before = cloud.snapshot()
    expect(errCode(await call('recordStep', { ...input, vote: { entitled: 2, present: 3, yes: 1 } }))).toBe('INVALID_INPUT')
    expect(errCode(await call('recordStep', { ...input, training: { days: 3 } }))).toBe('INVALID_INPUT')
    expect(errCode(await call('recordStep', { ...input, materials: [{ kind: 'interview-record', fileId: `cloud://env/development/${DEMO.branch2}/x/a.png` }] }))).toBe('INVALID_INPUT')
    expect(errCode(await call('recordStep', { ...input, recordId: 'dv_nothing' }))).toBe('NOT_FOUND')
    expect(cloud.snapshot()).toEqual(before)
  })

  test('a 谈话 without its 谈话人 is refused; with one, recorded once and audited', async () => {
    const refused = await call('recordStep', { ...input, people: [] })
    expect(errCode(refused)).toBe('RULE_VIOLATED')
    const [a, b] = await Promise.all([call('recordStep', input, sec), call('recordStep', input, organizer)])
    expect([a, b].every((r) => r.ok)).toBe(true)
    expect([a, b].filter((r) => r.ok && !r.data.repeat)).toHaveLength(1)
    expect(record(input.recordId).steps.filter((s: AnyDoc) => s.step === 'interview')).toHaveLength(1)
    expect(dump('audit').filter((l) => l.action === 'development.recordStep' && l.targetId === input.recordId)).toHaveLength(1)
  })

  test('a material picture is stored in the record folder and filed with its step', async () => {
    const rec = record(DEMO_DEVELOPMENT.candidate)
    const review = rec.steps.find((s: AnyDoc) => s.step === 'political-review')
    const r = ok(await call('uploadMaterial', { recordId: rec._id, stepId: review.id, kind: 'political-review', ext: 'png', base64: png(1, 1).toString('base64') }))
    expect(r.fileId).toContain(`/development/${DEMO.branch}/${rec._id}/`)
    expect(r.detail.record.missing).toEqual([])
    const step = r.detail.steps.find((s: AnyDoc) => s.step === 'political-review')
    expect(step.materials).toEqual([expect.objectContaining({ kind: 'political-review', fileId: r.fileId })])
    expect(errCode(await call('uploadMaterial', { recordId: rec._id, stepId: review.id, kind: 'oath-record', ext: 'png', base64: png(1, 1).toString('base64') }))).toBe('INVALID_INPUT')
  })
})
