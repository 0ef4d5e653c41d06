/**
 * Data hooks for 民主评议: the member's round (ballot, own 自评, vote state, own result), the branch's
 * rounds, the 支委's live view (polled while voting runs, so turnout moves on its own) and the 组织评定.
 */
import { useEffect } from 'react'
import { api } from '@/services/api'
import type { Assessment, MemberRound, RoundAdmin, RoundSummary } from '@shared/contract/evaluation'
import { useApiCall, type ApiCallState } from '../common/use-api-call'

export function useMyRound(roundId?: string): ApiCallState<{ round: MemberRound | null }> {
  return useApiCall(() => api.evaluation.getRound(roundId ? { roundId } : {}), [roundId])
}

export function useRounds(enabled = true): ApiCallState<{ rounds: RoundSummary[] }> {
  return useApiCall(enabled ? () => api.evaluation.listRounds({}) : null, [])
}

/** How often the live view refreshes while voting runs. */
export const TURNOUT_POLL_MS = 5000

export function useRoundAdmin(roundId?: string, enabled = true): ApiCallState<{ round: RoundAdmin | null }> {
  const state = useApiCall(enabled ? () => api.evaluation.getRoundAdmin(roundId ? { roundId } : {}) : null, [roundId])
  const live = state.data?.round?.status === 'open'
  const { reload } = state
  useEffect(() => {
    if (!live) return undefined
    const timer = setInterval(() => void reload(), TURNOUT_POLL_MS)
    return () => clearInterval(timer)
  }, [live, reload])
  return state
}

export function useTally(roundId: string | undefined): ApiCallState<Assessment> {
  return useApiCall(roundId ? () => api.evaluation.getTally({ roundId }) : null, [roundId])
}

