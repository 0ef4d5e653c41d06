/** The branch's members (or one 党小组's) for pickers: the first ROSTER_LIMIT, through useApiCall. */
import { api } from '@/services/api'
import { useApiCall } from '../common/use-api-call'
import { ROSTER_LIMIT } from './use-org'

export const useRoster = (groupId?: string) =>
  useApiCall(() => api.org.listMembers(groupId ? { groupId, page: { limit: ROSTER_LIMIT } } : { page: { limit: ROSTER_LIMIT } }), [groupId])
