/**
 * Local stand-in for CloudBase storage, as the node-sdk speaks to it: `storage.getUploadMetadata` answers
 * an upload URL on this service, the SDK PUTs the bytes there (as it would to COS), and
 * `storage.batchGetDownloadUrl` answers signed, expiring links `GET /admin/files/<path>?e=…&s=…`.
 * Files live under `<dataDir>/files/`. Production code (`cloudfunctions/_kit/files.ts`) is unchanged.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import path from 'node:path'

export const FILES_PREFIX = '/admin/files/'
const FILE_ID_PREFIX = 'cloud://local-env.local-bucket/'
const MAX_FILE_BYTES = 50 * 1024 * 1024
/** `getTempFileURL` / `storage.batchGetDownloadUrl`: file ids per request CloudBase accepts. */
export const MAX_LINKS_PER_REQUEST = 50

const TYPES: Record<string, string> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
}

/** A cloud path is kept as-is when it is a plain relative path; anything else is refused. */
const safeKey = (cloudPath: string): string | null => {
  const key = cloudPath.replace(/^\/+/, '')
  if (key === '' || key.length > 500 || key.split('/').some((p) => p === '' || p === '.' || p === '..') || /[\\\0]/.test(key)) return null
  return key
}

export interface LocalFiles {
  /** Answers a `storage.*` action (JSON body), or null if the action is not a storage one. */
  action(params: Record<string, unknown>, req: IncomingMessage): Promise<Record<string, unknown> | null>
  /** Serves `PUT` (upload) and `GET` (download) under `/admin/files/`; false if the path is not ours. */
  serve(req: IncomingMessage, res: ServerResponse): Promise<boolean>
}

export function createLocalFiles(dataDir: string): LocalFiles {
  const root = path.join(dataDir, 'files')
  // Links are signed with a per-process secret, like COS temp URLs: they stop working after a restart.
  const secret = crypto.randomBytes(16)
  const sign = (key: string, expires: number) => crypto.createHmac('sha256', secret).update(`${key}\n${expires}`).digest('hex').slice(0, 32)
  const baseUrl = (req: IncomingMessage) => `http://${req.headers.host ?? '127.0.0.1'}`
  const encodeKey = (key: string) => key.split('/').map(encodeURIComponent).join('/')

  return {
    async action(params, req) {
      const action = String(params.action ?? '')
      if (!action.startsWith('storage.')) return null
      if (action === 'storage.getUploadMetadata') {
        const key = safeKey(String(params.path ?? ''))
        if (!key) return { code: 'INVALID_PARAM', message: 'invalid cloud path' }
        const expires = Date.now() + 10 * 60_000
        return {
          data: {
            url: `${baseUrl(req)}${FILES_PREFIX}${encodeKey(key)}?e=${expires}&s=${sign(`put:${key}`, expires)}`,
            token: 'local',
            authorization: 'local',
            fileId: FILE_ID_PREFIX + key,
            cosFileId: crypto.createHash('sha1').update(key).digest('hex'),
            download_url: '',
          },
        }
      }
      if (action === 'storage.batchGetDownloadUrl') {
        const list = Array.isArray(params.file_list) ? (params.file_list as { fileid?: unknown; max_age?: unknown }[]) : []
        // CloudBase answers at most 50 links per request (the node-sdk's storage tests expect INVALID_PARAM
        // beyond that; docs/PITFALLS.md "Verified 2026-12-07"): callers chunk.
        if (list.length > MAX_LINKS_PER_REQUEST) {
          return { code: 'INVALID_PARAM', message: `file_list 最多 ${MAX_LINKS_PER_REQUEST} 个文件 (at most ${MAX_LINKS_PER_REQUEST} file ids per request, got ${list.length})` }
        }
        const download_list = list.map((f) => {
          const fileID = String(f.fileid ?? '')
          const key = fileID.startsWith(FILE_ID_PREFIX) ? safeKey(fileID.slice(FILE_ID_PREFIX.length)) : null
          if (!key || !fs.existsSync(path.join(root, key))) return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' }
          const maxAge = Math.min(Math.max(Number(f.max_age) || 600, 1), 86_400)
          const expires = Date.now() + maxAge * 1000
          return { fileID, tempFileURL: `${baseUrl(req)}${FILES_PREFIX}${encodeKey(key)}?e=${expires}&s=${sign(`get:${key}`, expires)}`, code: 'SUCCESS' }
        })
        return { data: { download_list } }
      }
      if (action === 'storage.batchDeleteFile') {
        const ids = Array.isArray(params.fileid_list) ? (params.fileid_list as unknown[]).map(String) : []
        const delete_list = await Promise.all(
          ids.map(async (fileID) => {
            const key = fileID.startsWith(FILE_ID_PREFIX) ? safeKey(fileID.slice(FILE_ID_PREFIX.length)) : null
            if (key) await fsp.rm(path.join(root, key), { force: true })
            return { fileID, code: key ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' }
          }),
        )
        return { data: { delete_list } }
      }
      return { code: 'INVALID_ACTION', message: `storage action ${action} is not supported locally` }
    },

    async serve(req, res) {
      const url = new URL(req.url ?? '/', 'http://local')
      if (!url.pathname.startsWith(FILES_PREFIX)) return false
      const key = safeKey(decodeURIComponent(url.pathname.slice(FILES_PREFIX.length)))
      const expires = Number(url.searchParams.get('e'))
      const method = req.method === 'PUT' ? 'put' : 'get'
      const fail = (status: number, text: string) => {
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
        res.end(text)
        return true
      }
      if (req.method !== 'PUT' && req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'method not allowed')
      if (!key || !(expires > Date.now()) || url.searchParams.get('s') !== sign(`${method}:${key}`, expires)) return fail(403, '链接已失效')
      const file = path.join(root, key)
      if (method === 'put') {
        const chunks: Buffer[] = []
        let size = 0
        for await (const chunk of req) {
          size += (chunk as Buffer).length
          if (size > MAX_FILE_BYTES) return fail(413, 'too large')
          chunks.push(chunk as Buffer)
        }
        await fsp.mkdir(path.dirname(file), { recursive: true })
        const tmp = `${file}.${crypto.randomBytes(4).toString('hex')}.tmp`
        await fsp.writeFile(tmp, Buffer.concat(chunks))
        await fsp.rename(tmp, file)
        // COS answers an empty body on success; the SDK reads an XML <Error> otherwise.
        res.writeHead(200, { 'content-length': '0' })
        res.end()
        return true
      }
      if (!fs.existsSync(file)) return fail(404, '文件不存在')
      const body = await fsp.readFile(file)
      const name = path.basename(key)
      res.writeHead(200, {
        'content-type': TYPES[path.extname(name).toLowerCase()] ?? 'application/octet-stream',
        'content-length': String(body.length),
        'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
        'cache-control': 'no-store',
      })
      res.end(req.method === 'HEAD' ? undefined : body)
      return true
    },
  }
}
