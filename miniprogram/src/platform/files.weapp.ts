/**
 * Files in WeChat: picking a screenshot (chooseMedia, compressed) or a spreadsheet from a chat
 * (chooseMessageFile) as base64 — sent inside an action's input, so small files only —, downloading an
 * export with progress and opening it in the document viewer (forward / save from there).
 */
import Taro from '@tarojs/taro'
import type { PickedFile, PickedImage } from './types'

const readBase64 = (path: string): string => Taro.getFileSystemManager().readFileSync(path, 'base64') as string

/** Pick one image (a payment screenshot), compressed; null if cancelled. */
export async function pickImage(): Promise<PickedImage | null> {
  try {
    const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    const path = res.tempFiles[0]?.tempFilePath
    if (!path) return null
    const small = await Taro.compressImage({ src: path, quality: 60 }).then((r) => r.tempFilePath).catch(() => path)
    const isPng = /\.png$/i.test(small)
    return { type: isPng ? 'png' : 'jpg', base64: readBase64(small), previewUrl: small }
  } catch {
    return null
  }
}

/** Pick one spreadsheet (.xlsx) from a chat; null if cancelled. */
export async function pickSpreadsheet(): Promise<PickedFile | null> {
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] })
    const f = res.tempFiles[0]
    if (!f) return null
    return { name: f.name, size: f.size, base64: readBase64(f.path) }
  } catch {
    return null
  }
}

/** Download a file from a temporary link and open it in the document viewer. `onProgress` gets 0–100. */
export async function downloadAndOpen(url: string, _fileName: string, onProgress: (percent: number) => void): Promise<void> {
  const task = Taro.downloadFile({ url })
  task.onProgressUpdate((p) => onProgress(p.progress))
  const res = await task
  if (res.statusCode !== 200) throw new Error(`下载失败（${res.statusCode}）`)
  onProgress(100)
  await Taro.openDocument({ filePath: res.tempFilePath, fileType: 'xlsx', showMenu: true })
}

/** Show an image full screen (a screenshot attached to a report). */
export function previewImage(url: string): void {
  void Taro.previewImage({ urls: [url], current: url })
}
