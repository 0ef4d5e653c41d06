/**
 * The local function host: one HTTP port serving the database service (`/admin`, where the real SDKs
 * are pointed), the functions (`POST /api/<fn>` → `main(event, fabricatedContext)`), the H5 build with a
 * "本地演示环境" banner, and local-only pages (`/dev/login`, `/dev/clock`, `/dev/outbox`, `/dev/messages`).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { DbService } from '../db'
import { clock } from '../clock'
import { functionNames, loadMain } from './functions'
import { invokeFunction, isFunctionTimeout } from './invoke'
import { loginPage, sessionLabel } from './dev-pages'
import { outboxPage } from './outbox-page'
import { startTimers, type Timers } from './timers'
import { createLocalWechat, type LocalWechat } from './wechat'

export interface HostOptions {
  db: DbService
  mode: 'bundle' | 'source'
  /** Folder of the H5 build to serve at `/`. */
  h5Dir?: string
  /** Run the functions' timer triggers (croner, Beijing time). */
  timers?: boolean
  /** WeChat's side of subscribe messages (accepts, refusals); default: a fresh one in memory. */
  wechat?: LocalWechat
  /** Test-only: a function's timeout in ms instead of its `config.json` "timeout" (`invoke.ts`). */
  timeoutMs?: (fn: string) => number | undefined
}

/** A WeChat open-API call (subscribe message …) the local WeChat accepted, captured instead of delivered. */
export interface OutboxEntry {
  api: string
  payload: unknown
  at: string
}

export interface Host {
  server: Server
  outbox: OutboxEntry[]
  wechat: LocalWechat
  listen(port: number, host?: string): Promise<string>
  invoke(fn: string, action: string, input: unknown, openid: string | null, tag?: string): Promise<unknown>
  runTimers(): Promise<void>
  close(): Promise<void>
}

const COOKIE = 'zhibu_openid'
const MAX_BODY = 6 * 1024 * 1024 // CloudBase's request limit

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        reject(new Error('body too large'))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })

const cookieOpenid = (req: IncomingMessage): string | null => {
  const m = /(?:^|;\s*)zhibu_openid=([A-Za-z0-9_-]{1,64})/.exec(req.headers.cookie ?? '')
  return m?.[1] ?? null
}

/** Local-only: tests and the benchmark may name the caller in a header instead of a cookie. */
const headerOpenid = (req: IncomingMessage): string | null => {
  const v = req.headers['x-zhibu-openid']
  return typeof v === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(v) ? v : null
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

const banner = (who: string) => `
<div id="zhibu-local-banner" style="position:fixed;top:0;left:0;right:0;z-index:99999;height:26px;line-height:26px;
  background:#fff7e6;color:#ad4e00;font-size:13px;text-align:center;border-bottom:1px solid #ffd591;font-family:sans-serif">
  本地演示环境 · ${who} · <a href="/dev/login" style="color:#c41d0f">切换身份</a>
</div><style>body{padding-top:26px!important;box-sizing:border-box}</style>`

export const createHost = async (opts: HostOptions): Promise<Host> => {
  const { db } = opts
  let seq = 0
  const names = new Set(functionNames())
  const outbox: OutboxEntry[] = []
  // WeChat refuses what it refuses (permission, openid, template, field values, no accept left); only what it
  // accepts reaches the outbox (/dev/outbox, /dev/messages).
  const wechat = opts.wechat ?? createLocalWechat()
  db.onOpenApi = async (api, payload, caller) => {
    const answer = await wechat.answer(api, payload, caller)
    if ('errcode' in answer && answer.errcode === 0) outbox.push({ api, payload, at: new Date().toISOString() })
    return answer
  }

  // Every invocation runs under its function's configured timeout, as SCF runs it.
  const run = (fn: string, event: unknown, openid: string | null, tag: string) =>
    invokeFunction({ fn, main: loadMain(fn, opts.mode), event, openid, tag, timeoutMs: opts.timeoutMs?.(fn) })

  const invoke = async (fn: string, action: string, input: unknown, openid: string | null, tag?: string) => {
    const t = tag ?? `${fn}.${action}#${++seq}`
    const out = await run(fn, { action, input }, openid, t)
    wechat.observe(fn, action, openid, out)
    return out
  }

  let timers: Timers | null = null
  const runTimers = async () => {
    await timers?.runAll()
  }

  const serveStatic = (req: IncomingMessage, res: ServerResponse, path: string) => {
    const dir = opts.h5Dir
    if (!dir || !existsSync(join(dir, 'index.html'))) {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8' })
      res.end('<h1>H5 尚未构建</h1><p>请运行 <code>npm run build:h5</code>。</p>')
      return
    }
    const rel = normalize(decodeURIComponent(path)).replace(/^(\.\.[/\\])+/, '')
    let file = join(dir, rel)
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html')
    if (file.endsWith('index.html')) {
      const openid = cookieOpenid(req)
      if (!openid) {
        res.writeHead(302, { location: '/dev/login' })
        res.end()
        return
      }
      const html = readFileSync(file, 'utf8').replace(/<body([^>]*)>/, `<body$1>${banner(sessionLabel(db, openid))}`)
      res.writeHead(200, { 'content-type': TYPES['.html'] as string, 'cache-control': 'no-store' })
      res.end(html)
      return
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'max-age=60' })
    res.end(readFileSync(file))
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://local')
      const path = url.pathname
      try {
        if (path === '/admin' || path.startsWith('/admin/')) return db.handle(req, res)

        const api = /^\/api\/([a-z][a-z0-9-]{0,30})$/.exec(path)
        if (api && req.method === 'POST') {
          const fn = api[1] as string
          if (!names.has(fn)) return json(res, 404, { ok: false, error: { code: 'NOT_FOUND', message: '没有该云函数' } })
          let event: unknown
          try {
            event = JSON.parse(await readBody(req))
          } catch {
            return json(res, 200, { ok: false, error: { code: 'INVALID_INPUT', message: '请求格式不正确' } })
          }
          const e = (typeof event === 'object' && event !== null ? event : {}) as { action?: unknown; input?: unknown; Type?: unknown }
          // This is the mini-program's transport (callFunction); timer events come only from the host's own
          // triggers, never from a page, signed in or not.
          if (e.Type === 'Timer') return json(res, 200, { ok: false, error: { code: 'INVALID_INPUT', message: '请求格式不正确' } })
          const action = typeof e.action === 'string' ? e.action : '?'
          const t = `${fn}.${action}#${++seq}`
          const openid = headerOpenid(req) ?? cookieOpenid(req)
          let out: unknown
          try {
            out = await run(fn, event, openid, t)
          } catch (err) {
            // A timed-out call fails for the caller (wx.cloud.callFunction rejects); H5 gets an error envelope.
            if (!isFunctionTimeout(err)) throw err
            console.error(`[host] ${t}: ${err.code} ${err.message}`)
            return json(res, 200, { ok: false, error: { code: 'INTERNAL', message: '服务响应超时，请稍后再试', details: { cause: err.code } } })
          }
          // The member opened the app (WeChat knows the openid); on H5 the platform adapter accepts every
          // subscribe request, and the accepts the app reports are the ones WeChat recorded.
          wechat.observe(fn, action, openid, out)
          return json(res, 200, out)
        }

        if (path === '/dev/login') {
          if (req.method === 'POST') {
            const form = new URLSearchParams(await readBody(req))
            let openid = form.get('openid') ?? ''
            if (openid === 'new') openid = `dev_new_${randomBytes(4).toString('hex')}`
            if (!/^[A-Za-z0-9_-]{1,64}$/.test(openid)) return json(res, 400, { error: 'bad openid' })
            res.writeHead(303, { 'set-cookie': `${COOKIE}=${openid}; Path=/; SameSite=Lax`, location: '/' })
            return res.end()
          }
          res.writeHead(200, { 'content-type': TYPES['.html'] as string, 'cache-control': 'no-store' })
          return res.end(loginPage(db))
        }
        if (path === '/dev/session') return json(res, 200, { openid: cookieOpenid(req) })
        if (path === '/dev/clock') {
          if (req.method === 'POST') {
            const body = JSON.parse((await readBody(req)) || '{}') as { set?: string; reset?: boolean; runTimers?: boolean }
            if (body.reset) clock.reset()
            else if (body.set) clock.set(body.set)
            if (body.runTimers !== false) await runTimers()
          }
          return json(res, 200, { now: new Date().toISOString(), offsetMs: clock.offset() })
        }
        if (path === '/dev/outbox') return json(res, 200, { messages: outbox })
        if (path === '/dev/messages') {
          const users = db.dump('users') as { _id: string; name?: string }[]
          const nameOf = (openid: string) => users.find((u) => u._id === openid)?.name ?? '未绑定的微信用户'
          res.writeHead(200, { 'content-type': TYPES['.html'] as string, 'cache-control': 'no-store' })
          return res.end(outboxPage(outbox, nameOf, new Date().toISOString()))
        }
        return serveStatic(req, res, path)
      } catch (err) {
        console.error('[host]', err)
        if (!res.headersSent) json(res, 500, { ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后再试' } })
      }
    })()
  })

  // Timer runs are invocations of their function too (the tag tells the local WeChat who is calling).
  if (opts.timers) timers = startTimers((fn, event) => run(fn, event, null, `${fn}.timer#${++seq}`))

  return {
    server,
    outbox,
    wechat,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          const addr = server.address()
          resolve(`http://${host}:${typeof addr === 'object' && addr ? addr.port : port}`)
        })
      }),
    invoke,
    runTimers,
    async close() {
      timers?.stop()
      await new Promise<void>((r) => server.close(() => r()))
    },
  }
}
