/**
 * Authorization: one table (each action's `policy` in its shared contract) of role × scope, checked here.
 * The coarse check (does the caller hold any role the policy names?) runs before the input is parsed;
 * then createMain checks the record the handler's `target` step names, before `run`, so a member of
 * branch A can read nothing of branch B.
 */
import { AppError } from '@shared/contract/errors'
import type { Policy, PolicyRole, Scope } from '@shared/contract/roles'
import type { Caller } from './caller'

export interface Target {
  branchId: string
  /** The 党小组 of the target record (for `group` scope). */
  groupId?: string | null
  /** The member the record belongs to (for `self` scope). */
  memberId?: string | null
  /**
   * For a record that is an org node rather than a branch (the parent a branch is set up under, a 上级
   * admin's own overview): the node and the nodes above it. `org` scope also covers the target when the
   * caller administers one of them.
   */
  orgIds?: readonly string[]
}

const entries = (policy: Policy): [PolicyRole, Scope][] => Object.entries(policy) as [PolicyRole, Scope][]

/** Does the caller hold any role the policy names? (No target yet.) */
export const holdsAnyRole = (policy: Policy, caller: Caller): boolean =>
  entries(policy).some(([role]) => caller.held.has(role))

const inScope = (scope: Scope, caller: Caller, target: Target): boolean => {
  switch (scope) {
    case 'any':
      return true
    case 'self':
      return !!caller.memberId && caller.branchId === target.branchId && caller.memberId === target.memberId
    case 'group':
      return (
        !!caller.groupId &&
        caller.branchId === target.branchId &&
        target.groupId !== undefined &&
        target.groupId === caller.groupId
      )
    case 'branch':
      return !!caller.branchId && caller.branchId === target.branchId
    case 'org':
      return caller.adminBranchIds.includes(target.branchId) || (target.orgIds ?? []).some((id) => caller.adminOrgIds.includes(id))
  }
}

/** The (role, scope) pairs of the policy that let this caller act on this target. */
export const grantsFor = (policy: Policy, caller: Caller, target: Target): PolicyRole[] =>
  entries(policy)
    .filter(([role, scope]) => caller.held.has(role) && inScope(scope, caller, target))
    .map(([role]) => role)

export const isAllowed = (policy: Policy, caller: Caller, target: Target): boolean =>
  grantsFor(policy, caller, target).length > 0

/** Throws FORBIDDEN unless some role of the caller covers the target. */
export const assertAllowed = (policy: Policy, caller: Caller, target: Target): PolicyRole[] => {
  const grants = grantsFor(policy, caller, target)
  if (grants.length === 0) throw new AppError('FORBIDDEN')
  return grants
}

/** Caller must be a bound member (most member-facing actions). */
export const requireMember = (caller: Caller): { memberId: string; branchId: string } => {
  if (!caller.memberId || !caller.branchId) throw new AppError('UNAUTHENTICATED')
  return { memberId: caller.memberId, branchId: caller.branchId }
}
