/**
 * One step as entered, checked against the record: the step document it would add, and the findings it
 * brings that refuse it (`recordStep` writes only when there are none; `checkStep` answers them).
 */
import { AppError } from '@shared/contract/errors'
import type { development } from '@shared/contract/development'
import type { ParsedInputOf } from '@shared/contract/define'
import type { DevelopmentFinding } from '@shared/rules/development'
import { beijingDate } from '@shared/rules/time'
import type { Caller } from '../_kit/caller'
import { inFolder } from '../_kit/files'
import type { DevRecordDoc, DevStepDoc } from './documents'
import { findingsOf, newBlocking, ruleSteps, stepId, withStep, type profileOf } from './model'

export type StepInput = ParsedInputOf<typeof development.actions.recordStep>

/** Where a record's material pictures are stored. */
export const materialFolder = (rec: Pick<DevRecordDoc, '_id' | 'branchId'>): string => `development/${rec.branchId}/${rec._id}/`

/** The step document for `input` (INVALID_INPUT for a file not uploaded for this record, or fields of another step). */
export const stepDoc = (rec: DevRecordDoc, input: StepInput, caller: Caller, now: Date): DevStepDoc => {
  const folder = materialFolder(rec)
  for (const m of input.materials ?? []) {
    if (m.fileId && !inFolder(m.fileId, folder)) throw new AppError('INVALID_INPUT', '材料文件不属于该记录，请重新上传')
  }
  if (input.endOn !== undefined && input.step !== 'publicity') throw new AppError('INVALID_INPUT', '只有公示需要填写结束日期')
  if (input.endOn !== undefined && input.endOn < input.date) throw new AppError('INVALID_INPUT', '公示结束日期不能早于开始日期')
  if (input.vote !== undefined && input.step !== 'branch-vote' && input.step !== 'full-vote') throw new AppError('INVALID_INPUT', '只有支部大会需要填写表决情况')
  if (input.training !== undefined && input.step !== 'training') throw new AppError('INVALID_INPUT', '只有集中培训需要填写天数和学时')
  if (input.months !== undefined && input.step !== 'extension') throw new AppError('INVALID_INPUT', '只有延长预备期需要填写月数')
  return {
    id: stepId(input.step, input.date),
    step: input.step,
    on: input.date,
    endOn: input.endOn ?? null,
    people: [...new Set(input.people ?? [])],
    materials: (input.materials ?? []).map((m) => ({ kind: m.kind, fileId: m.fileId ?? null })),
    vote: input.vote ?? null,
    training: input.training ?? null,
    months: input.months ?? null,
    note: input.note ?? '',
    recordedBy: caller.memberId,
    recordedByName: caller.name,
    recordedAt: now.toISOString(),
  }
}

export interface StepCheck {
  step: DevStepDoc
  /** The record with the step added. */
  next: DevRecordDoc
  /** Findings of the record with the step added. */
  findings: DevelopmentFinding[]
  /** Those of them the step brings that refuse it. */
  blocking: DevelopmentFinding[]
  /** The same step (code and day) is already recorded: a retry. */
  repeat: boolean
}

export const checkStepOn = (rec: DevRecordDoc, input: StepInput, profile: ReturnType<typeof profileOf>, caller: Caller, now: Date): StepCheck => {
  const today = beijingDate(now)
  const step = stepDoc(rec, input, caller, now)
  const repeat = rec.steps.some((s) => s.id === step.id)
  if (repeat) return { step, next: rec, findings: findingsOf(ruleSteps(rec), profile, today), blocking: [], repeat }
  // A step of the same code on another day is the rules' STEP_DUPLICATED (unless it repeats).
  const before = findingsOf(ruleSteps(rec), profile, today)
  const next = withStep(rec, step, now.toISOString())
  const findings = findingsOf(ruleSteps(next), profile, today)
  return { step, next, findings, blocking: newBlocking(before, findings), repeat }
}
