/**
 * 党员积分 (docs/DOMAIN.md §4; [HN] 每月申报登记、每季评定公示、每年汇总排名): a versioned scheme per branch,
 * automatic entries from attendance / dues / 志愿服务 events, monthly 申报 with photos, 党小组 and 支委
 * review, the quarterly 公示 with objections, yearly totals and ranking (支委 only unless the branch
 * publishes it). 积分 feeds 民主评议; it is never the grade itself.
 */
import * as z from 'zod/mini'
import { POINTS_BANDS, POINTS_EXCLUSIONS } from '../rules/points/scheme'
import { BranchSchemeSchema } from '../rules/points/branch-scheme'
import { action, defineDomain } from './define'
import { Base64Body, DateStr, StoredFileId, Id, ImageExt, MonthStr, Text, Year } from './common'
import type { Policy } from './roles'

export const ENTRY_STATUSES = ['pending-group', 'pending-committee', 'approved', 'rejected', 'revoked', 'withdrawn'] as const
export const EntryStatusSchema = z.enum(ENTRY_STATUSES)
export type EntryStatus = z.infer<typeof EntryStatusSchema>

export const ENTRY_STATUS_LABELS: Record<EntryStatus, string> = {
  'pending-group': '待党小组审核',
  'pending-committee': '待支委审核',
  approved: '已通过',
  rejected: '未通过',
  revoked: '已撤销',
  withdrawn: '已撤回',
}

/** `declared` by the member (申报), `auto` from another feature's event, `recorded` by the 支委. */
export const ENTRY_ORIGINS = ['declared', 'auto', 'recorded'] as const
export type EntryOrigin = (typeof ENTRY_ORIGINS)[number]

export const REVIEW_DECISIONS = ['approve', 'adjust', 'reject'] as const
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number]

export const PUBLICATION_STATUSES = ['publicity', 'final'] as const
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number]

/**
 * A photo as `uploadPhoto` stored it: a CloudBase fileID under `points/<branch>/<member>/`. The server
 * also checks it sits in the caller's own folder, so nobody attaches another member's pictures.
 */
export const PhotoId = StoredFileId('points', 2, '照片格式不正确')
export const PhotoViewSchema = z.object({ fileId: z.string(), url: z.nullable(z.string()) })
/** Largest photo accepted (after the client's compression). */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024
const Photos = z.array(PhotoId).check(z.maxLength(9, '最多上传9张照片'))
const Count = z.number().check(z.int('次数应为整数'), z.gte(1, '次数至少为1'), z.lte(31, '次数不能超过31'))
const PointsInput = z.number().check(
  z.gt(0, '分值应大于0'),
  z.lte(1000, '分值不能超过1000'),
  z.refine((n) => Math.round(n * 100) === n * 100, '分值最多两位小数'),
)
const ItemCode = z.string().check(z.regex(/^[a-z0-9-]{1,32}$/, '积分项目不正确'))
const PeriodKey = z.string().check(z.regex(/^\d{4}-(Q[1-4]|H[12])$/, '公示期格式不正确'))
const BranchRef = { branchId: z.optional(Id) }

export const BandSchema = z.enum(POINTS_BANDS)
export const ExclusionSchema = z.enum(POINTS_EXCLUSIONS)

export const ReviewViewSchema = z.object({
  stage: z.enum(['group', 'committee']),
  decision: z.enum(REVIEW_DECISIONS),
  byId: z.string(),
  byName: z.string(),
  points: z.nullable(z.number()),
  reason: z.nullable(z.string()),
  at: z.string(),
})

export const EntryViewSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  groupId: z.nullable(z.string()),
  month: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  kind: z.enum(['add', 'deduct']),
  count: z.number(),
  /** Points asked for (per occurrence × count), a magnitude. */
  points: z.number(),
  /** Set by an 调整 (adjust) review. */
  awarded: z.nullable(z.number()),
  /** What counts after caps, once approved (magnitude). */
  counted: z.nullable(z.number()),
  capNote: z.nullable(z.string()),
  origin: z.enum(ENTRY_ORIGINS),
  /** For automatic entries: the record it comes from. */
  source: z.nullable(z.object({ type: z.string(), label: z.string(), sourceId: z.string(), eventId: z.string(), occurredAt: z.string() })),
  description: z.string(),
  photos: z.array(PhotoViewSchema),
  status: EntryStatusSchema,
  reviews: z.array(ReviewViewSchema),
  schemeVersion: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The caller may still edit or withdraw it (own, not yet reviewed, before the deadline). */
  canEdit: z.boolean(),
  /** The caller may review it now (stage and role fit, not their own). */
  canReview: z.boolean(),
})
export type EntryView = z.infer<typeof EntryViewSchema>

export const SchemeVersionSchema = z.object({
  version: z.number(),
  effectiveFrom: z.string(),
  publishedAt: z.string(),
  publishedByName: z.string(),
  scheme: BranchSchemeSchema,
})
export type SchemeVersion = z.infer<typeof SchemeVersionSchema>

export const SettingsSchema = z.object({
  /** The branch shows the yearly ranking to every member (off by default: anti-形式主义). */
  publishRanking: z.boolean(),
  /**
   * Items marked 需上传照片佐证 really need a photo (off by default: no forced uploads, 国办函〔2026〕12号);
   * when off, a photo is optional on every 申报.
   */
  requireEvidence: z.boolean(),
})

export const SchemeInfoSchema = z.object({
  branchId: z.string(),
  current: z.nullable(SchemeVersionSchema),
  settings: SettingsSchema,
  /** The month a member would declare now, whether it is open, and its deadline. */
  declare: z.object({
    month: z.string(),
    open: z.boolean(),
    deadline: z.nullable(z.string()),
    /** The previous month while its deadline has not passed. */
    previousOpen: z.nullable(z.object({ month: z.string(), deadline: z.string() })),
  }),
})
export type SchemeInfo = z.infer<typeof SchemeInfoSchema>

export const SchemeEditorSchema = z.object({
  branchId: z.string(),
  draft: z.nullable(BranchSchemeSchema),
  draftUpdatedAt: z.nullable(z.string()),
  current: z.nullable(SchemeVersionSchema),
  versions: z.array(z.object({ version: z.number(), effectiveFrom: z.string(), publishedAt: z.string(), name: z.string() })),
  presets: z.array(z.object({ id: z.string(), name: z.string(), description: z.string(), scheme: BranchSchemeSchema })),
  settings: SettingsSchema,
})
export type SchemeEditor = z.infer<typeof SchemeEditorSchema>

export const MonthPointsSchema = z.object({ month: z.string(), adds: z.number(), deducts: z.number(), net: z.number() })

export const ObjectionViewSchema = z.object({
  text: z.string(),
  at: z.string(),
  answer: z.nullable(z.string()),
  answeredAt: z.nullable(z.string()),
  answeredByName: z.nullable(z.string()),
})

export const MyPublicationSchema = z.object({
  key: z.string(),
  label: z.string(),
  status: z.enum(PUBLICATION_STATUSES),
  publishedAt: z.string(),
  /** Last day of the 公示 (Beijing date). */
  endsOn: z.string(),
  finalisedAt: z.nullable(z.string()),
  adds: z.number(),
  deducts: z.number(),
  net: z.number(),
  score: z.number(),
  bandLabel: z.string(),
  objection: z.nullable(ObjectionViewSchema),
  /** An objection can be raised now (公示 running). */
  canObject: z.boolean(),
})

export const OverviewSchema = z.object({
  memberId: z.string(),
  memberName: z.string(),
  year: z.number(),
  schemeName: z.nullable(z.string()),
  total: z.nullable(z.number()),
  band: z.nullable(BandSchema),
  bandLabel: z.nullable(z.string()),
  vetoed: z.boolean(),
  adds: z.number(),
  deducts: z.number(),
  months: z.array(MonthPointsSchema),
  periods: z.array(z.object({ key: z.string(), label: z.string(), total: z.number() })),
  publications: z.array(MyPublicationSchema),
  updatedAt: z.nullable(z.string()),
})
export type Overview = z.infer<typeof OverviewSchema>

export const PublicationRowSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  groupId: z.nullable(z.string()),
  adds: z.number(),
  deducts: z.number(),
  net: z.number(),
  score: z.number(),
  bandLabel: z.string(),
  excluded: z.nullable(ExclusionSchema),
})

export const PublicationSchema = z.object({
  branchId: z.string(),
  key: z.string(),
  label: z.string(),
  status: z.enum(PUBLICATION_STATUSES),
  start: z.string(),
  end: z.string(),
  publishedAt: z.string(),
  publishedByName: z.string(),
  endsOn: z.string(),
  finalisedAt: z.nullable(z.string()),
  rows: z.array(PublicationRowSchema),
  objections: z.array(
    z.object({ memberId: z.string(), name: z.string(), text: z.string(), at: z.string(), answer: z.nullable(z.string()), answeredAt: z.nullable(z.string()), answeredByName: z.nullable(z.string()) }),
  ),
  /** The 公示 is over and every objection answered. */
  canFinalise: z.boolean(),
})
export type Publication = z.infer<typeof PublicationSchema>

export const PeriodStateSchema = z.object({
  key: z.string(),
  label: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.enum(['open', 'ready', 'publicity', 'final']),
  endsOn: z.nullable(z.string()),
  pending: z.nullable(z.number()),
})

export const YearRowSchema = z.object({
  memberId: z.string(),
  name: z.string(),
  groupId: z.nullable(z.string()),
  total: z.number(),
  band: BandSchema,
  bandLabel: z.string(),
  vetoed: z.boolean(),
  adds: z.number(),
  deducts: z.number(),
  /** Competition rank among members not excluded (1, 2, 2, 4); null when excluded. */
  rank: z.nullable(z.number()),
  excluded: z.nullable(ExclusionSchema),
  excludedLabel: z.nullable(z.string()),
})

export const YearViewSchema = z.object({
  branchId: z.string(),
  year: z.number(),
  schemeName: z.nullable(z.string()),
  ranked: z.array(YearRowSchema),
  excluded: z.array(YearRowSchema),
  bands: z.array(z.object({ band: BandSchema, label: z.string(), count: z.number() })),
  /** Branch average net points per month (ranked members). */
  months: z.array(MonthPointsSchema),
  periods: z.array(PeriodStateSchema),
  settings: SettingsSchema,
})
export type YearView = z.infer<typeof YearViewSchema>

export const RankingSchema = z.object({
  year: z.number(),
  rows: z.array(z.object({ memberId: z.string(), name: z.string(), total: z.number(), rank: z.number(), bandLabel: z.string() })),
})

const ENTRY_READERS: Policy = { member: 'self', committee: 'branch', 'group-leader': 'group' }
const REVIEWERS: Policy = { committee: 'branch', 'group-leader': 'group' }
const SCHEME_EDITORS: Policy = { secretary: 'branch', 'deputy-secretary': 'branch', organizer: 'branch' }

const EntryRef = z.strictObject({ entryId: Id })

export const points = defineDomain('points', {
  /** The branch's scheme in force, the 申报 window and settings. Caller: members of the branch. */
  scheme: action({ input: z.strictObject(BranchRef), output: SchemeInfoSchema, policy: { member: 'branch' }, kind: 'read' }),

  /** A member's year: monthly trend, total and band, 公示 periods. Caller: the member; 支委; their 党小组长. */
  overview: action({
    input: z.strictObject({ memberId: z.optional(Id), year: z.optional(Year) }),
    output: OverviewSchema,
    policy: ENTRY_READERS,
    kind: 'read',
  }),

  /** A member's entries of a year (or one month), newest first. Caller: the member; 支委; their 党小组长. */
  listEntries: action({
    input: z.strictObject({ memberId: z.optional(Id), year: z.optional(Year), month: z.optional(MonthStr) }),
    output: z.object({ entries: z.array(EntryViewSchema) }),
    policy: ENTRY_READERS,
    kind: 'read',
  }),

  /** One entry with its evidence and review trail. Caller: its member; 支委; their 党小组长. */
  getEntry: action({ input: EntryRef, output: EntryViewSchema, policy: ENTRY_READERS, kind: 'read' }),

  /** Catch up automatic entries from new events (bounded batch). Caller: members of the branch, at the start of their view. */
  sync: action({
    input: z.strictObject(BranchRef),
    output: z.object({ processed: z.number(), credited: z.number(), more: z.boolean() }),
    policy: { member: 'branch' },
    kind: 'write',
  }),

  /** Store one evidence photo (JPG / PNG, base64) in the caller's folder; returns its fileID and a link. Caller: any member. */
  uploadPhoto: action({
    input: z.strictObject({
      ...BranchRef,
      ext: ImageExt,
      base64: Base64Body(MAX_PHOTO_BYTES, '照片'),
    }),
    output: PhotoViewSchema,
    policy: { member: 'branch' },
    kind: 'write',
  }),

  /** Monthly 申报: items, what was done, photos; `clientKey` makes a double tap one entry. Caller: any member, for themself. */
  submitEntry: action({
    input: z.strictObject({
      ...BranchRef,
      clientKey: Id,
      month: MonthStr,
      itemCode: ItemCode,
      count: z.optional(Count),
      description: Text(500),
      photos: z.optional(Photos),
    }),
    output: EntryViewSchema,
    policy: { member: 'branch' },
    kind: 'write',
  }),

  /** Edit one's own 申报 until it is reviewed (and before the month's deadline). Caller: its member. */
  updateEntry: action({
    input: z.strictObject({
      entryId: Id,
      itemCode: z.optional(ItemCode),
      count: z.optional(Count),
      description: z.optional(Text(500)),
      photos: z.optional(Photos),
    }),
    output: EntryViewSchema,
    policy: { member: 'self' },
    kind: 'write',
  }),

  /** Withdraw one's own 申报 before it is reviewed (kept as 已撤回, hidden from lists). Caller: its member. */
  withdrawEntry: action({ input: EntryRef, output: z.object({ id: z.string(), withdrawn: z.boolean() }), policy: { member: 'self' }, kind: 'write' }),

  /** The review queue: filter by month, 党小组 and status. Caller: 支委 (branch); 党小组长 (own group). */
  reviewQueue: action({
    input: z.strictObject({
      ...BranchRef,
      month: z.optional(MonthStr),
      groupId: z.optional(Id),
      status: z.optional(z.enum(['pending', 'pending-group', 'pending-committee', 'approved', 'rejected', 'revoked', 'all'])),
    }),
    output: z.object({ entries: z.array(EntryViewSchema), truncated: z.boolean() }),
    policy: REVIEWERS,
    kind: 'read',
  }),

  /** Approve, adjust (with a reason) or reject (with a reason) one entry. Caller: 党小组长 (first review, own group); 支委 (final). Never one's own. */
  reviewEntry: action({
    input: z.strictObject({
      entryId: Id,
      decision: z.enum(REVIEW_DECISIONS),
      points: z.optional(PointsInput),
      reason: z.optional(z.string().check(z.trim(), z.maxLength(200, '理由不能超过200个字'))),
    }),
    output: EntryViewSchema,
    policy: REVIEWERS,
    kind: 'write',
  }),

  /** Approve several entries at once (e.g. a month of a 党小组). Caller: as reviewEntry; own entries are skipped. */
  reviewBatch: action({
    input: z.strictObject({ entryIds: z.array(Id).check(z.minLength(1, '请选择要审核的申报'), z.maxLength(100, '一次最多审核100条')) }),
    output: z.object({ approved: z.number(), forwarded: z.number(), skipped: z.array(z.object({ entryId: z.string(), reason: z.string() })) }),
    policy: REVIEWERS,
    kind: 'write',
  }),

  /** Record an entry for a member (表彰, 扣分 …), approved at once with caps. Caller: 支委, never for themself. */
  recordEntry: action({
    input: z.strictObject({
      clientKey: Id,
      memberId: Id,
      month: MonthStr,
      itemCode: ItemCode,
      count: z.optional(Count),
      reason: Text(200),
    }),
    output: EntryViewSchema,
    policy: { committee: 'branch' },
    kind: 'write',
  }),

  /** Revoke an approved entry (e.g. after an objection), with a reason; totals follow. Caller: 支委, never their own. */
  revokeEntry: action({ input: z.strictObject({ entryId: Id, reason: Text(200) }), output: EntryViewSchema, policy: { committee: 'branch' }, kind: 'write' }),

  /** Record 志愿服务 for members: emits `volunteer.recorded`, credited under the scheme's 志愿服务 item. Caller: 支委. */
  recordVolunteer: action({
    input: z.strictObject({
      ...BranchRef,
      date: DateStr,
      title: Text(40),
      hours: z.number().check(z.gt(0, '时长应大于0'), z.lte(24, '时长不能超过24小时')),
      memberIds: z.array(Id).check(z.minLength(1, '请选择参加的党员'), z.maxLength(200)),
    }),
    output: z.object({ recorded: z.number(), credited: z.number() }),
    policy: { committee: 'branch' },
    kind: 'write',
  }),

  /** The scheme editor: draft, versions, presets from the branch profile. Caller: 支委. */
  schemeEditor: action({ input: z.strictObject(BranchRef), output: SchemeEditorSchema, policy: { committee: 'branch' }, kind: 'read' }),

  /** Save the draft scheme (from a preset or edited). Caller: 书记, 副书记, 组织委员. */
  saveDraft: action({ input: z.strictObject({ ...BranchRef, scheme: BranchSchemeSchema }), output: SchemeEditorSchema, policy: SCHEME_EDITORS, kind: 'write' }),

  /** Publish the draft as a new immutable version in force from `effectiveFrom`. Caller: 书记, 副书记, 组织委员. */
  publishScheme: action({
    input: z.strictObject({ ...BranchRef, effectiveFrom: DateStr, expectVersion: z.number().check(z.int(), z.gte(0), z.lte(10_000)) }),
    output: SchemeEditorSchema,
    policy: SCHEME_EDITORS,
    kind: 'write',
  }),

  /** Branch settings: publish the ranking to members; require the evidence photo items ask for (both off by default). Caller: 书记. */
  updateSettings: action({
    input: z.strictObject({ ...BranchRef, publishRanking: z.boolean(), requireEvidence: z.optional(z.boolean()) }),
    output: SettingsSchema,
    policy: { secretary: 'branch' },
    kind: 'write',
  }),

  /** Publish a finished quarter (每季评定公示): a snapshot of every member's points for the 公示 days. Caller: 支委. */
  publishPeriod: action({ input: z.strictObject({ ...BranchRef, periodKey: PeriodKey }), output: PublicationSchema, policy: { committee: 'branch' }, kind: 'write' }),

  /** One 公示 with every row and the objections. Caller: 支委. */
  getPublication: action({ input: z.strictObject({ ...BranchRef, periodKey: PeriodKey }), output: PublicationSchema, policy: { committee: 'branch' }, kind: 'read' }),

  /** Raise (or rewrite, until answered) an objection to one's own published points. Caller: a member of the branch. */
  objectPublication: action({
    input: z.strictObject({ ...BranchRef, periodKey: PeriodKey, text: Text(300) }),
    output: MyPublicationSchema,
    policy: { member: 'branch' },
    kind: 'write',
  }),

  /** Answer a member's objection. Caller: 支委. */
  answerObjection: action({
    input: z.strictObject({ ...BranchRef, periodKey: PeriodKey, memberId: Id, answer: Text(300) }),
    output: PublicationSchema,
    policy: { committee: 'branch' },
    kind: 'write',
  }),

  /** Finalise a 公示 once its days are over and every objection is answered. Caller: 支委. */
  finalisePeriod: action({ input: z.strictObject({ ...BranchRef, periodKey: PeriodKey }), output: PublicationSchema, policy: { committee: 'branch' }, kind: 'write' }),

  /** The year: totals, bands, ranking with ties, excluded members apart, monthly trend, 公示 periods. Caller: 支委. */
  yearView: action({ input: z.strictObject({ ...BranchRef, year: z.optional(Year) }), output: YearViewSchema, policy: { committee: 'branch' }, kind: 'read' }),

  /** The yearly ranking, when the branch has chosen to publish it. Caller: members of the branch. */
  ranking: action({ input: z.strictObject({ ...BranchRef, year: z.optional(Year) }), output: RankingSchema, policy: { member: 'branch' }, kind: 'read' }),
})
