/**
 * Every collection the functions use, with the shape of its documents. This list is data: the local
 * backend creates these collections and `npm run provision` creates them (admin-only) in CloudBase.
 * Feature domains add their collections and document types here.
 */
import type { BranchRole, MemberStatus } from '@shared/contract/roles'
import type { DuesCategory, MemberFlags } from '@shared/contract/org'
import type { ProfileId } from '@shared/profiles/ids'
import type { ThemeDayRule } from '@shared/rules/theme-day-rule'

/** The calling WeChat user's identity, keyed by openid: one document read resolves who is calling. */
export interface UserDoc {
  _id: string // openid
  memberId: string | null
  branchId: string | null
  groupId: string | null
  status: MemberStatus | null
  roles: BranchRole[]
  name: string
  /** 上级 admin: the org nodes administered and, denormalised, every branch below them. */
  adminOrgs: { id: string; name: string }[]
  adminBranchIds: string[]
  createdAt: string
}

export type OrgKind = 'committee' | 'general-branch' | 'branch'

export interface GroupDoc {
  id: string
  name: string
  leaderId: string | null
}

/** 党委 → (党总支) → 党支部. Branch settings live on the branch node. */
export interface OrgDoc {
  _id: string
  kind: OrgKind
  name: string
  parentId: string | null
  parentName: string | null
  /** Ids of every org node above this one, nearest last. */
  ancestors: string[]
  profileId: ProfileId
  profileOverrides?: Record<string, unknown>
  themeDayRule: ThemeDayRule
  termStartedAt: string | null
  termEndsAt: string | null
  /** The branch's monthly dues collection day (1..28). */
  duesDay: number
  groups: GroupDoc[]
  createdAt: string
  updatedAt: string
}

export interface MemberDoc {
  _id: string
  branchId: string
  name: string
  gender: 'male' | 'female'
  phone: string | null
  joinedAt: string
  formalAt: string | null
  status: MemberStatus
  groupId: string | null
  duesCategory: DuesCategory | null
  flags: MemberFlags
  roles: BranchRole[]
  openid: string | null
  boundAt: string | null
  active: boolean
  createdAt: string
  updatedAt: string
}

/** A one-time invite code; `_id` is the code itself so redeeming is one document read. */
export interface InviteDoc {
  _id: string
  memberId: string
  branchId: string
  createdBy: string
  createdAt: string
  expiresAt: string
  usedAt: string | null
  usedBy: string | null
  revoked: boolean
}

export interface AuditDoc {
  _id?: string
  at: string
  branchId: string | null
  actorMemberId: string | null
  actorName: string
  action: string
  targetId: string
  summary: string
  before: unknown
  after: unknown
}

/** Fixed-window counters for rate limits, `${key}_${window}`. */
export interface RateLimitDoc {
  _id: string
  count: number
  expiresAt: string
}

/**
 * Domain event types. Producers: meetings (`attendance.*`), dues (`dues.*`), the branch (`volunteer.*`).
 * Consumers: points (auto entries), reminders.
 */
export type EventType =
  | 'attendance.present' // a member attended a meeting (data: { meetingId, kind, via })
  | 'attendance.absent' // an unexcused absence, known when the meeting's record is locked (data: { meetingId, kind })
  | 'dues.paid-on-time' // a month paid by the branch's collection day (data: { month })
  | 'dues.overdue' // a month unpaid after its collection day (data: { month })
  | 'volunteer.recorded' // 志愿服务 recorded by the branch (data: { hours, title })

export interface EventDoc {
  _id: string
  type: EventType
  sourceId: string
  branchId: string
  memberId: string
  occurredAt: string
  data: Record<string, unknown>
  createdAt: string
}

export interface Collections {
  users: UserDoc
  orgs: OrgDoc
  members: MemberDoc
  invites: InviteDoc
  audit: AuditDoc
  rate_limits: RateLimitDoc
  events: EventDoc
}

export type CollectionName = keyof Collections

/** Listing every key here makes a collection added to `Collections` without provisioning a compile error. */
const COLLECTION_SET: Record<CollectionName, true> = {
  users: true,
  orgs: true,
  members: true,
  invites: true,
  audit: true,
  rate_limits: true,
  events: true,
}

export const COLLECTIONS = Object.keys(COLLECTION_SET) as CollectionName[]
