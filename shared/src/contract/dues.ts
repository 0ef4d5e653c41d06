/**
 * 党费 (party dues, 中组发〔2008〕3号): each member's yearly 核定 of category and base, the monthly ledger
 * (`${memberId}_${yyyymm}`), payments recorded by the 党费管理员 (预交 / 补交 within the profile's window,
 * 代交), members' self-reports, arrears, the half-yearly 公示 and .xlsx exports. The app records money; it
 * never moves it. A member's base and category are visible only to them, the 党费管理员 and the 书记.
 */
import * as z from 'zod/mini'
import { DUES_PERIOD_KEY_RE } from '../rules/dues/publication'
import { action, defineDomain } from './define'
import { DateStr, ExportFileSchema, Fen, Id, MonthStr, OptText, PersonName, Text, Year, type ExportFile } from './common'
import { DuesCategorySchema, MemberStatusSchema } from './org'
import type { Policy } from './roles'

/** 现金 / 转账 / 线上 (with a note saying which channel). */
export const DUES_METHODS = ['cash', 'transfer', 'online'] as const
export const DuesMethodSchema = z.enum(DUES_METHODS)
export type DuesMethod = z.infer<typeof DuesMethodSchema>
export const DUES_METHOD_LABELS: Record<DuesMethod, string> = { cash: '现金', transfer: '转账', online: '线上' }

/**
 * A month's state as shown: `paid`; `reported` (the member says they paid, awaiting the 党费管理员);
 * `rejected` (the report was refused, with a reason); `exempt` (免交, owes 0); `unpaid` (due, collection
 * day not passed yet, or a future month); `overdue` (collection day passed); `untracked` (before the
 * first 核定 or before the member owes dues).
 */
export const DUES_MONTH_STATUSES = ['paid', 'reported', 'rejected', 'exempt', 'unpaid', 'overdue', 'untracked'] as const
export const DuesMonthStatusSchema = z.enum(DUES_MONTH_STATUSES)
export type DuesMonthStatus = z.infer<typeof DuesMonthStatusSchema>

export const DuesArrearsFlagSchema = z.enum(['none', 'warn', 'lapse-review'])

export const DuesReliefSchema = z.object({ kind: z.enum(['reduced', 'exempt']), monthlyFen: z.number(), approvalRef: z.string() })

/** One 核定 as stored: in force from `fromMonth`. */
export const DuesBaseViewSchema = z.object({
  fromMonth: z.string(),
  category: DuesCategorySchema,
  baseFen: z.nullable(z.number()),
  farmerFen: z.nullable(z.number()),
  standardFen: z.number(),
  relief: z.nullable(DuesReliefSchema),
  monthlyFen: z.number(),
  assessedOn: z.string(),
  note: z.nullable(z.string()),
  band: z.string(),
})
export type DuesBaseView = z.infer<typeof DuesBaseViewSchema>

/** One ledger month of one member. */
export const DuesMonthSchema = z.object({
  month: z.string(),
  status: DuesMonthStatusSchema,
  /** Owed under the base in force that month; null when untracked. */
  dueFen: z.nullable(z.number()),
  paidFen: z.number(),
  paidOn: z.nullable(z.string()),
  method: z.nullable(DuesMethodSchema),
  note: z.nullable(z.string()),
  /** 代交: who paid for the member (a relative or another member); null when the member paid. */
  payerName: z.nullable(z.string()),
  recordedByName: z.nullable(z.string()),
  /** A base raised after the month was paid leaves this much to 补交. */
  shortFen: z.number(),
  report: z.nullable(
    z.object({ at: z.string(), method: DuesMethodSchema, paidOn: z.string(), note: z.nullable(z.string()), amountFen: z.number(), hasScreenshot: z.boolean() }),
  ),
  rejection: z.nullable(z.object({ reason: z.string(), at: z.string(), byName: z.string() })),
})
export type DuesMonth = z.infer<typeof DuesMonthSchema>

export const DuesWindowSchema = z.object({ earliest: z.string(), latest: z.string(), prepayMaxMonths: z.number(), backpayMaxMonths: z.number() })

export const DuesArrearsSchema = z.object({
  unpaidMonths: z.array(z.string()),
  currentRun: z.number(),
  flag: DuesArrearsFlagSchema,
  owedFen: z.number(),
})

/** A member's own dues page (also opened by the 党费管理员 / 书记 for that member). */
export const MemberDuesSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  /** The 核定 in force this month (or the latest), with the band; null before the first 核定. */
  current: z.nullable(DuesBaseViewSchema),
  bases: z.array(DuesBaseViewSchema),
  /** The member's own submission awaiting the 党费管理员. */
  proposal: z.nullable(z.object({ category: DuesCategorySchema, baseFen: z.nullable(z.number()), farmerFen: z.nullable(z.number()), note: z.nullable(z.string()), at: z.string() })),
  today: z.string(),
  currentMonth: z.string(),
  thisMonth: DuesMonthSchema,
  /** The branch's collection day this month. */
  collectionDate: z.string(),
  paidThrough: z.nullable(z.string()),
  arrears: DuesArrearsSchema,
  /** Newest first: from the ledger start (≤ 24 months back) to the last 预交 month. */
  history: z.array(DuesMonthSchema),
  window: DuesWindowSchema,
  /** Months the member may report as paid now (unpaid or rejected, within the 补交 / 预交 window). */
  reportable: z.array(z.object({ month: z.string(), dueFen: z.number() })),
})
export type MemberDues = z.infer<typeof MemberDuesSchema>

/** A row of the 核定 screen. */
export const BaseReviewRowSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  groupId: z.nullable(z.string()),
  status: MemberStatusSchema,
  joinedAt: z.string(),
  current: z.nullable(DuesBaseViewSchema),
  /** Latest record (may start after this month). */
  latest: z.nullable(DuesBaseViewSchema),
  assessedThisYear: z.boolean(),
  proposal: z.nullable(z.object({ category: DuesCategorySchema, baseFen: z.nullable(z.number()), farmerFen: z.nullable(z.number()), note: z.nullable(z.string()), at: z.string() })),
})

export const BaseReviewSchema = z.object({
  branchId: z.string(),
  year: z.number(),
  deadline: z.string(),
  overdue: z.boolean(),
  currentMonth: z.string(),
  rounding: z.string(),
  roundingLabel: z.string(),
  farmerDefaultFen: z.number(),
  rows: z.array(BaseReviewRowSchema),
})
export type BaseReview = z.infer<typeof BaseReviewSchema>

/** A row of the monthly collection screen (no base: the amount owed is enough to collect). */
export const CollectionRowSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  groupId: z.nullable(z.string()),
  entry: DuesMonthSchema,
  paidThrough: z.nullable(z.string()),
  currentRun: z.number(),
  flag: DuesArrearsFlagSchema,
})

export const CollectionSchema = z.object({
  branchId: z.string(),
  month: z.string(),
  currentMonth: z.string(),
  collectionDate: z.string(),
  window: DuesWindowSchema,
  rows: z.array(CollectionRowSchema),
  totals: z.object({ members: z.number(), dueFen: z.number(), paidFen: z.number(), paid: z.number(), reported: z.number(), unpaid: z.number(), untracked: z.number() }),
})
export type Collection = z.infer<typeof CollectionSchema>

export const ArrearsRowSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  groupId: z.nullable(z.string()),
  unpaidMonths: z.array(z.string()),
  currentRun: z.number(),
  owedFen: z.number(),
  flag: DuesArrearsFlagSchema,
  paidThrough: z.nullable(z.string()),
})

export const ArrearsSchema = z.object({
  branchId: z.string(),
  throughMonth: z.string(),
  warnMonths: z.number(),
  flagMonths: z.number(),
  warnRule: z.string(),
  lapseRule: z.string(),
  rows: z.array(ArrearsRowSchema),
})
export type Arrears = z.infer<typeof ArrearsSchema>

export const PendingReportSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  paymentId: z.string(),
  months: z.array(z.object({ month: z.string(), dueFen: z.number() })),
  amountFen: z.number(),
  method: DuesMethodSchema,
  paidOn: z.string(),
  note: z.nullable(z.string()),
  at: z.string(),
  screenshotUrl: z.nullable(z.string()),
})
export type PendingReport = z.infer<typeof PendingReportSchema>

/** A published 公示: per member paid / due for the period and totals — never anyone's base. */
export const PublicationSchema = z.object({
  id: z.string(),
  branchId: z.string(),
  branchName: z.string(),
  period: z.string(),
  label: z.string(),
  start: z.string(),
  end: z.string(),
  publishedAt: z.nullable(z.string()),
  publishedByName: z.nullable(z.string()),
  rows: z.array(z.object({ memberId: z.string(), name: z.string(), dueFen: z.number(), paidFen: z.number(), dueMonths: z.number(), paidMonths: z.number() })),
  totals: z.object({ members: z.number(), dueFen: z.number(), paidFen: z.number(), fullyPaid: z.number() }),
})
export type Publication = z.infer<typeof PublicationSchema>

export const PublicationSummarySchema = z.object({
  id: z.string(),
  period: z.string(),
  label: z.string(),
  publishedAt: z.string(),
  totals: PublicationSchema.shape.totals,
})

export const DuesTodoSchema = z.object({
  key: z.string(),
  kind: z.enum(['pay', 'overdue', 'rejected', 'review-reports', 'arrears-warn', 'arrears-flag', 'base-review']),
  title: z.string(),
  detail: z.string(),
  /** Where the to-do is handled. */
  target: z.enum(['mine', 'reports', 'arrears', 'base-review']),
})
export type DuesTodo = z.infer<typeof DuesTodoSchema>

/** An export's reply: the shared stored-file shape (`ExportFileSchema` in common.ts). */
export const ExportResultSchema = ExportFileSchema
export type ExportResult = ExportFile

export const ImportRowSchema = z.object({
  row: z.number(),
  name: z.string(),
  memberId: z.nullable(z.string()),
  category: z.nullable(DuesCategorySchema),
  baseFen: z.nullable(z.number()),
  monthlyFen: z.nullable(z.number()),
  /** The amount written in the file, checked against the computed one. */
  fileAmountFen: z.nullable(z.number()),
  error: z.nullable(z.string()),
})
export type ImportRow = z.infer<typeof ImportRowSchema>

// ---------------------------------------------------------------------------------------------------
// Inputs.

/** A base64 payload (no data: prefix), bounded: the request limit is 6 MB and files here are small. */
const Base64 = (maxChars: number) =>
  z.string().check(z.minLength(8, '文件内容为空'), z.maxLength(maxChars, '文件过大'), z.regex(/^[A-Za-z0-9+/]+={0,2}$/, '文件内容格式不正确'))

/** A screenshot of a transfer: JPEG or PNG, ≤ about 1 MB. */
export const SCREENSHOT_MAX_BASE64 = 1_400_000
/** A 核算表: .xlsx, ≤ about 500 KB. */
export const IMPORT_MAX_BASE64 = 700_000
/**
 * Member rows in one 核算表 (a branch has at most a few hundred members; the save is batched, see
 * cloudfunctions/dues/bases.ts). The rows sit inside the base64 workbook, so the schema cannot count
 * them: the handler refuses a longer sheet with this message (INVALID_INPUT) before writing anything.
 */
export const IMPORT_MAX_ROWS = 500
export const IMPORT_TOO_MANY_ROWS = `核算表最多${IMPORT_MAX_ROWS}行党员数据，请分成几个文件导入`

const Months = z.array(MonthStr).check(z.minLength(1, '请选择月份'), z.maxLength(13, '一次最多登记13个月'))

const BaseEntry = z.strictObject({
  memberId: Id,
  category: DuesCategorySchema,
  baseFen: z.optional(z.nullable(Fen)),
  farmerFen: z.optional(z.nullable(Fen)),
  relief: z.optional(
    z.nullable(
      z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('reduced'), monthlyFen: Fen, approvalRef: Text(60) }),
        z.strictObject({ kind: z.literal('exempt'), approvalRef: Text(60) }),
      ]),
    ),
  ),
  note: OptText(100),
})
export type BaseEntryInput = z.input<typeof BaseEntry>

export const PeriodKey = z.string().check(z.regex(DUES_PERIOD_KEY_RE, '公示期间格式应为 2026-H1、2026-H2 或 2026'))

/** Who manages dues: the 党费管理员 (组织委员 by default) and the 书记. */
const MANAGERS: Policy = { 'dues-manager': 'branch', secretary: 'branch' }

export const dues = defineDomain('dues', {
  /** A member's dues: amount, band, status, 党费交至, arrears, history. Caller: the member; 党费管理员; 书记. */
  memberDues: action({
    input: z.strictObject({ memberId: z.optional(Id) }),
    output: MemberDuesSchema,
    policy: { member: 'self', ...MANAGERS },
    kind: 'read',
  }),

  /** "我已缴纳": report months paid by transfer (optional screenshot), for the 党费管理员 to confirm. Caller: the member. */
  reportPayment: action({
    input: z.strictObject({
      memberId: Id,
      months: Months,
      method: DuesMethodSchema,
      paidOn: DateStr,
      note: OptText(100),
      screenshot: z.optional(z.strictObject({ type: z.enum(['jpg', 'png']), base64: Base64(SCREENSHOT_MAX_BASE64) })),
    }),
    output: z.object({ memberId: z.string(), months: z.array(DuesMonthSchema) }),
    policy: { member: 'self' },
    kind: 'write',
  }),

  /** A member submits their own category and base for the 党费管理员 to confirm. Caller: the member. */
  submitBase: action({
    input: z.strictObject({ memberId: Id, category: DuesCategorySchema, baseFen: z.optional(z.nullable(Fen)), farmerFen: z.optional(z.nullable(Fen)), note: OptText(100) }),
    output: z.object({ memberId: z.string(), monthlyFen: z.number(), band: z.string() }),
    policy: { member: 'self' },
    kind: 'write',
  }),

  /** The dues to-dos of the caller: own payments; for managers reports and arrears; for the 书记 6-month flags. Caller: any member. */
  todos: action({
    input: z.strictObject({}),
    output: z.object({ items: z.array(DuesTodoSchema) }),
    policy: { member: 'any' },
    kind: 'read',
  }),

  /** Published 公示 of a branch, newest first. Caller: the branch's members; 上级 admins. */
  listPublications: action({
    input: z.strictObject({ branchId: z.optional(Id) }),
    output: z.object({ items: z.array(PublicationSummarySchema) }),
    policy: { member: 'branch', 'org-admin': 'org' },
    kind: 'read',
  }),

  /** One published 公示 (per member paid / due, totals; no bases). Caller: the branch's members; 上级 admins. */
  getPublication: action({
    input: z.strictObject({ publicationId: Id }),
    output: PublicationSchema,
    policy: { member: 'branch', 'org-admin': 'org' },
    kind: 'read',
  }),

  /** The 核定 screen: every member's category, base, amount and band. Caller: 党费管理员, 书记. */
  baseReview: action({
    input: z.strictObject({ branchId: z.optional(Id) }),
    output: BaseReviewSchema,
    policy: MANAGERS,
    kind: 'read',
  }),

  /** 核定 for one or many members from `fromMonth` (all or nothing; row errors name the member). Caller: 党费管理员, 书记. */
  setBases: action({
    input: z.strictObject({
      branchId: z.optional(Id),
      fromMonth: MonthStr,
      entries: z.array(BaseEntry).check(z.minLength(1, '没有要保存的党员'), z.maxLength(200)),
    }),
    output: z.object({ updated: z.number(), rows: z.array(z.object({ memberId: z.string(), monthlyFen: z.number(), band: z.string() })) }),
    policy: MANAGERS,
    kind: 'write',
  }),

  /** Import a 《党员缴纳党费核算表》 (.xlsx: 姓名, 类别, 基数, 金额); `dryRun` previews; any bad row imports nothing. Caller: 党费管理员, 书记. */
  importBases: action({
    input: z.strictObject({
      branchId: z.optional(Id),
      fromMonth: MonthStr,
      file: z.strictObject({ name: Text(120), base64: Base64(IMPORT_MAX_BASE64) }),
      dryRun: z.boolean(),
    }),
    output: z.object({ rows: z.array(ImportRowSchema), errorCount: z.number(), imported: z.number() }),
    policy: MANAGERS,
    kind: 'write',
  }),

  /** The monthly collection screen: every member's amount and status for `month`. Caller: 党费管理员, 书记. */
  collection: action({
    input: z.strictObject({ branchId: z.optional(Id), month: MonthStr }),
    output: CollectionSchema,
    policy: MANAGERS,
    kind: 'read',
  }),

  /** Record a payment (one month, or 预交 / 补交 of several within the window; 代交 with the payer's name). Caller: 党费管理员, 书记. */
  recordPayment: action({
    input: z.strictObject({
      memberId: Id,
      months: Months,
      paidOn: DateStr,
      method: DuesMethodSchema,
      note: OptText(100),
      payerName: z.optional(PersonName),
      /** The total handed over, checked against the months' amounts. */
      amountFen: z.optional(Fen),
    }),
    output: z.object({ memberId: z.string(), months: z.array(DuesMonthSchema), totalFen: z.number(), paidThrough: z.nullable(z.string()) }),
    policy: MANAGERS,
    kind: 'write',
  }),

  /** Confirm a member's self-report, or reject it with a reason. Caller: 党费管理员, 书记. */
  reviewReport: action({
    input: z
      .strictObject({ memberId: Id, paymentId: Id, approve: z.boolean(), reason: OptText(100) })
      .check(z.refine((i) => i.approve || (i.reason ?? '').trim().length > 0, { message: '请填写退回原因', path: ['reason'] })),
    output: z.object({ memberId: z.string(), months: z.array(DuesMonthSchema), paidThrough: z.nullable(z.string()) }),
    policy: MANAGERS,
    kind: 'write',
  }),

  /** Undo a payment recorded by mistake, with a reason (audited). Caller: 党费管理员, 书记. */
  voidPayment: action({
    input: z.strictObject({ memberId: Id, month: MonthStr, reason: Text(100) }),
    output: z.object({ memberId: z.string(), month: DuesMonthSchema, paidThrough: z.nullable(z.string()) }),
    policy: MANAGERS,
    kind: 'write',
  }),

  /** Self-reports awaiting confirmation, with screenshot links. Caller: 党费管理员, 书记. */
  pendingReports: action({
    input: z.strictObject({ branchId: z.optional(Id) }),
    output: z.object({ items: z.array(PendingReportSchema) }),
    policy: MANAGERS,
    kind: 'read',
  }),

  /** Members behind on dues: consecutive unpaid months, 3 → warn, 6 → flag for the 书记 (never acted on). Caller: 党费管理员, 书记. */
  arrears: action({
    input: z.strictObject({ branchId: z.optional(Id) }),
    output: ArrearsSchema,
    policy: MANAGERS,
    kind: 'read',
  }),

  /** Publish (or `dryRun` preview) the 公示 of a closed period. Caller: 党费管理员, 书记. */
  publish: action({
    input: z.strictObject({ branchId: z.optional(Id), period: PeriodKey, dryRun: z.optional(z.boolean()), replace: z.optional(z.boolean()) }),
    output: PublicationSchema,
    policy: MANAGERS,
    kind: 'write',
  }),

  /**
   * Export as .xlsx: `ledger` the 党费交纳登记表 of a year, `summary` the 公示 of a period, `assessment`
   * the 核算表 (姓名, 类别, 基数, 金额 — the import layout). Caller: 党费管理员, 书记.
   */
  exportFile: action({
    input: z
      .strictObject({ branchId: z.optional(Id), kind: z.enum(['ledger', 'summary', 'base-review']), year: Year, period: z.optional(PeriodKey) })
      .check(z.refine((i) => i.kind !== 'summary' || i.period !== undefined, { message: '请选择公示期间', path: ['period'] })),
    output: ExportResultSchema,
    policy: MANAGERS,
    kind: 'read',
  }),
})
