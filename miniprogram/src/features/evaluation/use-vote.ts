/** Casting the ballot: the member's selections over the ballot's members, sent as one row per member. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'
import { ballotRows, type Selections } from './ballot'

export const useVote = (roundId: string, memberIds: readonly string[], selections: Selections) =>
  useAction(() => api.evaluation.vote({ roundId, rows: ballotRows(memberIds, selections) }))
