/**
 * File storage behind a small port: put a file, get a temporary download link. The one adapter uses the
 * CloudBase SDK (`uploadFile` / `getTempFileURL`), so in the cloud files land in the environment's
 * storage; locally the same SDK requests reach the local backend (TCB_CONTEXT_CNFG), which keeps files on
 * disk and serves the links — production code runs unchanged and holds no local path.
 */
import tcb from '@cloudbase/node-sdk'
import { AppError } from '@shared/contract/errors'
import { beijingDate } from '@shared/rules/time'
import { newId } from './ids'
import { assertImage } from './image-check'

export interface FileStore {
  /** Stores `content` at `cloudPath` (no leading slash); returns the file id. */
  put(cloudPath: string, content: Buffer): Promise<string>
  /** Temporary download links (valid `maxAgeSeconds`), by file id, for any number of ids; missing files are absent. */
  tempUrls(fileIds: readonly string[], maxAgeSeconds: number): Promise<Map<string, string>>
}

// The SDK's storage results are loosely typed; we read only the fields documented for them.
interface UrlItem {
  fileID?: string
  fileid?: string
  tempFileURL?: string
  download_url?: string
  code?: string
}

/** File ids per `getTempFileURL` call: CloudBase refuses more than 50 (docs/PITFALLS.md "Verified 2026-12-07"). */
export const TEMP_URL_BATCH = 50

let app: ReturnType<typeof tcb.init> | null = null
const sdk = (): ReturnType<typeof tcb.init> => (app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }))

const failed = (what: string, e: unknown): AppError => {
  console.error(JSON.stringify({ level: 'error', scope: 'files', msg: what, message: e instanceof Error ? e.message : String(e) }))
  return new AppError('INTERNAL', '文件服务暂时不可用，请稍后再试')
}

export const cloudFiles = (): FileStore => ({
  async put(cloudPath, content) {
    let res: { fileID?: string; code?: string; message?: string }
    try {
      res = (await sdk().uploadFile({ cloudPath, fileContent: content })) as typeof res
    } catch (e) {
      throw failed('upload failed', e)
    }
    if (!res.fileID) throw failed('upload answered no fileID', res.message ?? res.code)
    return res.fileID
  },
  async tempUrls(fileIds, maxAgeSeconds) {
    const out = new Map<string, string>()
    const unique = [...new Set(fileIds)]
    if (unique.length === 0) return out
    // CloudBase answers at most TEMP_URL_BATCH ids per call (INVALID_PARAM beyond): chunks, in parallel.
    const chunks: string[][] = []
    for (let i = 0; i < unique.length; i += TEMP_URL_BATCH) chunks.push(unique.slice(i, i + TEMP_URL_BATCH))
    const replies = await Promise.all(
      chunks.map(async (chunk) => {
        let res: { fileList?: UrlItem[]; code?: string; message?: string }
        try {
          res = (await sdk().getTempFileURL({ fileList: chunk.map((fileID) => ({ fileID, maxAge: maxAgeSeconds })) })) as typeof res
        } catch (e) {
          throw failed('temp url failed', e)
        }
        // node-sdk 3.18 throws a refused request (INVALID_PARAM …); a `{ code, message }` answer is a refusal too.
        if (res.code) throw failed('temp url refused', `${res.code}: ${res.message ?? ''}`)
        return res
      }),
    )
    for (const res of replies) {
      for (const item of res.fileList ?? []) {
        const id = item.fileID ?? item.fileid
        const url = item.tempFileURL ?? item.download_url
        if (id && url && (item.code === undefined || item.code === 'SUCCESS')) out.set(id, url)
      }
    }
    return out
  },
})

let current: FileStore | null = null
/** The file store of this process (one adapter; tests may swap it with `setFileStore`). */
export const files = (): FileStore => (current ??= cloudFiles())
export const setFileStore = (store: FileStore | null): void => {
  current = store
}

/**
 * Decodes a base64 upload and checks its first bytes, so a renamed file of another type is refused; a
 * picture is then checked whole (`image-check.ts`: it parses to its end, with nothing after it).
 */
export function decodeUpload(base64: string, kind: 'jpg' | 'png' | 'xlsx', maxBytes: number): Buffer {
  const buf = Buffer.from(base64, 'base64')
  if (buf.length === 0) throw new AppError('INVALID_INPUT', '文件内容为空')
  if (buf.length > maxBytes) throw new AppError('INVALID_INPUT', `文件过大，请不超过${Math.floor(maxBytes / 1024)}KB`)
  const magic: Record<typeof kind, number[]> = { jpg: [0xff, 0xd8, 0xff], png: [0x89, 0x50, 0x4e, 0x47], xlsx: [0x50, 0x4b, 0x03, 0x04] }
  if (!magic[kind].every((b, i) => buf[i] === b)) {
    throw new AppError('INVALID_INPUT', kind === 'xlsx' ? '请上传 .xlsx 格式的 Excel 文件' : '图片应为 JPG 或 PNG 格式')
  }
  if (kind !== 'xlsx') assertImage(buf, kind)
  return buf
}

/**
 * Whether a stored file id (`cloud://<env>/<path>`) sits directly in `folder` (a path ending in `/`): how a
 * record checks it names only files uploaded for it (a meeting's 纪实 photos, a member's 自评 picture).
 */
export const inFolder = (fileId: string, folder: string): boolean => {
  const path = fileId.replace(/^cloud:\/\/[^/]+\//, '')
  const name = path.slice(folder.length)
  return path.startsWith(folder) && name !== '' && !name.includes('/') && !name.startsWith('.')
}

/** How long a picture link in a view stays valid (the page shows it at once; a reload asks again). */
export const PICTURE_LINK_SECONDS = 3600

/**
 * One uploaded picture, end to end: the bytes checked (`decodeUpload`), stored as
 * `<folder><yyyymmdd>-<random>.<ext>` (`folder` ends in `/`) and a link to show it at once.
 */
export async function storeImage(
  folder: string,
  upload: { ext: 'jpg' | 'png'; base64: string },
  maxBytes: number,
  now: Date,
): Promise<{ fileId: string; name: string; url: string | null }> {
  const content = decodeUpload(upload.base64, upload.ext, maxBytes)
  const name = `${beijingDate(now).replace(/-/g, '')}-${newId('f').slice(2)}.${upload.ext}`
  const fileId = await files().put(`${folder}${name}`, content)
  const urls = await files().tempUrls([fileId], PICTURE_LINK_SECONDS)
  return { fileId, name, url: urls.get(fileId) ?? null }
}
