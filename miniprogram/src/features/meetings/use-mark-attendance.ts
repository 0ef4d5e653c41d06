/** The recorder's checklist: marking a member present (on site, by the recorder, or remote). */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useMarkAttendance = (meetingId: string | undefined) =>
  useAction((memberId: string, via: 'recorder' | 'remote') => api.meetings.markAttendance({ meetingId: meetingId ?? '', memberId, via }))
