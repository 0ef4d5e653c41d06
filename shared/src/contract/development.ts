/**
 * 发展党员 (docs/DOMAIN.md 发展党员, 《中国共产党发展党员工作细则》): the branch's pipeline of people in the
 * procedure (申请人 → 入党积极分子 → 发展对象 → 预备党员 → 正式党员), each person's timeline, and the steps
 * recorded one at a time, checked by `checkRecord` before anything is saved. A person in the procedure is
 * not yet a member: the record carries their own name, birth date, gender and 党小组 / 单位, and links to
 * the member created in the branch once the 上级党委 approves the admission.
 */
import * as z from 'zod/mini'
import { DEVELOPMENT_MATERIALS, DEVELOPMENT_STAGES, DEVELOPMENT_STEP_CODES } from '../rules/development/procedure'
import { DEVELOPMENT_FINDING_RULES } from '../rules/development/check'
import { action, defineDomain } from './define'
import { Base64Body, DateStr, Id, ImageExt, OptText, PersonName, StoredFileId, Text } from './common'

/** Who sees and keeps the pipeline: the 支委 of the branch and the 上级党委 admins above it. */
const KEEPERS = { committee: 'branch', 'org-admin': 'org' } as const
/** One person's record: the keepers, and the person once admitted (their own record only). */
const RECORD_READERS = { ...KEEPERS, member: 'self' } as const

export const DevelopmentStageSchema = z.enum(DEVELOPMENT_STAGES)
export const DevelopmentStepCodeSchema = z.enum(DEVELOPMENT_STEP_CODES)
export const DevelopmentMaterialKindSchema = z.enum(DEVELOPMENT_MATERIALS)

/** A stored file id of a 发展党员 material: `development/<branchId>/<recordId>/<file>` (uploaded through `uploadMaterial`). */
export const MaterialFileId = StoredFileId('development', 2, '材料文件格式不正确')

/** Largest material picture accepted (a photo of a page, after the client's compression). */
export const MAX_MATERIAL_BYTES = 2 * 1024 * 1024

const Count = z.number().check(z.int(), z.gte(0), z.lte(100_000))

/** The person entering the procedure (not yet a member). */
export const PersonInputSchema = z.strictObject({
  name: PersonName,
  birthDate: DateStr,
  gender: z.enum(['male', 'female']),
  groupId: z.optional(Id),
  unit: OptText(60),
})

export const MaterialInputSchema = z.strictObject({ kind: DevelopmentMaterialKindSchema, fileId: z.optional(MaterialFileId) })

/** A 支部大会 vote: 应到, 实到, 赞成 (实到 ≤ 应到, 赞成 ≤ 实到). */
export const VoteInputSchema = z.strictObject({ entitled: Count, present: Count, yes: Count }).check(
  z.refine((v) => v.present <= v.entitled, { message: '实到人数不能多于应到人数', path: ['present'] }),
  z.refine((v) => v.yes <= v.present, { message: '赞成人数不能多于实到人数', path: ['yes'] }),
)

/** One step as entered: the step, its day, and what the step needs (people, materials, the vote …). */
const StepInput = {
  recordId: Id,
  step: DevelopmentStepCodeSchema,
  date: DateStr,
  /** 公示: its last day. */
  endOn: z.optional(DateStr),
  /** 谈话人 / 培养联系人 / 入党介绍人 by name. */
  people: z.optional(z.array(Text(20)).check(z.maxLength(10, '人员不能超过10名'))),
  materials: z.optional(z.array(MaterialInputSchema).check(z.maxLength(30, '材料不能超过30份'))),
  vote: z.optional(VoteInputSchema),
  /** 集中培训: days and 学时. */
  training: z.optional(z.strictObject({ days: z.optional(z.number().check(z.int(), z.gte(0), z.lte(365))), hours: z.optional(z.number().check(z.gte(0), z.lte(5000))) })),
  /** 延长预备期: months. */
  months: z.optional(z.number().check(z.int(), z.gte(1), z.lte(24))),
  note: OptText(200),
}

export const FindingSchema = z.object({
  level: z.enum(['hard', 'soft']),
  rule: z.enum(DEVELOPMENT_FINDING_RULES),
  step: DevelopmentStepCodeSchema,
  message: z.string(),
  source: z.string(),
  date: z.optional(z.string()),
})
export type FindingView = z.infer<typeof FindingSchema>

export const MaterialSchema = z.object({ kind: DevelopmentMaterialKindSchema, label: z.string(), fileId: z.nullable(z.string()), url: z.nullable(z.string()) })

export const StepViewSchema = z.object({
  id: z.string(),
  step: DevelopmentStepCodeSchema,
  name: z.string(),
  stage: DevelopmentStageSchema,
  date: z.string(),
  endOn: z.nullable(z.string()),
  people: z.array(z.string()),
  materials: z.array(MaterialSchema),
  vote: z.nullable(z.object({ entitled: z.number(), present: z.number(), yes: z.number() })),
  training: z.nullable(z.object({ days: z.optional(z.number()), hours: z.optional(z.number()) })),
  months: z.nullable(z.number()),
  note: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
})
export type StepView = z.infer<typeof StepViewSchema>

/** What is due next in a record: the step, the earliest day it may happen, its deadline, overdue or not. */
export const NextStepSchema = z.object({
  step: DevelopmentStepCodeSchema,
  name: z.string(),
  earliest: z.nullable(z.string()),
  dueBy: z.nullable(z.string()),
  overdue: z.boolean(),
})

export const RecordSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  birthDate: z.string(),
  groupId: z.nullable(z.string()),
  unit: z.string(),
  memberId: z.nullable(z.string()),
  stage: DevelopmentStageSchema,
  stageLabel: z.string(),
  appliedOn: z.string(),
  last: z.nullable(z.object({ step: DevelopmentStepCodeSchema, name: z.string(), date: z.string() })),
  next: z.nullable(NextStepSchema),
  /** Steps overdue (谈话 after a month, 培养考察 after half a year, 审批 after three months …). */
  overdue: z.array(FindingSchema),
  /** Materials or people a recorded step still lacks. */
  missing: z.array(FindingSchema),
})
export type RecordSummary = z.infer<typeof RecordSummarySchema>

export const RecordDetailSchema = z.object({
  record: RecordSummarySchema,
  steps: z.array(StepViewSchema),
  findings: z.array(FindingSchema),
})
export type RecordDetail = z.infer<typeof RecordDetailSchema>

const StepReply = z.object({ detail: RecordDetailSchema, repeat: z.boolean(), admittedMemberId: z.nullable(z.string()) })

export const development = defineDomain('development', {
  /** Everyone in the procedure by stage, with what is due next, by when, overdue and missing. Caller: 支委; 上级 admins. */
  listPipeline: action({
    input: z.strictObject({ branchId: z.optional(Id) }),
    output: z.object({
      branchId: z.string(),
      today: z.string(),
      stages: z.array(z.object({ stage: DevelopmentStageSchema, label: z.string(), records: z.array(RecordSummarySchema) })),
    }),
    policy: KEEPERS,
    kind: 'read',
  }),

  /** One person's timeline: steps with dates, people and materials, and the findings. Caller: 支委; 上级 admins; the person once a member. */
  getRecord: action({
    input: z.strictObject({ recordId: Id }),
    output: RecordDetailSchema,
    policy: RECORD_READERS,
    kind: 'read',
  }),

  /** 递交入党申请书: a person enters the procedure (年满十八岁); the same person twice is one record. Caller: 支委; 上级 admins. */
  createRecord: action({
    input: z.strictObject({
      branchId: z.optional(Id),
      person: PersonInputSchema,
      appliedOn: DateStr,
      materials: z.optional(z.array(MaterialInputSchema).check(z.maxLength(30, '材料不能超过30份'))),
    }),
    output: z.object({ detail: RecordDetailSchema, repeat: z.boolean() }),
    policy: KEEPERS,
    kind: 'write',
  }),

  /**
   * Record one step, refused (RULE_VIOLATED, nothing written) when it breaks the procedure; the 上级党委审批 of
   * a 预备党员 adds the person to the branch's roster as a probationary member, once. Caller: 支委; 上级 admins.
   */
  recordStep: action({
    input: z.strictObject(StepInput),
    output: StepReply,
    policy: KEEPERS,
    kind: 'write',
  }),

  /** The same check as `recordStep` without writing: the findings the step would bring. Caller: 支委; 上级 admins. */
  checkStep: action({
    input: z.strictObject(StepInput),
    output: z.object({ ok: z.boolean(), blocking: z.array(FindingSchema), findings: z.array(FindingSchema) }),
    policy: KEEPERS,
    kind: 'read',
  }),

  /** Store one material picture (JPG / PNG) and file it with a recorded step. Caller: 支委; 上级 admins. */
  uploadMaterial: action({
    input: z.strictObject({
      recordId: Id,
      stepId: Id,
      kind: DevelopmentMaterialKindSchema,
      ext: ImageExt,
      base64: Base64Body(MAX_MATERIAL_BYTES, '材料'),
    }),
    output: z.object({ fileId: z.string(), url: z.nullable(z.string()), detail: RecordDetailSchema }),
    policy: KEEPERS,
    kind: 'write',
  }),
})
