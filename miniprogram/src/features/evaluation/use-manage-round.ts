/** The round-management page's actions: closing voting, publishing results and exporting a sheet to a file. */
import type { EXPORT_KIND_LABELS } from '@shared/contract/evaluation'
import { downloadAndOpen } from '@/platform/files'
import { api } from '@/services/api'
import { ApiError } from '@/services/client'
import { useAction } from '../common/use-action'

export const useCloseRound = () => useAction((roundId: string) => api.evaluation.closeRound({ roundId }))

export const usePublishResults = () => useAction((roundId: string) => api.evaluation.publishResults({ roundId }))

/**
 * Builds the .xlsx on the server, then downloads its temporary link and opens it (the platform's
 * `downloadAndOpen`, as the 党费 and 台账 exports do); resolves with true once it is open. A failed download
 * keeps its own message (下载失败…).
 */
export const useExportRound = (download: typeof downloadAndOpen = downloadAndOpen) =>
  useAction(async (roundId: string, kind: keyof typeof EXPORT_KIND_LABELS) => {
    const file = await api.evaluation.exportXlsx({ roundId, kind })
    try {
      await download(file.url, file.fileName, () => undefined)
    } catch (e) {
      throw e instanceof ApiError || !(e instanceof Error) ? e : new ApiError('INTERNAL', e.message)
    }
    return true
  })
