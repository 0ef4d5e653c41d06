/**
 * Data hooks of the 书记 workbench: the dashboard, the 上级 overview, talks, 学时 and the self-assessment,
 * each one API call through `useApiCall` (loading / error / reload), and the mutations through `useAction`.
 */
import { api } from '@/services/api'
import { useApiCall } from '../common/use-api-call'
import { useAction } from '../common/use-action'

export const useDashboard = (branchId: string | undefined, year: number) =>
  useApiCall(() => api.workbench.dashboard({ branchId, year }), [branchId, year])

export const useOverview = (year: number) => useApiCall(() => api.workbench.overview({ year }), [year])

export const useTalks = (year: number) => useApiCall(() => api.workbench.listTalks({ year }), [year])

export const useStudy = (year: number, memberId?: string) => useApiCall(() => api.workbench.listStudy({ year, memberId }), [year, memberId])

export const useStandard = (branchId: string | undefined, year: number) =>
  useApiCall(() => api.workbench.standard({ branchId, year }), [branchId, year])

export const useRecordTalk = () => useAction((input: Parameters<typeof api.workbench.recordTalk>[0]) => api.workbench.recordTalk(input))
export const useRemoveTalk = () => useAction((talkId: string) => api.workbench.removeTalk({ talkId }))
export const useRecordStudy = () => useAction((input: Parameters<typeof api.workbench.recordStudy>[0]) => api.workbench.recordStudy(input))
export const useRemoveStudy = () => useAction((recordId: string) => api.workbench.removeStudy({ recordId }))
export const useScoreItem = () => useAction((input: Parameters<typeof api.workbench.scoreItem>[0]) => api.workbench.scoreItem(input))
export const useUploadAttachment = () =>
  useAction((input: Parameters<typeof api.workbench.uploadAttachment>[0]) => api.workbench.uploadAttachment(input))
