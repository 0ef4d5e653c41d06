/** Reviewing declared 积分: one entry, or a batch from the queue. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useReviewEntry = () => useAction(api.points.reviewEntry)
export const useReviewBatch = () => useAction(api.points.reviewBatch)
