/** Confirming that the member has made up (补学) a meeting they missed. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useConfirmMakeup = (meetingId: string) => useAction(() => api.meetings.confirmMakeup({ meetingId }))
