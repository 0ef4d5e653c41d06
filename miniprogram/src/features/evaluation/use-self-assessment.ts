/** The 自评 page: uploading the attachment picture and submitting the text with the attachment kept. */
import { api } from '@/services/api'
import { useAction } from '../common/use-action'
import { usePictureUpload } from '../common/use-picture-upload'

export const useUploadSelfAttachment = (roundId: string) => usePictureUpload((picture) => api.evaluation.uploadAttachment({ roundId, ...picture }))

export const useSubmitSelfAssessment = (roundId: string, attachment: { name: string; fileId: string } | null) =>
  useAction((text: string) =>
    api.evaluation.submitSelfAssessment({ roundId, text, attachment: attachment ? { name: attachment.name, fileId: attachment.fileId } : null }),
  )
