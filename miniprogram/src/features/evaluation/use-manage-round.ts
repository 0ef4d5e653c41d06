/** The round-management page's actions: closing voting, publishing results and exporting a sheet to a file. */
import type { EXPORT_KIND_LABELS } from '@shared/contract/evaluation'
import { saveBase64File } from '@/platform/files'
import { api } from '@/services/api'
import { useAction } from '../common/use-action'

export const useCloseRound = () => useAction((roundId: string) => api.evaluation.closeRound({ roundId }))

export const usePublishResults = () => useAction((roundId: string) => api.evaluation.publishResults({ roundId }))

/** Builds the .xlsx on the server and saves it on the phone; resolves with whether it was saved. */
export const useExportRound = (save: typeof saveBase64File = saveBase64File) =>
  useAction(async (roundId: string, kind: keyof typeof EXPORT_KIND_LABELS) => {
    const file = await api.evaluation.exportXlsx({ roundId, kind })
    return save(file.fileName, file.base64, file.mimeType)
  })
