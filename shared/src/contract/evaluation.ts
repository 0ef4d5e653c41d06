/**
 * 民主评议党员 (docs/DOMAIN.md §5): a yearly round — 个人自评, anonymous 民主测评 ballots (one per voter, no
 * link to the voter), tallies only after close, 组织评定 within the 优秀 cap, 公示, and a record of
 * 不合格 限期改正. Only 正式党员 are graded; 预备党员 write 自评 and fill in ballots.
 */
import * as z from 'zod/mini'
import { EvaluationGradeSchema } from '../rules/evaluation/grades'
import { action, defineDomain } from './define'
import { Base64Body, DateStr, ExportFileSchema, StoredFileId, Id, ImageExt, OptText, Text, Year } from './common'
import { MEMBER_STATUSES } from './roles'

export const ROUND_STATUSES = ['open', 'closed', 'published'] as const
export const RoundStatusSchema = z.enum(ROUND_STATUSES)
export type RoundStatus = z.infer<typeof RoundStatusSchema>

export const ROUND_STATUS_LABELS: Record<RoundStatus, string> = {
  open: '自评和测评中',
  closed: '测评已结束',
  published: '结果已公示',
}

export const VOTING_STATES = ['before', 'open', 'ended'] as const
export const VOTING_STATE_LABELS: Record<(typeof VOTING_STATES)[number], string> = {
  before: '测评未开始',
  open: '测评进行中',
  ended: '测评时间已过',
}

export const EXPORT_KINDS = ['register', 'summary'] as const
export const EXPORT_KIND_LABELS: Record<(typeof EXPORT_KINDS)[number], string> = {
  register: '民主评议党员登记表',
  summary: '民主测评汇总表',
}

const GradeCountsSchema = z.object({
  excellent: z.number(),
  qualified: z.number(),
  'basically-qualified': z.number(),
  unqualified: z.number(),
})
export type GradeCounts = z.infer<typeof GradeCountsSchema>

/**
 * A 自评 attachment as `uploadAttachment` stored it: a CloudBase fileID under
 * `evaluation/<branch>/<round>/<member>/` (the server also checks it is the caller's own folder).
 */
export const SelfAttachmentId = StoredFileId('evaluation', 3, '附件格式不正确')
/** Largest 自评 attachment accepted (one picture, after the client's compression). */
export const MAX_SELF_ATTACHMENT_BYTES = 2 * 1024 * 1024

export const AttachmentSchema = z.strictObject({
  name: Text(60),
  /** A cloud-storage file id uploaded by the member with `uploadAttachment` for this round. */
  fileId: SelfAttachmentId,
})

/** An attachment as others see it: its name and a temporary link (null when the file is gone). */
export const AttachmentViewSchema = z.object({ name: z.string(), url: z.nullable(z.string()) })
export type AttachmentView = z.infer<typeof AttachmentViewSchema>

const SelfAssessmentSchema = z.object({
  text: z.string(),
  /** The member's own attachment, with its file id (sent again when the 自评 is edited) and a temporary link. */
  attachment: z.nullable(z.object({ name: z.string(), fileId: z.string(), url: z.nullable(z.string()) })),
  submittedAt: z.string(),
})
export type SelfAssessment = z.infer<typeof SelfAssessmentSchema>

/** The settings a round was opened with (copied from the branch's profile unless the 书记 changed them). */
export const RoundSettingsSchema = z.object({
  grades: z.array(EvaluationGradeSchema),
  excellentRatio: z.number(),
  /** floor(正式党员 × ratio), on the 正式党员 at opening. */
  excellentQuota: z.number(),
  formalCount: z.number(),
  voterCount: z.number(),
  includeSelf: z.boolean(),
  /** Unit practice: the most 优秀 one ballot may give (null: no limit). */
  ballotExcellentLimit: z.nullable(z.number()),
  /** More than this share of 不合格 votes flags a member for 支委会 review. */
  unqualifiedReviewShare: z.number(),
  /** Members may see their own tally after 公示. */
  showOwnTally: z.boolean(),
})
export type RoundSettings = z.infer<typeof RoundSettingsSchema>

export const RoundSummarySchema = z.object({
  id: z.string(),
  branchId: z.string(),
  year: z.number(),
  seq: z.number(),
  title: z.string(),
  status: RoundStatusSchema,
  votingFrom: z.string(),
  votingTo: z.string(),
  votingState: z.enum(VOTING_STATES),
  repeatReason: z.nullable(z.string()),
  publishedOn: z.nullable(z.string()),
  publicityEndsOn: z.nullable(z.string()),
})
export type RoundSummary = z.infer<typeof RoundSummarySchema>

/** What a member sees: the ballot rows, their own 自评 and vote state, and after 公示 their own result. */
export const MemberRoundSchema = z.extend(RoundSummarySchema, {
  settings: RoundSettingsSchema,
  /** The members this caller grades (正式党员; the caller excluded unless self is on the ballot), with their 自评. */
  ballot: z.array(
    z.object({ memberId: z.string(), name: z.string(), selfAssessment: z.nullable(z.string()), attachment: z.nullable(AttachmentViewSchema) }),
  ),
  me: z.object({
    memberId: z.string(),
    /** On the round's roster of voters (正式 and 预备 at opening). */
    isVoter: z.boolean(),
    isGraded: z.boolean(),
    voted: z.boolean(),
    canVote: z.boolean(),
    selfAssessment: z.nullable(SelfAssessmentSchema),
  }),
  result: z.nullable(
    z.object({
      /** null for 预备党员 (not graded). */
      grade: z.nullable(EvaluationGradeSchema),
      reason: z.nullable(z.string()),
      tally: z.nullable(z.extend(GradeCountsSchema, { ballots: z.number() })),
      followUpDeadline: z.nullable(z.string()),
      excellentNames: z.array(z.string()),
      inPublicity: z.boolean(),
    }),
  ),
})
export type MemberRound = z.infer<typeof MemberRoundSchema>

/** The 支委's live view: settings, 自评 progress and turnout — never per-member votes. */
export const RoundAdminSchema = z.extend(RoundSummarySchema, {
  settings: RoundSettingsSchema,
  turnout: z.object({ voted: z.number(), eligible: z.number() }),
  selfAssessments: z.object({
    submitted: z.number(),
    total: z.number(),
    missing: z.array(z.object({ memberId: z.string(), name: z.string(), status: z.enum(MEMBER_STATUSES) })),
  }),
  finalsSavedAt: z.nullable(z.string()),
  closedAt: z.nullable(z.string()),
})
export type RoundAdmin = z.infer<typeof RoundAdminSchema>

const FollowUpSchema = z.object({ deadline: z.string(), notes: z.string(), recordedAt: z.string(), recordedBy: z.string() })
export type FollowUp = z.infer<typeof FollowUpSchema>

export const AssessmentRowSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  counts: GradeCountsSchema,
  ballots: z.number(),
  unqualifiedShare: z.number(),
  /** More than the review share voted 不合格: the 支委会 should look into it ("不能简单地以票取人"). */
  needsReview: z.boolean(),
  selfAssessment: z.nullable(z.string()),
  attachment: z.nullable(AttachmentViewSchema),
  /** Yearly 积分 total (null when the branch keeps no 积分). */
  points: z.nullable(z.number()),
  /** Held meetings of the year: due, attended, on approved leave. */
  attendance: z.nullable(z.object({ attended: z.number(), due: z.number(), leave: z.number() })),
  proposed: EvaluationGradeSchema,
  flags: z.array(z.string()),
  flagLabels: z.array(z.string()),
  final: z.nullable(z.object({ grade: EvaluationGradeSchema, reason: z.nullable(z.string()) })),
  followUp: z.nullable(FollowUpSchema),
})
export type AssessmentRow = z.infer<typeof AssessmentRowSchema>

/** 组织评定: tallies, 自评, 积分 and attendance side by side, the rule-based proposal and the saved grades. */
export const AssessmentSchema = z.extend(RoundSummarySchema, {
  settings: RoundSettingsSchema,
  ballots: z.number(),
  voted: z.number(),
  eligible: z.number(),
  rows: z.array(AssessmentRowSchema),
  /** 预备党员 take part but are not graded. */
  probationary: z.array(
    z.object({ memberId: z.string(), name: z.string(), selfAssessment: z.nullable(z.string()), attachment: z.nullable(AttachmentViewSchema) }),
  ),
  inputsCapturedAt: z.nullable(z.string()),
  finalsSavedAt: z.nullable(z.string()),
})
export type Assessment = z.infer<typeof AssessmentSchema>

const RoundRef = z.strictObject({ roundId: Id })

export const OpenRoundInputSchema = z.strictObject({
  branchId: z.optional(Id),
  year: Year,
  title: OptText(40),
  /** The grade scale; default the branch profile's (national four grades, or the village standard's three). */
  grades: z.optional(z.array(EvaluationGradeSchema).check(z.minLength(2), z.maxLength(4))),
  votingFrom: DateStr,
  votingTo: DateStr,
  includeSelf: z.optional(z.boolean()),
  ballotExcellentLimit: z.optional(z.nullable(z.number().check(z.int(), z.gte(0), z.lte(200)))),
  unqualifiedReviewShare: z.optional(z.number().check(z.gt(0), z.lte(0.9))),
  showOwnTally: z.optional(z.boolean()),
  /** Required to open a second round for the same year. */
  repeatReason: OptText(200),
})

export const evaluation = defineDomain('evaluation', {
  /** The rounds of a branch, newest first. Caller: its members; 上级 admins. */
  listRounds: action({
    input: z.strictObject({ branchId: z.optional(Id) }),
    output: z.object({ rounds: z.array(RoundSummarySchema) }),
    policy: { member: 'branch', 'org-admin': 'org' },
    kind: 'read',
  }),

  /** A round as the caller sees it (default: the branch's latest): ballot, own 自评 and vote state, own result. Caller: a member of the branch. */
  getRound: action({
    input: z.strictObject({ roundId: z.optional(Id) }),
    output: z.object({ round: z.nullable(MemberRoundSchema) }),
    policy: { member: 'branch' },
    kind: 'read',
  }),

  /** Submit or edit one's own 个人自评 while the round is open. Caller: a member of the round's branch (only ever their own 自评). */
  submitSelfAssessment: action({
    input: z.strictObject({ roundId: Id, text: Text(2000), attachment: z.optional(z.nullable(AttachmentSchema)) }),
    output: SelfAssessmentSchema,
    policy: { member: 'branch' },
    kind: 'write',
  }),

  /** Store one picture for one's own 自评 while the round is open (sent with the 自评 afterwards). Caller: 正式 and 预备党员 of the round. */
  uploadAttachment: action({
    input: z.strictObject({ roundId: Id, ext: ImageExt, base64: Base64Body(MAX_SELF_ATTACHMENT_BYTES, '附件') }),
    output: z.object({ name: z.string(), fileId: z.string(), url: z.nullable(z.string()) }),
    policy: { member: 'branch' },
    kind: 'write',
  }),

  /** Cast one's 民主测评 ballot, once; it is stored without any link to the voter. Caller: 正式 and 预备党员 of the round. */
  vote: action({
    input: z.strictObject({
      roundId: Id,
      rows: z.array(z.strictObject({ memberId: Id, grade: EvaluationGradeSchema })).check(z.maxLength(300)),
    }),
    output: z.object({ voted: z.literal(true) }),
    policy: { member: 'branch' },
    kind: 'write',
  }),

  /** Open a round for a year (one per branch per year unless a repeat is justified). Caller: 书记, 副书记. */
  openRound: action({
    input: OpenRoundInputSchema,
    output: RoundAdminSchema,
    policy: { secretary: 'branch', 'deputy-secretary': 'branch' },
    kind: 'write',
  }),

  /** Live view: settings, who has not written a 自评, turnout. Caller: 支委; 上级 admins. */
  getRoundAdmin: action({
    input: z.strictObject({ roundId: z.optional(Id), branchId: z.optional(Id) }),
    output: z.object({ round: z.nullable(RoundAdminSchema) }),
    policy: { committee: 'branch', 'org-admin': 'org' },
    kind: 'read',
  }),

  /** End voting; tallies become readable and 积分 / attendance are captured for 组织评定. Caller: 书记, 副书记. */
  closeRound: action({
    input: RoundRef,
    output: RoundAdminSchema,
    policy: { secretary: 'branch', 'deputy-secretary': 'branch' },
    kind: 'write',
  }),

  /** Tallies with 自评, 积分, attendance and the proposal — only after close, for every role. Caller: 支委; 上级 admins. */
  getTally: action({
    input: RoundRef,
    output: AssessmentSchema,
    policy: { committee: 'branch', 'org-admin': 'org' },
    kind: 'read',
  }),

  /** Record the 组织评定 grades (优秀 within the cap, 预备党员 ungraded, a reason where a grade differs from the proposal). Caller: 支委. */
  setFinalGrades: action({
    input: z.strictObject({
      roundId: Id,
      grades: z
        .array(z.strictObject({ memberId: Id, grade: z.nullable(EvaluationGradeSchema), reason: OptText(200) }))
        .check(z.maxLength(300)),
    }),
    output: z.object({ finalsSavedAt: z.string(), excellent: z.number(), quota: z.number() }),
    policy: { committee: 'branch' },
    kind: 'write',
  }),

  /** Publish the results for 公示 (default 7 days): members see their own grade and the 优秀 list. Caller: 书记, 副书记. */
  publishResults: action({
    input: z.strictObject({ roundId: Id, publicityDays: z.optional(z.number().check(z.int(), z.gte(1), z.lte(60))) }),
    output: RoundAdminSchema,
    policy: { secretary: 'branch', 'deputy-secretary': 'branch' },
    kind: 'write',
  }),

  /** Record 限期改正 for a member graded 不合格 (deadline ≤ 1 year, notes); nothing follows automatically. Caller: 支委. */
  recordFollowUp: action({
    input: z.strictObject({ roundId: Id, memberId: Id, deadline: DateStr, notes: Text(500) }),
    output: z.extend(FollowUpSchema, { memberId: z.string() }),
    policy: { committee: 'branch' },
    kind: 'write',
  }),

  /** 民主评议党员登记表 / 民主测评汇总表 as a stored .xlsx file with a temporary link, after close. Caller: 支委; 上级 admins. */
  exportXlsx: action({
    input: z.strictObject({ roundId: Id, kind: z.enum(EXPORT_KINDS) }),
    output: ExportFileSchema,
    policy: { committee: 'branch', 'org-admin': 'org' },
    kind: 'read',
  }),
})
