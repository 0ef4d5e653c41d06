/**
 * Data hooks for the meetings pages, each `{ data, loading, error, reload, setData }` (see useApiCall),
 * and `useHostCode`, which polls the host screen every few seconds while the page is shown.
 */
import { useEffect, useRef, useState } from 'react'
import type { HostView } from '@shared/contract/meetings'
import { api } from '@/services/api'
import type { ApiError } from '@/services/client'
import { toApiError, useApiCall } from '../common/use-api-call'

export const PAGE_SIZE = 20

export function useMeetingList(when: 'upcoming' | 'past', limit = PAGE_SIZE) {
  return useApiCall(() => api.meetings.listMeetings({ when, page: { limit } }), [when, limit])
}

export function useMeeting(meetingId: string | undefined) {
  return useApiCall(meetingId ? () => api.meetings.getMeeting({ meetingId }) : null, [meetingId])
}

export function useMeetingAttendance(meetingId: string | undefined) {
  return useApiCall(meetingId ? () => api.meetings.meetingAttendance({ meetingId }) : null, [meetingId])
}

export function useMyTasks(enabled = true) {
  return useApiCall(enabled ? () => api.meetings.myTasks({}) : null, [])
}

export function useLeaves(filter: { groupId?: string; meetingId?: string }, enabled = true) {
  const { groupId, meetingId } = filter
  return useApiCall(
    enabled ? () => api.meetings.listLeaves({ ...(groupId ? { groupId } : {}), ...(meetingId ? { meetingId } : {}) }) : null,
    [groupId, meetingId],
  )
}

export function useGrid(year: number) {
  return useApiCall(() => api.meetings.attendanceGrid({ year }), [year])
}

export function useMemberHistory(memberId: string | undefined, year: number) {
  return useApiCall(() => api.meetings.memberAttendance(memberId ? { memberId, year } : { year }), [memberId, year])
}

export function useCompliance(year: number) {
  return useApiCall(() => api.meetings.compliance({ year }), [year])
}

export function usePlan(year: number) {
  return useApiCall(() => api.meetings.getPlan({ year }), [year])
}

/** How often the host screen asks for the code and the live count (the code changes every 15 s). */
export const HOST_POLL_MS = 3000

export interface HostCodeState {
  view: HostView | null
  error: ApiError | null
  /** Local clock minus the server's, to show the countdown in server time. */
  skewMs: number
  refresh: () => Promise<void>
}

/** Polls `meetings.hostCode` every `intervalMs` while `active`; the latest reply wins. */
export function useHostCode(meetingId: string | undefined, active: boolean, intervalMs = HOST_POLL_MS): HostCodeState {
  const [view, setView] = useState<HostView | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [skewMs, setSkew] = useState(0)
  const seq = useRef(0)
  const alive = useRef(true)

  const refresh = async (): Promise<void> => {
    if (!meetingId) return
    const mine = ++seq.current
    try {
      const v = await api.meetings.hostCode({ meetingId })
      if (!alive.current || mine !== seq.current) return
      setView(v)
      setSkew(Date.now() - Date.parse(v.serverNow))
      setError(null)
    } catch (e) {
      if (alive.current && mine === seq.current) setError(toApiError(e))
    }
  }
  const refreshRef = useRef(refresh)
  refreshRef.current = refresh

  useEffect(() => {
    alive.current = true
    return () => {
      alive.current = false
    }
  }, [])

  useEffect(() => {
    if (!meetingId || !active) return
    void refreshRef.current()
    const timer = setInterval(() => void refreshRef.current(), intervalMs)
    return () => clearInterval(timer)
  }, [meetingId, active, intervalMs])

  return { view, error, skewMs, refresh }
}
