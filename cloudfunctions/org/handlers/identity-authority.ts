/**
 * Who may detach (`unbindMember`) or re-issue (`createInvite`) the WeChat identity of a member. Whoever
 * redeems an invite holds the member's roles, so for a 支委 these are as strong as `setRoles`: they need
 * authority over the role — the 书记's record only the 上级党委 admin, another 支委's the 书记 or the 上级
 * admin. Anyone else's: the action's policy (书记, 组织委员, 上级 admin). Issue 15 item 3.
 */
import { AppError } from '@shared/contract/errors'
import { COMMITTEE_ROLES, ROLE_LABELS, type PolicyRole } from '@shared/contract/roles'
import type { MemberDoc } from '../../_kit/collections'

/** The policy grants (from `ctx.authorize`) that may act on the identity of a member holding these roles. */
export const identityAuthorities = (roles: MemberDoc['roles']): PolicyRole[] | null => {
  if (roles.includes('secretary')) return ['org-admin']
  if (roles.some((r) => COMMITTEE_ROLES.includes(r))) return ['secretary', 'org-admin']
  return null // no 支委 role: the action's policy decides alone
}

/** Throws FORBIDDEN unless one of `grants` covers the member's 支委 roles. */
export const assertIdentityAuthority = (m: Pick<MemberDoc, 'roles'>, grants: readonly PolicyRole[]): void => {
  const needed = identityAuthorities(m.roles)
  if (!needed || needed.some((g) => grants.includes(g))) return
  throw new AppError(
    'FORBIDDEN',
    m.roles.includes('secretary') ? '书记的微信绑定只能由上级党委管理员解除或重新邀请' : '支委的微信绑定只能由书记或上级党委管理员解除或重新邀请',
  )
}

/** `书记 张建国` / `张建国`: how an audit summary names the member, with their 支委 roles. */
export const withCommitteeRoles = (m: Pick<MemberDoc, 'roles' | 'name'>): string => {
  const labels = m.roles.filter((r) => COMMITTEE_ROLES.includes(r)).map((r) => ROLE_LABELS[r])
  return labels.length > 0 ? `${labels.join('、')} ${m.name}` : m.name
}
