/**
 * The local stand-in for CloudBase's document database: an HTTP endpoint speaking the `/admin` protocol
 * of `@cloudbase/node-sdk`, so production function code runs unchanged against it (ARCHITECTURE.md,
 * "The local cloud"). Durable on disk, with per-invocation request counters for tests and benchmarks.
 */
import crypto from 'node:crypto'
import http, { type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { cloneValue, type Doc } from './ejson'
import { DbEngine, type DbCounters, type QueryHook } from './engine'
import { DbError, duplicateWrite } from './errors'
import { invocationTagOf } from './invocation'
import { decodeOpenApiRequest, encodeOpenApiResponse, parseMultipart } from './openapi'
import { DocStore, idKey, type StoreOp } from './storage'
import { createLocalFiles } from './files'

export type { DbCounters, QueryHook, QueryShape } from './engine'
export { DEFAULT_AGGREGATE_LIMIT, DEFAULT_LIMIT, MAX_LIMIT, TRANSACTION_LIFETIME_MS } from './engine'
export { INVOCATION_HEADER, currentInvocationTag, pointSdkAt, withInvocationTag } from './invocation'
export { OpenApiSystemError } from './openapi'

export interface DbService {
  /** `http://127.0.0.1:<port>/admin` once `listen` resolved; '' while only mounted on another server. */
  url: string
  /** Serves one request; mount it on another server's `/admin` route. */
  handle(req: IncomingMessage, res: ServerResponse): void
  /** Listens on its own server (port 0 picks a free port); resolves with `url`. */
  listen(port: number, host?: string): Promise<string>
  /** Creates the collections that do not exist yet (CloudBase never creates one implicitly). */
  ensureCollections(names: readonly string[]): Promise<void>
  /** Fast seeding that bypasses HTTP: creates the collection if needed, gives `_id`s, durable on return. */
  insertMany(collection: string, docs: Record<string, unknown>[]): Promise<void>
  /** The current documents of a collection (deep copies, insertion order); [] when it does not exist. */
  dump(collection: string): Record<string, unknown>[]
  dumpAll(): Record<string, Record<string, unknown>[]>
  /** Counters of one invocation tag ('' = requests made outside any `withInvocationTag`). */
  counters(tag: string): DbCounters
  resetCounters(): void
  /** Drops every collection and document (as a fresh data directory) and aborts open transactions. */
  wipe(): Promise<void>
  /**
   * Answers `wx.openApi` calls (`cloud.openapi.subscribeMessage.send(...)` …). `api` is e.g.
   * 'subscribeMessage.send', `payload` the parameters in WeChat's snake_case, `caller.tag` the invocation tag
   * of the request (it starts with the calling function's name); the result is what WeChat's HTTP API would
   * answer (`{ errcode: 43101, errmsg }` makes the SDK throw with that errCode), or an `OpenApiSystemError`
   * for a refusal of the cloud-call layer (-604101). The host answers with the local WeChat
   * (`local/host/wechat.ts`). Without a hook every call fails with errcode -1.
   */
  onOpenApi?: (api: string, payload: unknown, caller: { tag: string }) => Promise<unknown>
  /**
   * Opt-in, local-only: called with the shape of every query outside transactions (collection, filter,
   * sort), so a test can check each one is served by an index in `cloudfunctions/_kit/indexes.ts`.
   */
  onQuery?: QueryHook
  /** Stops listening, finishes pending writes and releases the data directory. */
  close(): Promise<void>
}

/** Request bodies above this are refused (CloudBase's own limit is far lower). */
const MAX_BODY_BYTES = 64 * 1024 * 1024

/** Opens (or creates) the database kept under `<dataDir>/db/`. One process may open a directory at a time. */
export interface DbServiceOptions {
  dataDir: string
  /** Test-only: a transaction's lifetime in ms (default TRANSACTION_LIFETIME_MS, CloudBase's 30 s). */
  transactionLifetimeMs?: number
  /**
   * Test-only: every database request waits this long before it is served (default 0), to model the
   * cloud's round trip (tens of ms per request from a function) under the enforced time limits.
   */
  requestDelayMs?: number
}

export async function createDbService(opts: DbServiceOptions): Promise<DbService> {
  const store = await DocStore.open(path.join(opts.dataDir, 'db'))
  const counterMap = new Map<string, DbCounters>()
  const bump = (tag: string, field: keyof DbCounters, n: number): void => {
    let entry = counterMap.get(tag)
    if (!entry) {
      entry = { requests: 0, docsRead: 0, docsWritten: 0 }
      counterMap.set(tag, entry)
    }
    entry[field] += n
  }
  const engine = new DbEngine(store, bump, (shape) => service.onQuery?.(shape), { transactionLifetimeMs: opts.transactionLifetimeMs })
  const requestDelayMs = opts.requestDelayMs ?? 0
  // CloudBase storage as the SDK speaks to it (uploads, temp links), for `_kit/files.ts`.
  const files = createLocalFiles(opts.dataDir)
  let server: http.Server | undefined
  let closed = false

  const service: DbService = {
    url: '',

    handle(req, res) {
      void serve(req, res)
    },

    async listen(port, host = '127.0.0.1') {
      if (server) throw new Error('the database service is already listening')
      const own = http.createServer((req, res) => {
        const pathname = (req.url ?? '/').split('?')[0] ?? '/'
        if (pathname === '/admin' || pathname.startsWith('/admin/')) return service.handle(req, res)
        res.statusCode = 404
        res.end()
      })
      server = own
      await new Promise<void>((resolve, reject) => {
        own.once('error', reject)
        own.listen(port, host, () => resolve())
      })
      const address = own.address() as AddressInfo
      const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address
      service.url = `http://${hostPart}:${address.port}/admin`
      return service.url
    },

    async ensureCollections(names) {
      const missing = [...new Set(names)].filter((name) => !store.hasCollection(name))
      await store.apply(missing.map((name): StoreOp => ({ t: 'coll', c: name })))
    },

    async insertMany(collection, docs) {
      const seen = new Set<string>()
      const ops: StoreOp[] = store.hasCollection(collection) ? [] : [{ t: 'coll', c: collection }]
      for (const source of docs) {
        const doc = cloneValue(source) as Doc
        if (doc._id === undefined || doc._id === null) doc._id = crypto.randomBytes(16).toString('hex')
        const key = idKey(doc._id)
        if (seen.has(key) || store.get(collection, doc._id)) throw duplicateWrite(collection, doc._id)
        seen.add(key)
        ops.push({ t: 'put', c: collection, d: doc })
      }
      await store.apply(ops)
    },

    dump(collection) {
      return store.docs(collection).map((doc) => cloneValue(doc))
    },

    dumpAll() {
      const all: Record<string, Record<string, unknown>[]> = {}
      for (const name of store.collectionNames()) all[name] = service.dump(name)
      return all
    },

    counters(tag) {
      const entry = counterMap.get(tag)
      return entry ? { ...entry } : { requests: 0, docsRead: 0, docsWritten: 0 }
    },

    resetCounters() {
      counterMap.clear()
    },

    async wipe() {
      engine.abortAllTransactions('the database was wiped')
      await store.apply([{ t: 'wipe' }])
    },

    async close() {
      if (closed) return
      closed = true
      if (server) {
        const own = server
        server = undefined
        // The SDK keeps connections alive; drop them so close() does not wait for their idle timeout.
        own.closeAllConnections()
        await new Promise<void>((resolve) => own.close(() => resolve()))
      }
      await store.close()
    },
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = crypto.randomBytes(8).toString('hex')
    const tag = invocationTagOf(req.headers)
    // Storage (uploads, temporary links, downloads) is a service of its own, not a database request: the
    // budgets these counters check are database requests.
    let storage = false
    try {
      if (closed) throw new DbError('SYS_ERR', 'the local database service is closed')
      if (await files.serve(req, res)) {
        storage = true
        return
      }
      if (req.method !== 'POST') throw new DbError('INVALID_PARAM', `${req.method ?? ''} is not supported, use POST`)
      const body = await readBody(req)
      const contentType = String(req.headers['content-type'] ?? '')
      if (contentType.startsWith('multipart/form-data')) {
        const fields = parseMultipart(body, contentType)
        const action = fields.action?.toString('utf8')
        if (action !== 'wx.openApi') throw new DbError('INVALID_ACTION', `action ${action ?? ''} is not supported locally`)
        const api = fields.apiName?.toString('utf8') ?? ''
        const { payload } = decodeOpenApiRequest(fields.requestData ?? Buffer.alloc(0))
        const hook = service.onOpenApi
        const result = hook ? await hook(api, payload, { tag }) : { errcode: -1, errmsg: `no local handler for open API ${api}` }
        res.setHeader('content-type', 'application/octet-stream')
        res.end(encodeOpenApiResponse(result))
        return
      }
      let params: Record<string, unknown>
      try {
        params = JSON.parse(body.toString('utf8')) as Record<string, unknown>
      } catch {
        throw new DbError('INVALID_PARAM', 'request body is not JSON')
      }
      const stored = await files.action(params, req)
      if (stored) {
        storage = true
        return sendJson(res, { ...stored, requestId })
      }
      if (requestDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, requestDelayMs))
      const reply = await engine.run(String(params.action ?? ''), params, tag)
      sendJson(res, { ...reply, requestId })
    } catch (error) {
      if (error instanceof DbError) {
        sendJson(res, { code: error.code, message: error.message, requestId })
      } else {
        console.error('[local/db] request failed', error)
        sendJson(res, { code: 'DATABASE_REQUEST_FAILED', message: (error as Error)?.message ?? String(error), requestId })
      }
    } finally {
      if (!storage) bump(tag, 'requests', 1)
    }
  }

  return service
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new DbError('EXCEED_REQUEST_SIZE_LIMIT', 'request body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function sendJson(res: ServerResponse, body: unknown): void {
  if (res.headersSent) return
  const text = JSON.stringify(body)
  res.statusCode = 200
  res.setHeader('content-type', 'application/json; charset=utf-8')
  res.setHeader('content-length', Buffer.byteLength(text))
  res.end(text)
}
