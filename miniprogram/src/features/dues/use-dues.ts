/**
 * Data hooks for 党费: a member's page, the collection screen, 核定, arrears, reports to confirm, 公示
 * and the to-dos. Each returns `{ data, loading, error, reload, setData }` (see useApiCall).
 */
import type { Arrears, BaseReview, Collection, DuesTodo, MemberDues, PendingReport, Publication } from '@shared/contract/dues'
import { api } from '@/services/api'
import { useApiCall, type ApiCallState } from '../common/use-api-call'

/** The signed-in member's dues, or (for the 党费管理员 / 书记) another member's. */
export function useMemberDues(memberId?: string): ApiCallState<MemberDues> {
  return useApiCall(() => api.dues.memberDues(memberId ? { memberId } : {}), [memberId])
}

export function useCollection(month: string | null): ApiCallState<Collection> {
  return useApiCall(month ? () => api.dues.collection({ month }) : null, [month])
}

export function useBaseReview(): ApiCallState<BaseReview> {
  return useApiCall(() => api.dues.baseReview({}), [])
}

export function useArrears(): ApiCallState<Arrears> {
  return useApiCall(() => api.dues.arrears({}), [])
}

export function usePendingReports(): ApiCallState<{ items: PendingReport[] }> {
  return useApiCall(() => api.dues.pendingReports({}), [])
}

export function usePublications(): ApiCallState<{ items: { id: string; period: string; label: string; publishedAt: string; totals: Publication['totals'] }[] }> {
  return useApiCall(() => api.dues.listPublications({}), [])
}

export function usePublication(id: string | undefined): ApiCallState<Publication> {
  return useApiCall(id ? () => api.dues.getPublication({ publicationId: id }) : null, [id])
}

export function useDuesTodos(enabled = true): ApiCallState<{ items: DuesTodo[] }> {
  return useApiCall(enabled ? () => api.dues.todos({}) : null, [])
}

/** Collection-screen filter: everyone, not yet paid, awaiting confirmation, paid. */
export type CollectionFilter = 'all' | 'unpaid' | 'reported' | 'paid'

export function filterRows(rows: Collection['rows'], filter: CollectionFilter): Collection['rows'] {
  switch (filter) {
    case 'all':
      return rows
    case 'unpaid':
      return rows.filter((r) => r.entry.status === 'unpaid' || r.entry.status === 'overdue' || r.entry.status === 'rejected')
    case 'reported':
      return rows.filter((r) => r.entry.status === 'reported')
    case 'paid':
      return rows.filter((r) => r.entry.status === 'paid' || r.entry.status === 'exempt')
  }
}
