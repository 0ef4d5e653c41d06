/**
 * The 发展党员 record between the documents and the rules: a record's steps as `checkRecord` reads them, the
 * branch's `development` numbers, which findings refuse a step, what is due next, and the views.
 */
import { AppError } from '@shared/contract/errors'
import type { FindingView, RecordDetail, RecordSummary, StepView } from '@shared/contract/development'
import { resolveProfile, type ProfileOverrides } from '@shared/profiles'
import { RuleInputError } from '@shared/rules/errors'
import {
  checkRecord,
  currentStage,
  DEVELOPMENT_MATERIAL_LABELS,
  DEVELOPMENT_STAGE_LABELS,
  DEVELOPMENT_STEP_BY_CODE,
  DEVELOPMENT_STEPS,
  type DevelopmentFinding,
  type DevelopmentProfile,
  type DevelopmentRecordStep,
  type DevelopmentStepCode,
} from '@shared/rules/development'
import { addMonths, addYears, type DateString } from '@shared/rules/time'
import type { Store } from '../_kit/store'
import type { OrgDoc } from '../org/public/branches'
import type { DevRecordDoc, DevStepDoc } from './documents'

export const loadRecord = async (store: Store, recordId: string): Promise<DevRecordDoc> => {
  const rec = await store.get('dev_records', recordId)
  if (!rec) throw new AppError('NOT_FOUND', '没有找到该发展党员记录')
  return rec
}

/** Whose record it is: the branch, and the member once admitted (for a member's `self` scope). */
export const recordTarget = (rec: DevRecordDoc) => ({ branchId: rec.branchId, groupId: rec.groupId, memberId: rec.memberId })

/** The branch's 发展党员 numbers (its profile with its overrides). */
export const profileOf = (branch: Pick<OrgDoc, 'profileId' | 'profileOverrides'>): DevelopmentProfile =>
  resolveProfile(branch.profileId, (branch.profileOverrides ?? {}) as ProfileOverrides)

/** The record's steps as the rules read them; the birth date rides on 入党申请. */
export const ruleSteps = (rec: Pick<DevRecordDoc, 'steps' | 'birthDate'>): DevelopmentRecordStep[] => rec.steps.map((s) => ruleStep(s, rec.birthDate))

export const ruleStep = (s: DevStepDoc, birthDate: string): DevelopmentRecordStep => ({
  step: s.step,
  on: s.on,
  ...(s.endOn ? { endOn: s.endOn } : {}),
  materials: s.materials.map((m) => m.kind),
  people: s.people,
  ...(s.vote ? { vote: s.vote } : {}),
  ...(s.training ? { training: s.training } : {}),
  ...(s.months !== null ? { months: s.months } : {}),
  ...(s.step === 'apply' ? { birthDate } : {}),
})

/** Findings of the rules, with bad input of the rules answered as INVALID_INPUT. */
export const findingsOf = (steps: DevelopmentRecordStep[], profile: DevelopmentProfile, today: DateString): DevelopmentFinding[] => {
  try {
    return checkRecord(steps, profile, today)
  } catch (e) {
    if (e instanceof RuleInputError) throw new AppError('INVALID_INPUT', e.message)
    throw e
  }
}

/**
 * Hard findings refuse a step; a material not yet filed does not (it is filed afterwards with
 * `uploadMaterial` and shows as missing until then).
 */
const blocks = (f: DevelopmentFinding): boolean => f.level === 'hard' && f.rule !== 'MATERIAL_MISSING'

const key = (f: DevelopmentFinding): string => `${f.rule}|${f.step}|${f.message}`

/** The findings `after` adds to `before` that refuse the step. */
export const newBlocking = (before: DevelopmentFinding[], after: DevelopmentFinding[]): DevelopmentFinding[] => {
  const had = new Set(before.filter(blocks).map(key))
  return after.filter((f) => blocks(f) && !had.has(key(f)))
}

/** RULE_VIOLATED for the first refusing finding, its rule and source in `details`, every one listed. */
export const refusal = (blocking: DevelopmentFinding[]): AppError => {
  const f = blocking[0] as DevelopmentFinding
  return new AppError('RULE_VIOLATED', `${f.message}（${f.source}）`, { rule: f.rule, step: f.step, source: f.source, findings: blocking.map(findingView) })
}

export const findingView = (f: DevelopmentFinding): FindingView => ({
  level: f.level,
  rule: f.rule,
  step: f.step,
  message: f.message,
  source: f.source,
  ...(f.date ? { date: f.date } : {}),
})

const span = (from: DateString, s: { months: 'interviewWithinMonths' | 'assessEveryMonths' | 'approvalWithinMonths' } | { years: 'activistMinYears' | 'probationYears' }, p: DevelopmentProfile) =>
  'months' in s ? addMonths(from, p.development[s.months]) : addYears(from, p.development[s.years])

/** The first step of the procedure not yet recorded whose preceding step is: its earliest day and deadline. */
export const nextStep = (rec: DevRecordDoc, profile: DevelopmentProfile, today: DateString): RecordSummary['next'] => {
  const first = (code: DevelopmentStepCode) => rec.steps.filter((s) => s.step === code).sort((a, b) => (a.on < b.on ? -1 : 1))[0]
  const stage = rec.stage
  for (const spec of DEVELOPMENT_STEPS) {
    if (spec.optional || first(spec.code)) continue
    if (spec.code === 'assessment' || (spec.after && !first(spec.after))) continue
    if (stage === 'full' && spec.stage !== 'full') continue
    const fromMin = spec.minAfter ? first(spec.minAfter.from) : undefined
    const fromDue = spec.dueWithin ? first(spec.dueWithin.from) : undefined
    let earliest = fromMin && spec.minAfter ? span(fromMin.on, spec.minAfter, profile) : null
    const ext = first('extension')
    if (earliest && spec.code === 'full-vote' && ext?.months) earliest = addMonths(earliest, ext.months)
    const dueBy = fromDue && spec.dueWithin ? span(fromDue.on, spec.dueWithin, profile) : null
    return { step: spec.code, name: spec.name, earliest, dueBy, overdue: dueBy !== null && today > dueBy }
  }
  return null
}

export const summaryView = (rec: DevRecordDoc, findings: DevelopmentFinding[], profile: DevelopmentProfile, today: DateString): RecordSummary => {
  const last = [...rec.steps].sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0))[0]
  return {
    id: rec._id,
    name: rec.name,
    gender: rec.gender,
    birthDate: rec.birthDate,
    groupId: rec.groupId,
    unit: rec.unit,
    memberId: rec.memberId,
    stage: rec.stage,
    stageLabel: DEVELOPMENT_STAGE_LABELS[rec.stage],
    appliedOn: rec.appliedOn,
    last: last ? { step: last.step, name: DEVELOPMENT_STEP_BY_CODE[last.step].name, date: last.on } : null,
    next: nextStep(rec, profile, today),
    overdue: findings.filter((f) => f.rule === 'STEP_OVERDUE').map(findingView),
    missing: findings.filter((f) => f.rule === 'MATERIAL_MISSING' || f.rule === 'PEOPLE_MISSING').map(findingView),
  }
}

export const stepView = (s: DevStepDoc, urls: Map<string, string>): StepView => {
  const spec = DEVELOPMENT_STEP_BY_CODE[s.step]
  return {
    id: s.id,
    step: s.step,
    name: spec.name,
    stage: spec.stage,
    date: s.on,
    endOn: s.endOn,
    people: s.people,
    materials: s.materials.map((m) => ({ kind: m.kind, label: DEVELOPMENT_MATERIAL_LABELS[m.kind], fileId: m.fileId, url: m.fileId ? (urls.get(m.fileId) ?? null) : null })),
    vote: s.vote,
    training: s.training,
    months: s.months,
    note: s.note,
    recordedByName: s.recordedByName,
    recordedAt: s.recordedAt,
  }
}

/** The whole record: summary, steps in date order (procedure order on a day), findings. */
export const detailView = (rec: DevRecordDoc, profile: DevelopmentProfile, today: DateString, urls: Map<string, string> = new Map()): RecordDetail => {
  const findings = findingsOf(ruleSteps(rec), profile, today)
  const order = new Map(DEVELOPMENT_STEPS.map((s, i) => [s.code, i]))
  const steps = [...rec.steps].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : (order.get(a.step) ?? 0) - (order.get(b.step) ?? 0)))
  return { record: summaryView(rec, findings, profile, today), steps: steps.map((s) => stepView(s, urls)), findings: findings.map(findingView) }
}

/** The record with `step` added, its stage recomputed. */
export const withStep = (rec: DevRecordDoc, step: DevStepDoc, at: string): DevRecordDoc => {
  const steps = [...rec.steps, step]
  return { ...rec, steps, stage: currentStage(ruleSteps({ steps, birthDate: rec.birthDate })), updatedAt: at }
}

export const stepId = (step: DevelopmentStepCode, date: string): string => `${step}_${date}`
