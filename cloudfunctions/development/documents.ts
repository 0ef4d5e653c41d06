/**
 * Documents of 发展党员 (registered in `_kit/collections.ts`): one record per person in the procedure, with
 * the person's own particulars (they are not yet a member), the steps recorded so far and, once the 上级党委
 * approves the admission, the id of the probationary member created in the branch. The id is derived from
 * branch + name + birth date, so a person applying twice is one record; each step's id is its code and
 * date, so a retried step is one step.
 */
import type { DevelopmentMaterial, DevelopmentStage, DevelopmentStepCode } from '@shared/rules/development/procedure'

export interface DevMaterialDoc {
  kind: DevelopmentMaterial
  /** A picture stored through `uploadMaterial`; null for a material kept on paper only. */
  fileId: string | null
}

export interface DevStepDoc {
  /** `${step}_${date}`. */
  id: string
  step: DevelopmentStepCode
  on: string
  endOn: string | null
  people: string[]
  materials: DevMaterialDoc[]
  vote: { entitled: number; present: number; yes: number } | null
  training: { days?: number; hours?: number } | null
  months: number | null
  note: string
  recordedBy: string | null
  recordedByName: string
  recordedAt: string
}

/** `dev_records/${stableId('dv', branchId, name, birthDate)}`: one person's 发展党员 record. */
export interface DevRecordDoc {
  _id: string
  branchId: string
  name: string
  gender: 'male' | 'female'
  birthDate: string
  groupId: string | null
  unit: string
  /** The 入党申请 day. */
  appliedOn: string
  /** Denormalised from the steps (`currentStage`), for lists. */
  stage: DevelopmentStage
  steps: DevStepDoc[]
  /** The member created when the admission was approved. */
  memberId: string | null
  createdBy: string | null
  createdAt: string
  updatedAt: string
}
