/**
 * Documents of the organisation (registered in `_kit/collections.ts`): the 党委 → 党支部 tree with each
 * branch's settings, the members, one-time invite codes, and the `users/{openid}` identity document that
 * resolves a caller in one read. Other domains read them through `org/public/`.
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
