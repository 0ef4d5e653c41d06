/**
 * org's public surface — the organisation data every domain reads: a branch (with its settings), a member,
 * a branch's active members, and the document types those answer.
 */
import { AppError } from '@shared/contract/errors'
import type { Store } from '../../_kit/store'
import type { MemberDoc, OrgDoc } from '../documents'

export type { MemberDoc, OrgDoc } from '../documents'

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
