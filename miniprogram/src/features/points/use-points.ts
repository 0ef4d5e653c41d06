/**
 * Data hooks for 积分: a member's year and entries (after a lazy catch-up of new events), the scheme in
 * force, the review queue, the year view, the scheme editor and one 公示. Each returns
 * `{ data, loading, error, reload, setData }` (see useApiCall).
 */
import { useEffect, useRef, useState } from 'react'
import type { EntryView, Overview, Publication, SchemeEditor, SchemeInfo, YearView } from '@shared/contract/points'
import { api } from '@/services/api'
import { useApiCall, type ApiCallState } from '../common/use-api-call'

export function useOverview(year: number, memberId?: string): ApiCallState<Overview> {
  return useApiCall(() => api.points.overview({ year, ...(memberId ? { memberId } : {}) }), [year, memberId])
}

export function useEntries(year: number, memberId?: string): ApiCallState<{ entries: EntryView[] }> {
  return useApiCall(() => api.points.listEntries({ year, ...(memberId ? { memberId } : {}) }), [year, memberId])
}

export function useSchemeInfo(): ApiCallState<SchemeInfo> {
  return useApiCall(() => api.points.scheme({}), [])
}

/**
 * Catch up automatic entries (sign-ins, dues) once when a points page opens, then call `onCredited` if
 * anything new counted — so a sign-in shows without waiting for the timer. Failures are silent: the
 * timer catches up anyway.
 */
export function useSync(onCredited: () => void): { syncing: boolean } {
  const [syncing, setSyncing] = useState(true)
  const cb = useRef(onCredited)
  cb.current = onCredited
  useEffect(() => {
    let alive = true
    api.points
      .sync({})
      .then((r) => {
        if (alive && r.credited > 0) cb.current()
      })
      .catch(() => undefined)
      .finally(() => {
        if (alive) setSyncing(false)
      })
    return () => {
      alive = false
    }
  }, [])
  return { syncing }
}

export interface QueueFilter {
  month?: string
  groupId?: string
  status: 'pending' | 'approved' | 'rejected' | 'all'
}

export function useReviewQueue(filter: QueueFilter): ApiCallState<{ entries: EntryView[]; truncated: boolean }> {
  const { month, groupId, status } = filter
  return useApiCall(() => api.points.reviewQueue({ status, ...(month ? { month } : {}), ...(groupId ? { groupId } : {}) }), [month, groupId, status])
}

export function useYearView(year: number): ApiCallState<YearView> {
  return useApiCall(() => api.points.yearView({ year }), [year])
}

export function useSchemeEditor(): ApiCallState<SchemeEditor> {
  return useApiCall(() => api.points.schemeEditor({}), [])
}

export function usePublication(periodKey: string | undefined): ApiCallState<Publication> {
  return useApiCall(periodKey ? () => api.points.getPublication({ periodKey }) : null, [periodKey])
}

export function useRanking(year: number): ApiCallState<{ year: number; rows: { memberId: string; name: string; total: number; rank: number; bandLabel: string }[] }> {
  return useApiCall(() => api.points.ranking({ year }), [year])
}

