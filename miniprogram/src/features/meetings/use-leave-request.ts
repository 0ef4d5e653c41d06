/** Asking for leave from a meeting, with the reason the member typed. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useRequestLeave = (meetingId: string) => useAction((reason: string) => api.meetings.requestLeave({ meetingId, reason }))
