/**
 * The server side of `identityAuthorities` (shared/src/contract/roles.ts): unbinding or re-inviting a
 * member who holds a 支委 role needs authority over that role, checked in `run` against the grants the
 * pipeline's authorization of the member gave (`ctx.grants`). Anyone else's identity: the action's policy
 * (书记, 组织委员, 上级 admin).
 */
import { AppError } from '@shared/contract/errors'
import { COMMITTEE_ROLES, ROLE_LABELS, identityAuthorities, type PolicyRole } from '@shared/contract/roles'
import type { MemberDoc } from '../documents'

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
