/** Saving the meeting form: updates the meeting when `meetingId` is given, creates a new one otherwise. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export type MeetingFields = Parameters<typeof api.meetings.createMeeting>[0]['fields']

export const useSaveMeeting = (meetingId: string | undefined) =>
  useAction((fields: MeetingFields) => (meetingId ? api.meetings.updateMeeting({ meetingId, fields }) : api.meetings.createMeeting({ fields })))
