/**
 * 书记 workbench: the branch dashboard (what the branch still owes under its rules this year,
 * each item naming the page that fixes it), 谈心谈话 and 学时 records, the 五化 达标 self-assessment, the
 * 台账 exports (.xlsx) and the 上级 overview of every branch side by side. Members see none of it.
 */
import * as z from 'zod/mini'
import { EVIDENCE_PAGES } from '../profiles/assessment-standards'
import { MeetingKindSchema } from '../rules/meetings/kind-schema'
import { TALK_REQUIREMENTS } from '../rules/workbench/talks'
import { action, defineDomain } from './define'
import { Base64Body, DateStr, ExportFileSchema, StoredFileId, Id, ImageExt, OptText, Text, Year } from './common'
import { ProfileIdSchema } from './org'

const BranchYear = { branchId: z.optional(Id), year: z.optional(Year) }

/** Who reads the dashboard: the 支委 of the branch and the 上级 admins above it. */
const BOARD_READERS = { committee: 'branch', 'org-admin': 'org' } as const
/** Who scores the self-assessment. */
const ASSESSORS = { secretary: 'branch', 'deputy-secretary': 'branch', organizer: 'branch' } as const

// ---------------------------------------------------------------------------------------------------
// Dashboard.

/** Pages a dashboard item can send the 书记 to; the client maps each to a route. */
export const FIX_PAGES = [
  'create-meeting',
  'meetings',
  'attendance',
  'dues',
  'points-review',
  'points-publish',
  'evaluation',
  'talks',
  'study',
  'branch-settings',
  'members',
  'standard',
] as const
export const FixPageSchema = z.enum(FIX_PAGES)
export type FixPage = z.infer<typeof FixPageSchema>

export const FixSchema = z.object({ page: FixPageSchema, params: z.record(z.string(), z.string()) })
export type Fix = z.infer<typeof FixSchema>

export const BOARD_AREAS = ['meetings', 'attendance', 'dues', 'points', 'evaluation', 'talks', 'study', 'setup', 'reelection', 'birthday'] as const
export const BOARD_AREA_LABELS: Record<(typeof BOARD_AREAS)[number], string> = {
  meetings: '三会一课',
  attendance: '出勤',
  dues: '党费',
  points: '积分',
  evaluation: '民主评议',
  talks: '谈心谈话',
  study: '学时',
  setup: '支部设置',
  reelection: '换届',
  birthday: '政治生日',
}

export const BoardItemSchema = z.object({
  key: z.string(),
  area: z.enum(BOARD_AREAS),
  /** `urgent`: overdue; `warning`: due in the current period; `info`: to know. */
  level: z.enum(['urgent', 'warning', 'info']),
  title: z.string(),
  detail: z.string(),
  fix: z.nullable(FixSchema),
})
export type BoardItem = z.infer<typeof BoardItemSchema>

const ComplianceStatusSchema = z.enum(['held', 'missing', 'overdue', 'upcoming'])
const CoverageStatusSchema = z.enum(['done', 'missing', 'overdue', 'upcoming'])

export const ComplianceRowSchema = z.object({
  kind: MeetingKindSchema,
  bySecretary: z.boolean(),
  requirement: z.string(),
  periodKey: z.string(),
  periodLabel: z.string(),
  required: z.number(),
  held: z.number(),
  status: ComplianceStatusSchema,
  groupId: z.nullable(z.string()),
  groupName: z.nullable(z.string()),
})
export type ComplianceRowView = z.infer<typeof ComplianceRowSchema>

export const MeetingGapSchema = z.object({
  kind: MeetingKindSchema,
  bySecretary: z.boolean(),
  periodKey: z.string(),
  periodLabel: z.string(),
  required: z.number(),
  held: z.number(),
  status: z.enum(['missing', 'overdue']),
  groupId: z.nullable(z.string()),
  groupName: z.nullable(z.string()),
  suggestedDate: z.string(),
  title: z.string(),
})

export const MonthAttendanceSchema = z.object({
  month: z.string(),
  meetings: z.number(),
  due: z.number(),
  present: z.number(),
  leave: z.number(),
  rate: z.nullable(z.number()),
})

export const DuesBoardSchema = z.object({
  /** Any member has a 核定 (the dues feature is in use). */
  available: z.boolean(),
  throughMonth: z.nullable(z.string()),
  dueFen: z.number(),
  paidFen: z.number(),
  months: z.array(z.object({ month: z.string(), dueFen: z.number(), paidFen: z.number() })),
  arrears: z.array(
    z.object({ memberId: z.string(), name: z.string(), run: z.number(), unpaidMonths: z.number(), owedFen: z.number(), flag: z.enum(['warn', 'lapse-review']) }),
  ),
  tracked: z.number(),
})

export const PointsBoardSchema = z.object({
  /** The branch has published a 积分 scheme. */
  available: z.boolean(),
  pendingGroup: z.number(),
  pendingCommittee: z.number(),
  /** 每季评定公示: each period of the year and its state. */
  periods: z.array(
    z.object({ key: z.string(), label: z.string(), status: z.enum(['current', 'upcoming', 'unpublished', 'publicity', 'final']) }),
  ),
})

export const EvaluationBoardSchema = z.object({
  status: z.enum(['none', 'open', 'closed', 'published']),
  roundId: z.nullable(z.string()),
  title: z.nullable(z.string()),
  votingFrom: z.nullable(z.string()),
  votingTo: z.nullable(z.string()),
  voters: z.number(),
  voted: z.number(),
})

export const TalkCoverageRowSchema = z.object({
  requirement: z.enum(TALK_REQUIREMENTS),
  label: z.string(),
  periodKey: z.string(),
  periodLabel: z.string(),
  min: z.number(),
  expected: z.number(),
  covered: z.number(),
  missing: z.array(z.string()),
  status: CoverageStatusSchema,
})
export type TalkCoverageRowView = z.infer<typeof TalkCoverageRowSchema>

export const StudyRowSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  committee: z.boolean(),
  hours: z.number(),
  target: z.number(),
  met: z.boolean(),
})

export const StudyBoardSchema = z.object({
  memberTarget: z.number(),
  committeeTarget: z.number(),
  met: z.number(),
  total: z.number(),
  rows: z.array(StudyRowSchema),
})

export const ReelectionBoardSchema = z.object({
  status: z.enum(['no-term', 'ok', 'due-soon', 'overdue', 'hard-overdue']),
  label: z.string(),
  termEndsAt: z.nullable(z.string()),
  daysLeft: z.nullable(z.number()),
  nextReminder: z.nullable(z.object({ date: z.string(), label: z.string() })),
})

export const BoardBranchSchema = z.object({
  id: z.string(),
  name: z.string(),
  parentName: z.nullable(z.string()),
  profileId: ProfileIdSchema,
  profileName: z.string(),
  members: z.number(),
  formal: z.number(),
  probationary: z.number(),
  groups: z.array(z.object({ id: z.string(), name: z.string(), size: z.number() })),
})

export const DashboardSchema = z.object({
  branch: BoardBranchSchema,
  year: z.number(),
  today: z.string(),
  /** The caller is a 上级 admin: links open read-only. */
  readOnly: z.boolean(),
  items: z.array(BoardItemSchema),
  meetings: z.object({
    rows: z.array(ComplianceRowSchema),
    gaps: z.array(MeetingGapSchema),
    summary: z.object({ held: z.number(), missing: z.number(), overdue: z.number(), upcoming: z.number() }),
  }),
  attendance: z.object({ months: z.array(MonthAttendanceSchema), due: z.number(), present: z.number(), rate: z.nullable(z.number()) }),
  dues: DuesBoardSchema,
  points: PointsBoardSchema,
  evaluation: EvaluationBoardSchema,
  talks: z.object({ rows: z.array(TalkCoverageRowSchema), recorded: z.number() }),
  study: StudyBoardSchema,
  setup: z.object({ findings: z.array(z.object({ code: z.string(), level: z.enum(['warning', 'info']), message: z.string() })) }),
  reelection: ReelectionBoardSchema,
  birthdays: z.array(z.object({ memberId: z.string(), name: z.string(), date: z.string(), years: z.number() })),
})
export type Dashboard = z.infer<typeof DashboardSchema>

// ---------------------------------------------------------------------------------------------------
// 谈心谈话 and 学时.

export const TalkSchema = z.object({
  id: z.string(),
  date: z.string(),
  byId: z.string(),
  byName: z.string(),
  withId: z.string(),
  withName: z.string(),
  topic: z.string(),
  /** Only the 书记 reads the notes; null for everyone else. */
  notes: z.nullable(z.string()),
  recordedAt: z.string(),
  /** The caller may delete it (its recorder or the 书记). */
  canRemove: z.boolean(),
})
export type Talk = z.infer<typeof TalkSchema>

export const StudyRecordSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  date: z.string(),
  course: z.string(),
  hours: z.number(),
  evidence: z.string(),
  recordedByName: z.string(),
  recordedAt: z.string(),
})
export type StudyRecord = z.infer<typeof StudyRecordSchema>

/** Hours in steps of 0.5, 0.5 … 100 per record. */
export const StudyHours = z.number().check(
  z.gte(0.5, '学时至少0.5'),
  z.lte(100, '单次学时不能超过100'),
  z.refine((n) => Number.isInteger(n * 2), '学时以0.5为单位'),
)

// ---------------------------------------------------------------------------------------------------
// Self-assessment.

export const AttachmentSchema = z.object({ fileId: z.string(), name: z.string(), url: z.nullable(z.string()) })

/** A stored file id of an assessment attachment (uploaded through `uploadAttachment`). */
export const AttachmentId = StoredFileId('workbench', 1, '附件格式不正确')

/** Largest attachment accepted (a photo of a document, after the client's compression). */
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024

export const StandardItemViewSchema = z.object({
  code: z.string(),
  title: z.string(),
  max: z.number(),
  mode: z.enum(['auto', 'mixed', 'manual']),
  points: z.array(z.object({ code: z.string(), text: z.string() })),
  evidence: z.string(),
  deduction: z.string(),
  links: z.array(z.enum(EVIDENCE_PAGES)),
  auto: z.array(z.object({ label: z.string(), points: z.number(), evidence: z.array(z.string()) })),
  autoDeduction: z.number(),
  handDeduction: z.nullable(z.number()),
  score: z.nullable(z.number()),
  status: z.enum(['scored', 'partial', 'pending']),
  note: z.string(),
  attachments: z.array(AttachmentSchema),
  scoredByName: z.nullable(z.string()),
  scoredAt: z.nullable(z.string()),
})
export type StandardItemView = z.infer<typeof StandardItemViewSchema>

export const StandardViewSchema = z.object({
  branchId: z.string(),
  branchName: z.string(),
  year: z.number(),
  today: z.string(),
  standardName: z.string(),
  source: z.string(),
  areas: z.array(z.object({ code: z.string(), title: z.string(), max: z.number(), score: z.number(), items: z.array(StandardItemViewSchema) })),
  total: z.number(),
  max: z.number(),
  autoDeduction: z.number(),
  handDeduction: z.number(),
  pending: z.number(),
  pendingMax: z.number(),
  /** The caller may score hand items. */
  canScore: z.boolean(),
})
export type StandardView = z.infer<typeof StandardViewSchema>

// ---------------------------------------------------------------------------------------------------
// 台账 exports and the 上级 overview.

export const LEDGER_KINDS = ['roster', 'meetings', 'dues', 'points', 'evaluation'] as const
export const LedgerKindSchema = z.enum(LEDGER_KINDS)
export type LedgerKind = z.infer<typeof LedgerKindSchema>
export const LEDGER_KIND_LABELS: Record<LedgerKind, string> = {
  roster: '党员花名册',
  meetings: '三会一课记录与考勤',
  dues: '党费交纳登记表',
  points: '积分汇总表',
  evaluation: '民主评议登记表',
}

/** A 台账 export's reply: the shared stored-file shape (`ExportFileSchema` in common.ts) with the 台账's kind and title. */
export const LedgerFileSchema = z.extend(ExportFileSchema, { kind: LedgerKindSchema, title: z.string() })
export type LedgerFile = z.infer<typeof LedgerFileSchema>

export const OverviewRowSchema = z.object({
  branchId: z.string(),
  name: z.string(),
  parentName: z.nullable(z.string()),
  members: z.number(),
  formal: z.number(),
  /** 三会一课 etc.: periods ended short this year, the current ones still open, and ended periods met / ended. */
  overdue: z.number(),
  missing: z.number(),
  complianceRate: z.nullable(z.number()),
  attendanceRate: z.nullable(z.number()),
  dueFen: z.number(),
  paidFen: z.number(),
  duesRate: z.nullable(z.number()),
  arrears: z.number(),
  evaluation: z.enum(['none', 'open', 'closed', 'published']),
  reelection: ReelectionBoardSchema,
})
export type OverviewRow = z.infer<typeof OverviewRowSchema>

export const OverviewSchema = z.object({
  year: z.number(),
  today: z.string(),
  orgs: z.array(z.object({ id: z.string(), name: z.string() })),
  rows: z.array(OverviewRowSchema),
})
export type Overview = z.infer<typeof OverviewSchema>

export const workbench = defineDomain('workbench', {
  /** The branch dashboard of a year (default: this year): every figure and the items to fix. Caller: 支委; 上级 admins (read-only). */
  dashboard: action({ input: z.strictObject(BranchYear), output: DashboardSchema, policy: BOARD_READERS, kind: 'read' }),

  /** Every branch under the caller's org nodes, headline figures side by side. Caller: 上级 admins. */
  overview: action({
    input: z.strictObject({ year: z.optional(Year) }),
    output: OverviewSchema,
    policy: { 'org-admin': 'org' },
    kind: 'read',
  }),

  /** 谈心谈话 of a year and the coverage [HN]; notes only for the 书记. Caller: 支委. */
  listTalks: action({
    input: z.strictObject(BranchYear),
    output: z.object({ year: z.number(), talks: z.array(TalkSchema), coverage: z.array(TalkCoverageRowSchema) }),
    policy: { committee: 'branch' },
    kind: 'read',
  }),

  /** Record a talk the caller held (who, when, topic; notes for the 书记 only); a repeat is one record. Caller: 支委. */
  recordTalk: action({
    input: z.strictObject({ branchId: z.optional(Id), withId: Id, date: DateStr, topic: Text(60), notes: OptText(1000) }),
    output: z.object({ talk: TalkSchema, repeat: z.boolean() }),
    policy: { committee: 'branch' },
    kind: 'write',
  }),

  /** Delete a talk recorded by mistake. Caller: its recorder; the 书记. */
  removeTalk: action({
    input: z.strictObject({ talkId: Id }),
    output: z.object({ id: z.string(), removed: z.boolean() }),
    policy: { secretary: 'branch', member: 'self' },
    kind: 'write',
  }),

  /** 学时 records of a year with each member's total vs 32 / 56 (a member: their own). Caller: 支委; the member. */
  listStudy: action({
    input: z.strictObject({ ...BranchYear, memberId: z.optional(Id) }),
    output: z.object({ year: z.number(), records: z.array(StudyRecordSchema), progress: StudyBoardSchema }),
    policy: { committee: 'branch', member: 'self' },
    kind: 'read',
  }),

  /** Record 学时 of one course for one or more members; a repeat (same member, date, course) is one record. Caller: 支委. */
  recordStudy: action({
    input: z.strictObject({
      branchId: z.optional(Id),
      memberIds: z.array(Id).check(z.minLength(1, '请选择党员'), z.maxLength(200)),
      date: DateStr,
      course: Text(60),
      hours: StudyHours,
      evidence: OptText(200),
    }),
    output: z.object({ records: z.array(StudyRecordSchema), created: z.number() }),
    policy: { committee: 'branch' },
    kind: 'write',
  }),

  /** Delete a 学时 record entered by mistake. Caller: 支委. */
  removeStudy: action({
    input: z.strictObject({ recordId: Id }),
    output: z.object({ id: z.string(), removed: z.boolean() }),
    policy: { committee: 'branch' },
    kind: 'write',
  }),

  /** The 五化 达标 self-assessment of a year: auto-scored items with evidence, hand scores, totals. Caller: 支委; 上级 admins. */
  standard: action({ input: z.strictObject(BranchYear), output: StandardViewSchema, policy: BOARD_READERS, kind: 'read' }),

  /** Score a hand item: the deduction (null clears it), a note and attachments. Caller: 书记, 副书记, 组织委员. */
  scoreItem: action({
    input: z.strictObject({
      branchId: z.optional(Id),
      year: Year,
      code: z.string().check(z.regex(/^\d{1,2}\.\d{1,2}$/, '评分项编号不正确')),
      deduction: z.nullable(z.number().check(z.gte(0, '扣分不能为负'), z.lte(100))),
      note: OptText(500),
      attachments: z.optional(z.array(z.strictObject({ fileId: AttachmentId, name: Text(60) })).check(z.maxLength(9, '最多9个附件'))),
    }),
    output: StandardItemViewSchema,
    policy: ASSESSORS,
    kind: 'write',
  }),

  /** Store one attachment (JPG / PNG, base64) for the self-assessment. Caller: 书记, 副书记, 组织委员. */
  uploadAttachment: action({
    input: z.strictObject({
      branchId: z.optional(Id),
      name: Text(60),
      ext: ImageExt,
      base64: Base64Body(MAX_ATTACHMENT_BYTES, '附件'),
    }),
    output: AttachmentSchema,
    policy: ASSESSORS,
    kind: 'write',
  }),

  /** One 台账 of a branch and year as .xlsx, Chinese headers, the rows on screen. Caller: 支委; 上级 admins. */
  exportLedger: action({
    input: z.strictObject({ branchId: z.optional(Id), year: Year, kind: LedgerKindSchema }),
    output: LedgerFileSchema,
    policy: BOARD_READERS,
    kind: 'read',
  }),
})
