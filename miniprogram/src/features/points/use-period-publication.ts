/** A period's 公示 for the 支委: publishing it, answering objections and finalising it. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const usePublishPeriod = () => useAction(api.points.publishPeriod)
export const useAnswerObjection = () => useAction(api.points.answerObjection)
export const useFinalisePeriod = () => useAction(api.points.finalisePeriod)
