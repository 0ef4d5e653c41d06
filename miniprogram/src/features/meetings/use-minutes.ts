/**
 * The minutes page's actions: uploading a photo, saving the minutes as written (trimmed; empty resolutions
 * dropped; 列席 count clamped to 0…500) and, when submitting, locking them after the save; and adding a
 * correction to locked minutes.
 */
import type { CORRECTION_FIELDS } from '@shared/contract/meetings'
import { api } from '@/services/api'
import { useAction } from '../common/use-action'
import { usePictureUpload } from '../common/use-picture-upload'

export interface MinutesDraft {
  content: string
  resolutions: readonly string[]
  photos: readonly { fileId: string; name: string }[]
  /** The 列席 count as typed. */
  guests: string
}

export const useUploadMinutesPhoto = (meetingId: string) => usePictureUpload((picture) => api.meetings.uploadPhoto({ meetingId, ...picture }))

export const useSaveMinutes = (meetingId: string, draft: MinutesDraft) =>
  useAction((submit: boolean) =>
    api.meetings
      .saveMinutes({
        meetingId,
        minutes: {
          content: draft.content.trim(),
          resolutions: draft.resolutions.map((r) => r.trim()).filter((r) => r !== ''),
          photos: draft.photos.map((p) => ({ fileId: p.fileId, name: p.name })),
          inviteesPresent: Math.max(0, Math.min(500, Number(draft.guests) || 0)),
        },
      })
      .then((saved) => (submit ? api.meetings.submitMinutes({ meetingId }) : saved)),
  )

export const useAddCorrection = (meetingId: string, field: (typeof CORRECTION_FIELDS)[number], text: string, reason: string) =>
  useAction(() => api.meetings.addCorrection({ meetingId, field, text: text.trim(), reason: reason.trim() }))
