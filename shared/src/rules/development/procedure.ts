/**
 * The 发展党员 procedure as data (《中国共产党发展党员工作细则》, docs/DOMAIN.md 发展党员): five stages, their
 * ordered steps, and for each step the step it must follow, its minimum interval or deadline (named by the
 * profile value that sets it, never a number here), the materials to file and the people it needs.
 * `checkRecord` (check.ts) reads this table; the UI can list it as the branch's checklist.
 */
import type { DevelopmentRule } from './rule'

export const DEVELOPMENT_STAGES = ['applicant', 'activist', 'candidate', 'probationary', 'full'] as const
export type DevelopmentStage = (typeof DEVELOPMENT_STAGES)[number]

export const DEVELOPMENT_STAGE_LABELS: Record<DevelopmentStage, string> = {
  applicant: '入党申请',
  activist: '入党积极分子',
  candidate: '发展对象',
  probationary: '预备党员',
  full: '正式党员',
}

export const DEVELOPMENT_MATERIALS = [
  'application-letter',
  'interview-record',
  'recommendation',
  'committee-minutes',
  'thought-report',
  'assessment-record',
  'political-review',
  'training-certificate',
  'publicity-notice',
  'pre-review-opinion',
  'application-form',
  'meeting-minutes',
  'approval-opinion',
  'oath-record',
  'full-application',
] as const
export type DevelopmentMaterial = (typeof DEVELOPMENT_MATERIALS)[number]

export const DEVELOPMENT_MATERIAL_LABELS: Record<DevelopmentMaterial, string> = {
  'application-letter': '入党申请书',
  'interview-record': '谈话记录',
  recommendation: '推荐材料（党员推荐、群团组织推优）',
  'committee-minutes': '支委会会议记录',
  'thought-report': '思想汇报',
  'assessment-record': '培养考察记录',
  'political-review': '政审材料',
  'training-certificate': '培训证明',
  'publicity-notice': '公示材料',
  'pre-review-opinion': '上级党委预审意见',
  'application-form': '入党志愿书',
  'meeting-minutes': '支部大会会议记录',
  'approval-opinion': '上级党委审批意见',
  'oath-record': '入党宣誓记录',
  'full-application': '转正申请书',
}

export const DEVELOPMENT_ROLES = ['interviewer', 'contact', 'sponsor'] as const
export type DevelopmentRole = (typeof DEVELOPMENT_ROLES)[number]

export const DEVELOPMENT_ROLE_LABELS: Record<DevelopmentRole, string> = { interviewer: '谈话人', contact: '培养联系人', sponsor: '入党介绍人' }

export const DEVELOPMENT_STEP_CODES = [
  'apply',
  'interview',
  'activist',
  'assessment',
  'candidate',
  'political-review',
  'training',
  'committee-review',
  'publicity',
  'pre-review',
  'application-form',
  'branch-vote',
  'higher-talk',
  'approval',
  'oath',
  'full-application',
  'extension',
  'full-vote',
  'full-approval',
] as const
export type DevelopmentStepCode = (typeof DEVELOPMENT_STEP_CODES)[number]

/** Profile values (of `DevelopmentRule`) that are a count of months or years. */
type MonthsKey = Extract<keyof DevelopmentRule, 'interviewWithinMonths' | 'assessEveryMonths' | 'approvalWithinMonths'>
type YearsKey = Extract<keyof DevelopmentRule, 'activistMinYears' | 'probationYears'>

/** Profile values that are a number of people. */
type CountKey = Extract<keyof DevelopmentRule, 'interviewersMin' | 'contactPersonsMin' | 'contactPersonsMax' | 'sponsors'>

/** A span after an earlier step, in months or years of the profile. */
export type StepSpan = { from: DevelopmentStepCode; months: MonthsKey } | { from: DevelopmentStepCode; years: YearsKey }

export interface DevelopmentStep {
  code: DevelopmentStepCode
  stage: DevelopmentStage
  name: string
  /** The step this one must follow (on or after its date); null for the first. */
  after: DevelopmentStepCode | null
  /** May be absent from a complete record (延长预备期). */
  optional?: boolean
  /** Recorded more than once (培养考察 every half-year). */
  repeats?: boolean
  /** Not before this span has passed (发展对象 一年以上 after 积极分子). */
  minAfter?: StepSpan
  /** Due within this span (谈话 within a month); overdue after it. */
  dueWithin?: StepSpan
  materials: readonly DevelopmentMaterial[]
  /** People the step names, with the profile values bounding their number (no `max`: no upper bound). */
  people?: { role: DevelopmentRole; min: CountKey; max?: CountKey }
  /** Where the step is written down. */
  source: string
}

export const DEVELOPMENT_RULES_SOURCE = '[N] 《中国共产党发展党员工作细则》（中共中央办公厅，2014年）'
const art = (a: string): string => `${DEVELOPMENT_RULES_SOURCE}${a}`

/** The steps in order. `after` always names an earlier step. */
export const DEVELOPMENT_STEPS: readonly DevelopmentStep[] = [
  { code: 'apply', stage: 'applicant', name: '递交入党申请书', after: null, materials: ['application-letter'], source: art('第六条') },
  {
    code: 'interview',
    stage: 'applicant',
    name: '党组织派人谈话',
    after: 'apply',
    dueWithin: { from: 'apply', months: 'interviewWithinMonths' },
    materials: ['interview-record'],
    people: { role: 'interviewer', min: 'interviewersMin' },
    source: art('第六条'),
  },
  {
    code: 'activist',
    stage: 'activist',
    name: '确定为入党积极分子',
    after: 'interview',
    materials: ['recommendation', 'committee-minutes'],
    people: { role: 'contact', min: 'contactPersonsMin', max: 'contactPersonsMax' },
    source: art('第九条至第十条'),
  },
  {
    code: 'assessment',
    stage: 'activist',
    name: '培养教育考察（每半年一次）',
    after: 'activist',
    repeats: true,
    dueWithin: { from: 'activist', months: 'assessEveryMonths' },
    materials: ['thought-report', 'assessment-record'],
    source: art('第十一条'),
  },
  {
    code: 'candidate',
    stage: 'candidate',
    name: '确定为发展对象',
    after: 'activist',
    minAfter: { from: 'activist', years: 'activistMinYears' },
    materials: ['committee-minutes', 'assessment-record'],
    people: { role: 'sponsor', min: 'sponsors', max: 'sponsors' },
    source: `${art('第十二条')}；入党介绍人两名`,
  },
  { code: 'political-review', stage: 'candidate', name: '政治审查', after: 'candidate', materials: ['political-review'], source: art('第十四条') },
  { code: 'training', stage: 'candidate', name: '集中培训', after: 'candidate', materials: ['training-certificate'], source: art('第十五条') },
  {
    code: 'committee-review',
    stage: 'candidate',
    name: '支委会审查',
    after: 'political-review',
    materials: ['committee-minutes'],
    source: art('第十七条'),
  },
  { code: 'publicity', stage: 'candidate', name: '公示', after: 'committee-review', materials: ['publicity-notice'], source: '[L] 公示工作日数为省级通行做法（见规则方案）' },
  { code: 'pre-review', stage: 'candidate', name: '上级党委预审', after: 'publicity', materials: ['pre-review-opinion'], source: art('第十七条') },
  { code: 'application-form', stage: 'probationary', name: '填写入党志愿书', after: 'pre-review', materials: ['application-form'], source: `${DEVELOPMENT_RULES_SOURCE}；编号管理见 seed 002_c30c592b5c62ffe5 [HN]` },
  {
    code: 'branch-vote',
    stage: 'probationary',
    name: '支部大会讨论接收预备党员',
    after: 'application-form',
    materials: ['meeting-minutes', 'application-form'],
    source: art('第二十条'),
  },
  {
    code: 'higher-talk',
    stage: 'probationary',
    name: '上级党委派人谈话',
    after: 'branch-vote',
    materials: ['interview-record'],
    people: { role: 'interviewer', min: 'interviewersMin' },
    source: art('第二十三条'),
  },
  {
    code: 'approval',
    stage: 'probationary',
    name: '上级党委审批',
    after: 'higher-talk',
    dueWithin: { from: 'branch-vote', months: 'approvalWithinMonths' },
    materials: ['approval-opinion'],
    source: art('第二十三条'),
  },
  { code: 'oath', stage: 'probationary', name: '入党宣誓', after: 'approval', materials: ['oath-record'], source: art('第二十三条') },
  { code: 'full-application', stage: 'full', name: '提出转正申请', after: 'approval', materials: ['full-application'], source: art('第二十七条') },
  { code: 'extension', stage: 'full', name: '延长预备期', after: 'approval', optional: true, materials: ['meeting-minutes'], source: art('第三十条') },
  {
    code: 'full-vote',
    stage: 'full',
    name: '支部大会讨论转正',
    after: 'full-application',
    minAfter: { from: 'branch-vote', years: 'probationYears' },
    materials: ['meeting-minutes', 'full-application'],
    source: art('第二十七条'),
  },
  {
    code: 'full-approval',
    stage: 'full',
    name: '上级党委审批转正',
    after: 'full-vote',
    dueWithin: { from: 'full-vote', months: 'approvalWithinMonths' },
    materials: ['approval-opinion'],
    source: `${DEVELOPMENT_RULES_SOURCE}（党委审批预备党员转正，应当在三个月内审批）`,
  },
]

/** The steps by code. */
export const DEVELOPMENT_STEP_BY_CODE = Object.fromEntries(DEVELOPMENT_STEPS.map((s) => [s.code, s])) as Readonly<Record<DevelopmentStepCode, DevelopmentStep>>
