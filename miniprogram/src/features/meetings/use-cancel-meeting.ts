/** Cancelling a meeting, with the reason given. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useCancelMeeting = (meetingId: string) => useAction((reason: string) => api.meetings.cancelMeeting({ meetingId, reason }))
