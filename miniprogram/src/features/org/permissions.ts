/**
 * Whether the signed-in user may call an action, read from the action's contract policy. The server
 * decides (cloudfunctions/_kit/policy); the client uses this only to hide buttons it would refuse.
 */
import type { ActionDef } from '@shared/contract/define'
import type { Me } from '@shared/contract/org'
import { COMMITTEE_ROLES, identityAuthorities, type BranchRole, type PolicyRole } from '@shared/contract/roles'

export function myRoles(me: Me | undefined): BranchRole[] {
  return me?.member?.roles ?? []
}

export const isCommittee = (me: Me | undefined): boolean => myRoles(me).some((r) => COMMITTEE_ROLES.includes(r))

function holds(me: Me, key: PolicyRole): boolean {
  const member = me.bound ? me.member : null
  switch (key) {
    case 'unbound':
      return true
    case 'member':
      return member !== null
    case 'formal':
      return member?.status === 'formal'
    case 'probationary':
      return member?.status === 'probationary'
    case 'committee':
      return isCommittee(me)
    case 'org-admin':
      return me.adminOrgs.length > 0
    default:
      return member !== null && member.roles.includes(key)
  }
}

/** True if any policy key of the action matches the user (scope is the server's business). */
export function can(me: Me | undefined, def: Pick<ActionDef, 'policy'>): boolean {
  if (me === undefined) return false
  return (Object.keys(def.policy) as PolicyRole[]).some((key) => holds(me, key))
}

/**
 * True if the user may unbind or re-invite a member holding `roles`: the action's policy, and for a 支委
 * authority over the role (`identityAuthorities`) — a 组织委员 sees no such buttons on the 书记's record.
 */
export function canManageIdentity(me: Me | undefined, def: Pick<ActionDef, 'policy'>, roles: readonly BranchRole[]): boolean {
  if (me === undefined || !can(me, def)) return false
  const needed = identityAuthorities(roles)
  return needed === null || needed.some((key) => holds(me, key))
}
