/**
 * Reading organisation data other domains need too: a branch, its members, and keeping the
 * denormalised `users/{openid}` identity document in step with the member record.
 */
import { AppError } from '@shared/contract/errors'
import type { MemberDoc, OrgDoc } from './collections'
import type { Store } from './store'

export const loadBranch = async (store: Store, branchId: string): Promise<OrgDoc> => {
  const branch = await store.get('orgs', branchId)
  if (!branch || branch.kind !== 'branch') throw new AppError('NOT_FOUND', '没有找到该支部')
  return branch
}

export const loadMember = async (store: Store, memberId: string): Promise<MemberDoc> => {
  const member = await store.get('members', memberId)
  if (!member || !member.active) throw new AppError('NOT_FOUND', '没有找到该党员')
  return member
}

/** Every active member of a branch (one request up to 1000 members). */
export const branchMembers = (store: Store, branchId: string): Promise<MemberDoc[]> =>
  store.findAll('members', { branchId, active: true }, { orderBy: [['joinedAt', 'asc']] })

/** Copy the fields the caller check needs from the member to their identity document. */
export const syncUser = async (store: Store, member: MemberDoc): Promise<void> => {
  if (!member.openid) return
  await store.update('users', member.openid, {
    memberId: member._id,
    branchId: member.branchId,
    groupId: member.groupId,
    status: member.status,
    roles: member.roles,
    name: member.name,
  })
}
