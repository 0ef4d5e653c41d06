/** What the home page's 积分 to-do card reads: the member's year (when bound) and the pending queue (for reviewers). */
import { api } from '@/services/api'
import { useApiCall } from '../common/use-api-call'

export function usePointsTodo(bound: boolean, reviewer: boolean, year: number) {
  const overview = useApiCall(bound ? () => api.points.overview({ year }) : null, [bound, year])
  const queue = useApiCall(reviewer ? () => api.points.reviewQueue({ status: 'pending' }) : null, [reviewer])
  return { overview, queue }
}
