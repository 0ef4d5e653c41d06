/**
 * Who may call what: the role vocabulary and the policy shape attached to every action.
 * A policy maps a role to the scope it acts in; the server checks it (cloudfunctions/_kit/policy.ts),
 * the client uses it only to hide buttons.
 */

/** Roles held inside one branch (支部). A member may hold several. */
export const BRANCH_ROLES = [
  'secretary', // 书记
  'deputy-secretary', // 副书记
  'organizer', // 组织委员
  'publicity', // 宣传委员
  'discipline', // 纪检委员
  'group-leader', // 党小组长
  'dues-manager', // 党费管理员 (组织委员 by default)
] as const
export type BranchRole = (typeof BRANCH_ROLES)[number]

/** The 支委 (committee) roles. */
export const COMMITTEE_ROLES: readonly BranchRole[] = [
  'secretary',
  'deputy-secretary',
  'organizer',
  'publicity',
  'discipline',
]

export const ROLE_LABELS: Record<BranchRole, string> = {
  secretary: '书记',
  'deputy-secretary': '副书记',
  organizer: '组织委员',
  publicity: '宣传委员',
  discipline: '纪检委员',
  'group-leader': '党小组长',
  'dues-manager': '党费管理员',
}

/**
 * Keys a policy can name:
 * - `unbound`: any WeChat user, bound or not (only identity actions such as binding use it);
 * - `member`: any bound member (正式 or 预备); `formal` / `probationary`: by status;
 * - a BranchRole; `committee`: any 支委 role;
 * - `org-admin`: a 上级党委 admin, acting on the branches below their org node.
 */
export type PolicyRole = 'unbound' | 'member' | 'formal' | 'probationary' | 'committee' | 'org-admin' | BranchRole

/**
 * Who may detach (`org.unbindMember`) or re-issue (`org.createInvite`) the WeChat identity of a member
 * holding `roles`. Whoever redeems an invite holds the member's roles, so for a 支委 these are as strong as
 * `setRoles`: the 书记's record only the 上级党委 admin, another 支委's the 书记 or the admin. `null`: no 支委
 * role, the action's own policy decides. The server enforces this; the app hides what it would refuse.
 */
export const identityAuthorities = (roles: readonly BranchRole[]): PolicyRole[] | null => {
  if (roles.includes('secretary')) return ['org-admin']
  if (roles.some((r) => COMMITTEE_ROLES.includes(r))) return ['secretary', 'org-admin']
  return null
}

/**
 * Scopes:
 * - `any`: no target check (only for `unbound` and for reads of the caller's own identity);
 * - `self`: the target member is the caller;
 * - `group`: the target is in the caller's 党小组 (same branch);
 * - `branch`: the target is in the caller's branch;
 * - `org`: the target branch is below one of the caller's admin org nodes.
 */
export type Scope = 'any' | 'self' | 'group' | 'branch' | 'org'

export type Policy = Partial<Record<PolicyRole, Scope>>

export const MEMBER_STATUSES = ['formal', 'probationary'] as const
export type MemberStatus = (typeof MEMBER_STATUSES)[number]
