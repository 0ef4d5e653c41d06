/** Recording the follow-up (帮扶 / 处置) of a member after a round. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useRecordFollowUp = () =>
  useAction((input: Parameters<typeof api.evaluation.recordFollowUp>[0]) => api.evaluation.recordFollowUp(input))
