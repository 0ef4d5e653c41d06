/**
 * The checker of one person's 发展党员 record (docs/DOMAIN.md 发展党员): what the UI shows "before saving".
 * Hard findings are errors of the record (a date out of order, an interval too short, a 支部大会 vote short
 * of 双过半, a required material or person missing); soft ones are reminders (a step overdue, due soon, or
 * done late). The numbers come from the profile's `development` section; nothing here reads the clock.
 */
import { RuleInputError } from '../errors'
import { addMonths, addYears, assertDate, diffDays, formatDateCN, type DateString } from '../time'
import { applicantAgeOkFor, branchVotePasses, isValidExtension, publicityEndsOn, type BranchVote } from './dates'
import {
  DEVELOPMENT_MATERIAL_LABELS,
  DEVELOPMENT_MATERIALS,
  DEVELOPMENT_ROLE_LABELS,
  DEVELOPMENT_STEP_BY_CODE,
  DEVELOPMENT_STEP_CODES,
  DEVELOPMENT_STEPS,
  type DevelopmentMaterial,
  type DevelopmentStep,
  type DevelopmentStepCode,
  type StepSpan,
} from './procedure'
import { DevelopmentRuleSchema, type DevelopmentRule } from './rule'

/** One recorded step of a person's development. */
export interface DevelopmentRecordStep {
  step: DevelopmentStepCode
  /** The day it happened (for 公示 the first day). */
  on: DateString
  /** 公示: its last day. */
  endOn?: DateString
  materials?: readonly DevelopmentMaterial[]
  /** Names or ids of the 谈话人 / 培养联系人 / 入党介绍人 the step names. */
  people?: readonly string[]
  /** 支部大会 (接收预备党员, 转正): the vote. */
  vote?: BranchVote
  /** 集中培训: days and 学时. */
  training?: { days?: number; hours?: number }
  /** 延长预备期: months. */
  months?: number
  /** 入党申请: the applicant's birth date. */
  birthDate?: DateString
}

export const DEVELOPMENT_FINDING_RULES = [
  'DATE_OUT_OF_ORDER',
  'DATE_IN_FUTURE',
  'PREVIOUS_STEP_MISSING',
  'STEP_DUPLICATED',
  'INTERVAL_TOO_SHORT',
  'APPLICANT_UNDER_AGE',
  'TRAINING_TOO_SHORT',
  'PUBLICITY_TOO_SHORT',
  'VOTE_FAILS',
  'VOTE_MISSING',
  'EXTENSION_OUT_OF_RANGE',
  'MATERIAL_MISSING',
  'PEOPLE_MISSING',
  'PEOPLE_TOO_MANY',
  'STEP_LATE',
  'STEP_OVERDUE',
  'STEP_DUE_SOON',
] as const
export type DevelopmentFindingRule = (typeof DEVELOPMENT_FINDING_RULES)[number]

export interface DevelopmentFinding {
  level: 'hard' | 'soft'
  rule: DevelopmentFindingRule
  step: DevelopmentStepCode
  message: string
  source: string
  /** The date the finding is about (a deadline, the earliest allowed day), when there is one. */
  date?: DateString
}

/** A profile, or anything carrying its `development` section. */
export interface DevelopmentProfile {
  development: DevelopmentRule
}

const STEP_CODES: readonly string[] = DEVELOPMENT_STEP_CODES
const MATERIALS: readonly string[] = DEVELOPMENT_MATERIALS

function validate(steps: readonly DevelopmentRecordStep[], profile: DevelopmentProfile, today: DateString): DevelopmentRule {
  assertDate(today, '今天')
  if (!Array.isArray(steps as unknown)) throw new RuleInputError('INVALID_ARGUMENT', '发展党员记录应为数组')
  const parsed = DevelopmentRuleSchema.safeParse(profile?.development)
  if (!parsed.success) throw new RuleInputError('INVALID_PROFILE', '规则方案缺少发展党员设置', { paths: parsed.error.issues.map((i) => i.path.join('.')) })
  for (const s of steps) {
    if (!STEP_CODES.includes(s?.step)) throw new RuleInputError('INVALID_ARGUMENT', '未知的发展党员步骤', { step: String(s?.step) })
    assertDate(s.on, `${DEVELOPMENT_STEP_BY_CODE[s.step].name}日期`)
    if (s.endOn !== undefined) assertDate(s.endOn, '公示结束日期')
    if (s.birthDate !== undefined) assertDate(s.birthDate, '出生日期')
    for (const m of s.materials ?? []) if (!MATERIALS.includes(m)) throw new RuleInputError('INVALID_ARGUMENT', '未知的材料', { material: String(m) })
  }
  return parsed.data
}

/** The date a span after `from` ends. */
function spanEnd(from: DateString, span: StepSpan, rule: DevelopmentRule): DateString {
  return 'months' in span ? addMonths(from, rule[span.months]) : addYears(from, rule[span.years])
}

/**
 * Findings on a person's record `steps` under `profile.development`, as of `today`, in procedure order.
 * Throws `RuleInputError` for an unknown step or material, an invalid date, or a profile without a valid
 * `development` section. Never changes anything: it only reports.
 */
export function checkRecord(steps: readonly DevelopmentRecordStep[], profile: DevelopmentProfile, today: DateString): DevelopmentFinding[] {
  const rule = validate(steps, profile, today)
  const out: DevelopmentFinding[] = []
  const byCode = new Map<DevelopmentStepCode, DevelopmentRecordStep[]>()
  for (const s of steps) byCode.set(s.step, [...(byCode.get(s.step) ?? []), s])
  for (const list of byCode.values()) list.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
  const first = (code: DevelopmentStepCode): DevelopmentRecordStep | undefined => byCode.get(code)?.[0]

  for (const spec of DEVELOPMENT_STEPS) {
    const records = byCode.get(spec.code) ?? []
    const add = (level: DevelopmentFinding['level'], r: DevelopmentFindingRule, message: string, date?: DateString): void => {
      out.push({ level, rule: r, step: spec.code, message: `${spec.name}：${message}`, source: spec.source, ...(date ? { date } : {}) })
    }
    if (records.length === 0) {
      pending(spec, rule, today, first, add)
      continue
    }
    if (records.length > 1 && !spec.repeats) add('hard', 'STEP_DUPLICATED', `记录了${records.length}次，应只有1次`)
    for (const rec of records) checkOne(spec, rec, rule, today, first, add)
    if (spec.code === 'assessment') assessmentGaps(records, rule, today, first, add)
  }
  return out
}

type Add = (level: DevelopmentFinding['level'], rule: DevelopmentFindingRule, message: string, date?: DateString) => void
type First = (code: DevelopmentStepCode) => DevelopmentRecordStep | undefined

function checkOne(spec: DevelopmentStep, rec: DevelopmentRecordStep, rule: DevelopmentRule, today: DateString, first: First, add: Add): void {
  const cn = formatDateCN
  if (rec.on > today) add('hard', 'DATE_IN_FUTURE', `日期${cn(rec.on)}晚于今天`, rec.on)
  if (spec.after) {
    const prev = first(spec.after)
    const prevName = DEVELOPMENT_STEP_BY_CODE[spec.after].name
    if (!prev) add('hard', 'PREVIOUS_STEP_MISSING', `应在“${prevName}”之后，但没有“${prevName}”的记录`)
    else if (rec.on < prev.on) add('hard', 'DATE_OUT_OF_ORDER', `日期${cn(rec.on)}早于“${prevName}”（${cn(prev.on)}）`, prev.on)
  }
  if (spec.minAfter) {
    const from = first(spec.minAfter.from)
    if (from) {
      let earliest = spanEnd(from.on, spec.minAfter, rule)
      const ext = spec.code === 'full-vote' ? first('extension') : undefined
      if (ext && isValidExtension(ext.months, rule.extensionMinMonths, rule.extensionMaxMonths)) earliest = addMonths(earliest, ext.months)
      if (rec.on < earliest) add('hard', 'INTERVAL_TOO_SHORT', `最早应在${cn(earliest)}，记录为${cn(rec.on)}`, earliest)
    }
  }
  if (spec.dueWithin && spec.code !== 'assessment') {
    const from = first(spec.dueWithin.from)
    const due = from ? spanEnd(from.on, spec.dueWithin, rule) : undefined
    if (due && rec.on > due) add('soft', 'STEP_LATE', `应在${cn(due)}前完成，实际${cn(rec.on)}`, due)
  }
  const have = new Set(rec.materials ?? [])
  for (const m of spec.materials) if (!have.has(m)) add('hard', 'MATERIAL_MISSING', `缺少${DEVELOPMENT_MATERIAL_LABELS[m]}`)
  if (spec.people) {
    const n = new Set(rec.people ?? []).size
    const min = rule[spec.people.min]
    const label = DEVELOPMENT_ROLE_LABELS[spec.people.role]
    if (n < min) add('hard', 'PEOPLE_MISSING', `${label}应至少${min}名，记录了${n}名`)
    const max = spec.people.max ? rule[spec.people.max] : undefined
    if (max !== undefined && n > max) add('hard', 'PEOPLE_TOO_MANY', `${label}至多${max}名，记录了${n}名`)
  }
  stepSpecific(spec, rec, rule, first, add)
}

function stepSpecific(spec: DevelopmentStep, rec: DevelopmentRecordStep, rule: DevelopmentRule, first: First, add: Add): void {
  const cn = formatDateCN
  switch (spec.code) {
    case 'apply':
      if (rec.birthDate && (rec.on < rec.birthDate || !applicantAgeOkFor(rec.birthDate, rec.on, rule.minApplicantAge))) {
        add('hard', 'APPLICANT_UNDER_AGE', `申请时未满${rule.minApplicantAge}周岁`)
      }
      break
    case 'training': {
      const { days = 0, hours = 0 } = rec.training ?? {}
      if (days < rule.trainingMinDays && hours < rule.trainingMinHours) {
        add('hard', 'TRAINING_TOO_SHORT', `应不少于${rule.trainingMinDays}天或${rule.trainingMinHours}学时，记录为${days}天、${hours}学时`)
      }
      break
    }
    case 'publicity': {
      const end = publicityEndsOn(rec.on, rule.publicityWorkingDays)
      if (rec.endOn === undefined || rec.endOn < end) {
        add('hard', 'PUBLICITY_TOO_SHORT', `应公示${rule.publicityWorkingDays}个工作日，至${cn(end)}`, end)
      }
      const next = first('pre-review')
      const lastDay = rec.endOn !== undefined && rec.endOn > end ? rec.endOn : end
      if (next && next.on <= lastDay) add('hard', 'INTERVAL_TOO_SHORT', `公示期满（${cn(lastDay)}）后才能报上级党委预审`, lastDay)
      break
    }
    case 'branch-vote':
    case 'full-vote':
      if (!rec.vote) add('hard', 'VOTE_MISSING', '缺少表决情况（应到、实到、赞成人数）')
      else if (!branchVotePasses(rec.vote)) {
        add('hard', 'VOTE_FAILS', `未达到双过半：应到${rec.vote.entitled}人，实到${rec.vote.present}人，赞成${rec.vote.yes}人`)
      }
      break
    case 'extension':
      if (!isValidExtension(rec.months, rule.extensionMinMonths, rule.extensionMaxMonths)) {
        add('hard', 'EXTENSION_OUT_OF_RANGE', `延长期应为${rule.extensionMinMonths}至${rule.extensionMaxMonths}个月，记录为${String(rec.months ?? '未填')}`)
      }
      break
    default:
      break
  }
}

/** 培养考察 every `assessEveryMonths` from the 积极分子 date until the 发展对象 date: a late one is soft. */
function assessmentGaps(records: DevelopmentRecordStep[], rule: DevelopmentRule, today: DateString, first: First, add: Add): void {
  let last = first('activist')?.on
  for (const rec of records) {
    const due = last ? addMonths(last, rule.assessEveryMonths) : undefined
    if (due && rec.on > due) add('soft', 'STEP_LATE', `应在${formatDateCN(due)}前完成，实际${formatDateCN(rec.on)}`, due)
    last = rec.on
  }
  if (last && !first('candidate')) dueFinding(addMonths(last, rule.assessEveryMonths), rule, today, add)
}

function dueFinding(due: DateString, rule: DevelopmentRule, today: DateString, add: Add): void {
  if (today > due) add('soft', 'STEP_OVERDUE', `已超过期限${formatDateCN(due)}`, due)
  else if (diffDays(today, due) <= rule.dueSoonDays) add('soft', 'STEP_DUE_SOON', `请在${formatDateCN(due)}前完成`, due)
}

/** A step not yet recorded: overdue or due soon when its deadline is known. */
function pending(spec: DevelopmentStep, rule: DevelopmentRule, today: DateString, first: First, add: Add): void {
  if (spec.code === 'assessment') {
    const activist = first('activist')
    if (activist && !first('candidate')) dueFinding(addMonths(activist.on, rule.assessEveryMonths), rule, today, add)
    return
  }
  if (spec.code === 'full-vote') {
    const admitted = first('branch-vote')
    if (!admitted || !first('approval')) return
    let end = addYears(admitted.on, rule.probationYears)
    const ext = first('extension')
    if (ext && isValidExtension(ext.months, rule.extensionMinMonths, rule.extensionMaxMonths)) end = addMonths(end, ext.months)
    dueFinding(end, rule, today, add)
    return
  }
  if (!spec.dueWithin) return
  const from = first(spec.dueWithin.from)
  if (from) dueFinding(spanEnd(from.on, spec.dueWithin, rule), rule, today, add)
}

const MILESTONES: readonly [DevelopmentStepCode, DevelopmentStep['stage']][] = [
  ['full-approval', 'full'],
  ['approval', 'probationary'],
  ['candidate', 'candidate'],
  ['activist', 'activist'],
]

/**
 * The stage a record has reached (for lists and filters): 正式党员 once the 转正 is approved, 预备党员 once
 * the admission is approved, 发展对象 / 入党积极分子 once so determined, else 入党申请.
 */
export function currentStage(steps: readonly DevelopmentRecordStep[]): DevelopmentStep['stage'] {
  return MILESTONES.find(([code]) => steps.some((s) => s.step === code))?.[1] ?? 'applicant'
}
