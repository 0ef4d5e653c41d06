/** Approving or refusing a leave request, with the optional note (blank means none). */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useDecideLeave = (leaveId: string, note: string) =>
  useAction((approve: boolean) => api.meetings.decideLeave({ leaveId, approve, note: note.trim() || undefined }))
