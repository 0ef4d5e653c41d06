/**
 * "添加照片" for any upload action: pick one picture (compressed on the phone), send it, and resolve with
 * what the server stored — shown at once with the server's link, or the local preview if none came back.
 * Failures show the server's message (`useAction`); a cancelled pick resolves null.
 */
import { pickImage } from '@/platform/files'
import { useAction } from './use-action'

export interface PictureUpload<T> {
  /** Pick and upload; null when the user cancelled or the upload failed. */
  add: () => Promise<T | null>
  pending: boolean
}

export function usePictureUpload<T extends { url: string | null }>(upload: (picture: { ext: 'jpg' | 'png'; base64: string }) => Promise<T>): PictureUpload<T> {
  const action = useAction(upload)
  const add = async (): Promise<T | null> => {
    const picked = await pickImage()
    if (!picked) return null
    const stored = await action.run({ ext: picked.type, base64: picked.base64 })
    return stored ? { ...stored, url: stored.url ?? picked.previewUrl } : null
  }
  return { add, pending: action.pending }
}
