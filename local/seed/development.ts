/**
 * Demo 发展党员 records of 第一党支部, one or more at every stage: an applicant whose 谈话 is overdue (applied
 * 50 days ago, nobody has talked with them), a fresh applicant, an 入党积极分子 in their first year, a
 * 发展对象 whose 政治审查 lacks its 政审材料, the 预备党员 郑晓雨 (admitted on her 入党日期 in the roster)
 * and the newly full member 何思远. Dates are relative to `nowIso`, except those of the two members, which
 * follow their roster dates. Deterministic given `nowIso`.
 */
import type { DevRecordDoc, DevStepDoc } from '../../cloudfunctions/development/documents'
import { currentStage, DEVELOPMENT_STEP_BY_CODE, type DevelopmentStepCode } from '../../shared/src/rules/development'
import { addDays, addMonths, beijingDate } from '../../shared/src/rules/time'
import { DEMO, demoOrg } from './demo-org'

type Docs = Record<string, Record<string, unknown>[]>

/** Ids the tests, fixtures and e2e name. */
export const DEMO_DEVELOPMENT = {
  /** Applied 50 days ago; the 谈话 (within a month) is overdue. */
  lateApplicant: 'dv_demo_late',
  /** Applied 10 days ago. */
  applicant: 'dv_demo_applicant',
  /** 入党积极分子 for 8 months (not yet eligible as 发展对象). */
  activist: 'dv_demo_activist',
  /** 发展对象; the 政治审查 has no 政审材料 filed. */
  candidate: 'dv_demo_candidate',
  /** 郑晓雨, 预备党员 (DEMO.m.probationary). */
  probationary: 'dv_demo_probationary',
  /** 何思远, 正式党员 since the 转正 (DEMO.m.student). */
  full: 'dv_demo_full',
} as const

type StepSeed = [DevelopmentStepCode, string, Partial<Pick<DevStepDoc, 'people' | 'vote' | 'training' | 'endOn' | 'months'>>?, { omit?: string[] }?]

const step = (recordedAt: string, [code, on, extra = {}, opts = {}]: StepSeed): DevStepDoc => ({
  id: `${code}_${on}`,
  step: code,
  on,
  endOn: extra.endOn ?? null,
  people: extra.people ?? [],
  materials: DEVELOPMENT_STEP_BY_CODE[code].materials.filter((m) => !opts.omit?.includes(m)).map((kind) => ({ kind, fileId: null })),
  vote: extra.vote ?? null,
  training: extra.training ?? null,
  months: extra.months ?? null,
  note: '',
  recordedBy: DEMO.m.organizer,
  recordedByName: '王志强',
  recordedAt,
})

const TALKERS = ['张建国', '王志强']
const CONTACTS = ['赵敏', '吴刚']
const SPONSORS = ['李红梅', '赵敏']

/** The steps from 预审 to 入党宣誓 around a 支部大会 on `vote`. */
const admission = (vote: string): StepSeed[] => [
  ['application-form', addDays(vote, -7)],
  ['branch-vote', vote, { vote: { entitled: 28, present: 25, yes: 25 } }],
  ['higher-talk', addDays(vote, 10), { people: ['组织部 刘军'] }],
  ['approval', addDays(vote, 30)],
  ['oath', addDays(vote, 35)],
]

/** 入党申请 to 上级党委预审, the 预审 a week before `form` (the 入党志愿书). */
const upToPreReview = (applied: string, form: string): StepSeed[] => {
  const activist = addMonths(applied, 3)
  const candidate = addMonths(form, -3)
  const publicity = addDays(form, -40)
  return [
    ['apply', applied],
    ['interview', addDays(applied, 14), { people: TALKERS }],
    ['activist', activist, { people: CONTACTS }],
    ['assessment', addMonths(activist, 6)],
    ['assessment', addMonths(activist, 12)],
    ['candidate', candidate, { people: SPONSORS }],
    ['political-review', addDays(candidate, 20)],
    ['training', addDays(candidate, 25), { training: { days: 3, hours: 24 } }],
    ['committee-review', addDays(candidate, 30)],
    ['publicity', publicity, { endOn: addDays(publicity, 14) }],
    ['pre-review', addDays(form, -14)],
  ]
}

export const developmentSeed = (nowIso: string): Docs => {
  const today = beijingDate(nowIso)
  const { members } = demoOrg(nowIso)
  const joined = (id: string): string => members.find((m) => m._id === id)?.joinedAt ?? today
  const formal = (id: string): string => members.find((m) => m._id === id)?.formalAt ?? today

  const record = (
    id: string,
    person: { name: string; gender: 'male' | 'female'; birthDate: string; groupId: string; unit: string },
    steps: StepSeed[],
    memberId: string | null = null,
  ): DevRecordDoc => {
    const docs = steps.map((s) => step(nowIso, s))
    const appliedOn = docs[0]?.on ?? today
    return {
      _id: id,
      branchId: DEMO.branch,
      ...person,
      appliedOn,
      stage: currentStage(docs.map((s) => ({ step: s.step, on: s.on }))),
      steps: docs,
      memberId,
      createdBy: DEMO.m.organizer,
      createdAt: nowIso,
      updatedAt: nowIso,
    }
  }

  const activistOn = addMonths(today, -8)
  const candidateOn = addMonths(today, -1)
  const probJoined = joined(DEMO.m.probationary)
  const fullJoined = joined(DEMO.m.student)
  const fullFormal = formal(DEMO.m.student)
  const records: DevRecordDoc[] = [
    record(DEMO_DEVELOPMENT.lateApplicant, { name: '林小峰', gender: 'male', birthDate: '2001-04-18', groupId: DEMO.groups.g2, unit: '社区网格员' }, [['apply', addDays(today, -50)]]),
    record(DEMO_DEVELOPMENT.applicant, { name: '黄雅婷', gender: 'female', birthDate: '2003-09-02', groupId: DEMO.groups.g1, unit: '社区卫生服务站' }, [['apply', addDays(today, -10)]]),
    record(DEMO_DEVELOPMENT.activist, { name: '马俊杰', gender: 'male', birthDate: '1996-12-25', groupId: DEMO.groups.g3, unit: '物业公司' }, [
      ['apply', addMonths(activistOn, -4)],
      ['interview', addDays(addMonths(activistOn, -4), 12), { people: TALKERS }],
      ['activist', activistOn, { people: CONTACTS }],
      ['assessment', addMonths(activistOn, 6)],
    ]),
    record(DEMO_DEVELOPMENT.candidate, { name: '罗佳怡', gender: 'female', birthDate: '1999-06-30', groupId: DEMO.groups.g1, unit: '街道文化站' }, [
      ['apply', addMonths(candidateOn, -17)],
      ['interview', addDays(addMonths(candidateOn, -17), 10), { people: TALKERS }],
      ['activist', addMonths(candidateOn, -14), { people: CONTACTS }],
      ['assessment', addMonths(candidateOn, -8)],
      ['assessment', addMonths(candidateOn, -2)],
      ['candidate', candidateOn, { people: SPONSORS }],
      ['political-review', addDays(candidateOn, 10), {}, { omit: ['political-review'] }],
    ]),
    record(
      DEMO_DEVELOPMENT.probationary,
      { name: '郑晓雨', gender: 'female', birthDate: '1998-03-12', groupId: DEMO.groups.g1, unit: '社区居委会' },
      [...upToPreReview(addMonths(probJoined, -30), addDays(probJoined, -7)), ...admission(probJoined)],
      DEMO.m.probationary,
    ),
    record(
      DEMO_DEVELOPMENT.full,
      { name: '何思远', gender: 'male', birthDate: '2004-01-08', groupId: DEMO.groups.g2, unit: '大学生志愿者' },
      [
        ...upToPreReview(addMonths(fullJoined, -30), addDays(fullJoined, -7)),
        ...admission(fullJoined),
        ['full-application', addMonths(fullJoined, 11)],
        ['full-vote', fullFormal, { vote: { entitled: 28, present: 24, yes: 24 } }],
        ['full-approval', addDays(fullFormal, 3)],
      ],
      DEMO.m.student,
    ),
  ]
  return { dev_records: records as unknown as Record<string, unknown>[] }
}
