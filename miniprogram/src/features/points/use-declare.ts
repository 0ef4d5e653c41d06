/** Declaring 积分: submitting, changing or withdrawing an entry, uploading its photos, and loading one to edit. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'
import { useApiCall } from '../common/use-api-call'
import { usePictureUpload } from '../common/use-picture-upload'

export const useSubmitEntry = () => useAction(api.points.submitEntry)
export const useUpdateEntry = () => useAction(api.points.updateEntry)
export const useWithdrawEntry = () => useAction(api.points.withdrawEntry)
export const useUploadEntryPhoto = () => usePictureUpload(api.points.uploadPhoto)

/** One entry (`null` waits: nothing to load). */
export const usePointsEntry = (entryId: string | null) => useApiCall(entryId !== null ? () => api.points.getEntry({ entryId }) : null, [entryId])
