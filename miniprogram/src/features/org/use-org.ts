/**
 * Data hooks for the org domain's reads: the member roster, one member, the branch.
 * Each returns `{ data, loading, error, reload, setData }` (see useApiCall).
 */
import { api } from '@/services/api'
import { useApiCall, type ApiCallState } from '../common/use-api-call'
import type { BranchView, MemberDetail, MemberView } from '@shared/contract/org'

export interface MembersFilter {
  groupId?: string
}

/** A roster page holds at most 200 members (the contract's page limit); a branch has ≈50 at most. */
export const ROSTER_LIMIT = 200

export function useMembers(filter: MembersFilter = {}, enabled = true): ApiCallState<{ members: MemberView[]; total: number }> {
  const { groupId } = filter
  return useApiCall(
    enabled ? () => api.org.listMembers(groupId ? { groupId, page: { limit: ROSTER_LIMIT } } : { page: { limit: ROSTER_LIMIT } }) : null,
    [groupId],
  )
}

export function useMember(memberId: string | undefined): ApiCallState<MemberDetail> {
  return useApiCall(memberId ? () => api.org.getMember({ memberId }) : null, [memberId])
}

export function useBranch(enabled = true): ApiCallState<BranchView> {
  return useApiCall(enabled ? () => api.org.getBranch({}) : null, [])
}

/** Case-insensitive name filter for the roster search box. */
export function filterByName<T extends { name: string }>(members: readonly T[], query: string): T[] {
  const q = query.trim().toLowerCase()
  if (q === '') return [...members]
  return members.filter((m) => m.name.toLowerCase().includes(q))
}
