/**
 * Who is calling: the WeChat openid from the invocation's SCF context (never from the event), then
 * one document read of `users/{openid}` for the member, branch, roles and admin scopes.
 */
import tcb from '@cloudbase/node-sdk'
import { COMMITTEE_ROLES, type BranchRole, type MemberStatus, type PolicyRole } from '@shared/contract/roles'
import type { Collections } from './collections'
import type { Store } from './store'

/** The `users/{openid}` identity document (org's, as the registration types it). */
type UserDoc = Collections['users']

export interface Caller {
  openid: string | null
  user: UserDoc | null
  memberId: string | null
  branchId: string | null
  groupId: string | null
  status: MemberStatus | null
  name: string
  branchRoles: BranchRole[]
  adminOrgIds: string[]
  adminBranchIds: string[]
  /** Every policy key this caller holds, for the coarse check. */
  held: Set<PolicyRole>
}

/** The openid of the WeChat user behind this invocation, or null (timer, console test, no user). */
export const openidFromContext = (context: unknown): string | null => {
  if (!context || typeof context !== 'object') return null
  let openid: unknown
  try {
    openid = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]).WX_OPENID
  } catch {
    return null // a context without `environment` (console test, malformed): nobody is calling
  }
  return typeof openid === 'string' && openid.length > 0 ? openid : null
}

export const callerFromUser = (openid: string | null, user: UserDoc | null): Caller => {
  const held = new Set<PolicyRole>(['unbound'])
  if (user?.memberId && user.branchId && user.status) {
    held.add('member')
    held.add(user.status)
    for (const r of user.roles) held.add(r)
    if (user.roles.some((r) => COMMITTEE_ROLES.includes(r))) held.add('committee')
  }
  if (user && user.adminOrgs.length > 0) held.add('org-admin')
  return {
    openid,
    user,
    memberId: user?.memberId ?? null,
    branchId: user?.branchId ?? null,
    groupId: user?.groupId ?? null,
    status: user?.status ?? null,
    name: user?.name ?? '',
    branchRoles: user?.memberId ? user.roles : [],
    adminOrgIds: user?.adminOrgs.map((o) => o.id) ?? [],
    adminBranchIds: user?.adminBranchIds ?? [],
    held,
  }
}

export const resolveCaller = async (store: Store, context: unknown): Promise<Caller> => {
  const openid = openidFromContext(context)
  const user = openid ? await store.get('users', openid) : null
  return callerFromUser(openid, user)
}

/** A system caller for timer invocations: holds no role; handlers run with explicit system logic. */
export const systemCaller = (): Caller => callerFromUser(null, null)
