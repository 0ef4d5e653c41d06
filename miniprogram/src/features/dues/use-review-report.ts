/** Confirming or refusing a member's reported payment. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useReviewReport = () => useAction(api.dues.reviewReport)
