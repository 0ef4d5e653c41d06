/** Opening a 民主评议 round (errors stay inline on the form). */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useOpenRound = () => useAction((input: Parameters<typeof api.evaluation.openRound>[0]) => api.evaluation.openRound(input), { toast: false })
