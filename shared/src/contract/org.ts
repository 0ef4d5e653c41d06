/**
 * Identity, organisation and membership: who the caller is, binding a WeChat user to a member with a
 * one-time invite code, the member roster, roles and branch settings. Every change is audited.
 */
import * as z from 'zod/mini'
import { PROFILE_IDS } from '../profiles/ids'
import { ThemeDayRuleSchema } from '../rules/theme-day-rule'
import { action, defineDomain } from './define'
import { DateStr, Id, Page, PersonName, Phone, Text } from './common'
import { BRANCH_ROLES, MEMBER_STATUSES } from './roles'
import { INVITE_CODE_MESSAGE, INVITE_CODE_PATTERN } from './constants/org'

export const DUES_CATEGORIES = [
  'employed',
  'annual-salary',
  'self-employed',
  'retired',
  'farmer',
  'student',
  'unemployed',
  'relief',
  'low-income',
] as const
export const DuesCategorySchema = z.enum(DUES_CATEGORIES)
export type DuesCategory = z.infer<typeof DuesCategorySchema>

export const GENDERS = ['male', 'female'] as const
export const BranchRoleSchema = z.enum(BRANCH_ROLES)
export const MemberStatusSchema = z.enum(MEMBER_STATUSES)
export const ProfileIdSchema = z.enum(PROFILE_IDS)

export const MemberFlagsSchema = z.strictObject({
  /** 年老体弱、行动不便、重病: no hard attendance requirement; a recorder may sign them in. */
  elderly: z.boolean(),
  /** 流动党员: may take part remotely. */
  mobile: z.boolean(),
})
export type MemberFlags = z.infer<typeof MemberFlagsSchema>

/** What a client may send to create or edit a member. */
export const MemberFieldsSchema = z.strictObject({
  name: PersonName,
  gender: z.enum(GENDERS),
  phone: z.optional(Phone),
  joinedAt: DateStr, // 入党日期 (the 支部大会 accepted them as 预备党员)
  formalAt: z.optional(z.nullable(DateStr)), // 转正日期
  status: MemberStatusSchema,
  groupId: z.optional(z.nullable(Id)),
  duesCategory: z.optional(DuesCategorySchema),
  flags: z.optional(MemberFlagsSchema),
})
export type MemberFields = z.infer<typeof MemberFieldsSchema>

/** A member as shown to others: the phone is masked; dues data is not here (see the dues domain). */
export const MemberViewSchema = z.object({
  id: z.string(),
  branchId: z.string(),
  name: z.string(),
  gender: z.enum(GENDERS),
  phoneMasked: z.nullable(z.string()),
  joinedAt: z.string(),
  formalAt: z.nullable(z.string()),
  status: MemberStatusSchema,
  groupId: z.nullable(z.string()),
  flags: MemberFlagsSchema,
  roles: z.array(BranchRoleSchema),
  bound: z.boolean(),
})
export type MemberView = z.infer<typeof MemberViewSchema>

/** A member as seen by themselves or by those who manage them: full phone and dues category. */
export const MemberDetailSchema = z.extend(MemberViewSchema, {
  phone: z.nullable(z.string()),
  duesCategory: z.nullable(DuesCategorySchema),
})
export type MemberDetail = z.infer<typeof MemberDetailSchema>

export const GroupSchema = z.object({ id: z.string(), name: z.string(), leaderId: z.nullable(z.string()) })

export const BranchViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.nullable(z.string()),
  parentName: z.nullable(z.string()),
  profileId: ProfileIdSchema,
  themeDayRule: ThemeDayRuleSchema,
  termStartedAt: z.nullable(z.string()),
  termEndsAt: z.nullable(z.string()),
  duesDay: z.number(),
  groups: z.array(GroupSchema),
})
export type BranchView = z.infer<typeof BranchViewSchema>

export const MeSchema = z.object({
  bound: z.boolean(),
  member: z.nullable(MemberDetailSchema),
  branch: z.nullable(BranchViewSchema),
  /** Org nodes (党委 / 党总支) this user administers. */
  adminOrgs: z.array(z.object({ id: z.string(), name: z.string() })),
})
export type Me = z.infer<typeof MeSchema>

export const InviteCode = z.string().check(z.trim(), z.toUpperCase(), z.regex(INVITE_CODE_PATTERN, INVITE_CODE_MESSAGE))

/** The one-time first-run code `npm run provision` prints: 12 letters or digits, dashes and spaces ignored. */
export const BootstrapCode = z.string().check(
  z.trim(),
  z.toUpperCase(),
  z.regex(/^[A-HJ-NP-Z2-9]{4}[- ]?[A-HJ-NP-Z2-9]{4}[- ]?[A-HJ-NP-Z2-9]{4}$/, '初始化码应为12位字母或数字'),
)

export const ORG_NODE_KINDS = ['branch', 'general-branch'] as const

/** What `createBranch` answers: the new node and, when a 书记 was given, their record and invite code. */
export const CreatedBranchSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ORG_NODE_KINDS),
  parentId: z.string(),
  parentName: z.string(),
  secretary: z.nullable(MemberDetailSchema),
  invite: z.nullable(z.object({ code: z.string(), expiresAt: z.string() })),
})
export type CreatedBranch = z.infer<typeof CreatedBranchSchema>

export const AuditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  targetId: z.string(),
  summary: z.string(),
})

export const org = defineDomain('org', {
  /** Who am I: binding state, my member record and branch. Caller: anyone (unbound users learn they must bind). */
  me: action({ input: z.strictObject({}), output: MeSchema, policy: { unbound: 'any' }, kind: 'read' }),

  /** Bind the calling WeChat user to a member with a one-time invite code. Caller: an unbound user. */
  bind: action({ input: z.strictObject({ code: InviteCode }), output: MeSchema, policy: { unbound: 'any' }, kind: 'write' }),

  /**
   * First run of a fresh environment: the holder of the bootstrap code (printed by `npm run provision`)
   * becomes the 上级党委 admin and creates the root org node. The code works once, ever. Caller: any WeChat user.
   */
  claimAdmin: action({
    input: z.strictObject({ code: BootstrapCode, orgName: Text(40), adminName: PersonName }),
    output: MeSchema,
    policy: { unbound: 'any' },
    kind: 'write',
  }),

  /**
   * Create a 党支部 (or 党总支) under an org node the caller administers, optionally with its 书记 and a
   * 7-day invite code for them. Caller: 上级 admins of that node or one above it.
   */
  createBranch: action({
    input: z.strictObject({
      parentId: Id,
      name: Text(40),
      kind: z.optional(z.enum(ORG_NODE_KINDS)),
      secretary: z.optional(MemberFieldsSchema),
    }),
    output: CreatedBranchSchema,
    policy: { 'org-admin': 'org' },
    kind: 'write',
  }),

  /** A branch's settings and 党小组. Caller: its members; 上级 admins. */
  getBranch: action({
    input: z.strictObject({ branchId: z.optional(Id) }),
    output: BranchViewSchema,
    policy: { member: 'branch', 'org-admin': 'org' },
    kind: 'read',
  }),

  /** The member roster of a branch (or one 党小组). Caller: 支委; 党小组长 for their group; 上级 admins. */
  listMembers: action({
    input: z.strictObject({ branchId: z.optional(Id), groupId: z.optional(Id), page: Page }),
    output: z.object({ members: z.array(MemberViewSchema), total: z.number() }),
    policy: { committee: 'branch', 'group-leader': 'group', 'org-admin': 'org' },
    kind: 'read',
  }),

  /** One member in detail. Caller: the member; 书记 / 组织委员; 党小组长 for their group; 上级 admins. */
  getMember: action({
    input: z.strictObject({ memberId: Id }),
    output: MemberDetailSchema,
    policy: { member: 'self', secretary: 'branch', organizer: 'branch', 'dues-manager': 'branch', 'group-leader': 'group', 'org-admin': 'org' },
    kind: 'read',
  }),

  /** Add a member to the branch. Caller: 书记, 组织委员. */
  createMember: action({
    input: z.strictObject({ branchId: z.optional(Id), fields: MemberFieldsSchema }),
    output: MemberDetailSchema,
    policy: { secretary: 'branch', organizer: 'branch' },
    kind: 'write',
  }),

  /** Edit a member's record. Caller: 书记, 组织委员. */
  updateMember: action({
    input: z.strictObject({ memberId: Id, fields: z.partial(MemberFieldsSchema) }),
    output: MemberDetailSchema,
    policy: { secretary: 'branch', organizer: 'branch' },
    kind: 'write',
  }),

  /**
   * Issue a one-time invite code (7 days) for a member; earlier unused codes stop working. Caller: 书记,
   * 组织委员; 上级 admins. A 支委's record needs the 书记 or a 上级 admin; the 书记's a 上级 admin.
   */
  createInvite: action({
    input: z.strictObject({ memberId: Id }),
    output: z.object({ code: z.string(), expiresAt: z.string(), memberName: z.string() }),
    policy: { secretary: 'branch', organizer: 'branch', 'org-admin': 'org' },
    kind: 'write',
  }),

  /**
   * Unbind a member's WeChat identity (lost phone, new account). Caller: 书记, 组织委员; 上级 admins. A 支委's
   * record needs the 书记 or a 上级 admin; the 书记's a 上级 admin.
   */
  unbindMember: action({
    input: z.strictObject({ memberId: Id, reason: Text(100) }),
    output: MemberDetailSchema,
    policy: { secretary: 'branch', organizer: 'branch', 'org-admin': 'org' },
    kind: 'write',
  }),

  /** Set a member's roles in the branch. Caller: 书记; 上级 admins. */
  setRoles: action({
    input: z.strictObject({ memberId: Id, roles: z.array(BranchRoleSchema).check(z.maxLength(7)) }),
    output: MemberDetailSchema,
    policy: { secretary: 'branch', 'org-admin': 'org' },
    kind: 'write',
  }),

  /** Change branch settings: profile, 主题党日 rule, term, 党小组. Caller: 书记; 上级 admins. */
  updateBranch: action({
    input: z.strictObject({
      branchId: z.optional(Id),
      name: z.optional(Text(40)),
      profileId: z.optional(ProfileIdSchema),
      themeDayRule: z.optional(ThemeDayRuleSchema),
      termStartedAt: z.optional(z.nullable(DateStr)),
      termEndsAt: z.optional(z.nullable(DateStr)),
      duesDay: z.optional(z.number().check(z.int(), z.gte(1), z.lte(28))),
      groups: z.optional(
        z
          .array(z.strictObject({ id: z.optional(Id), name: Text(20), leaderId: z.optional(z.nullable(Id)) }))
          .check(z.maxLength(30)),
      ),
    }),
    output: BranchViewSchema,
    policy: { secretary: 'branch', 'org-admin': 'org' },
    kind: 'write',
  }),

  /** The audit log of a branch, newest first. Caller: 书记, 纪检委员; 上级 admins. */
  listAudit: action({
    input: z.strictObject({ branchId: z.optional(Id), page: Page }),
    output: z.object({ entries: z.array(AuditEntrySchema) }),
    policy: { secretary: 'branch', discipline: 'branch', 'org-admin': 'org' },
    kind: 'read',
  }),
})

export const maskPhone = (phone: string | null | undefined): string | null =>
  phone ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : null

