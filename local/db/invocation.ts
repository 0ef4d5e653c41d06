/**
 * Points the unchanged production SDKs at the local database, and tags their requests with the function
 * invocation they belong to: the host runs each invocation inside `withInvocationTag`, and a patch of
 * `http.request` (installed here, never in production code) adds the tag as a header to loopback requests.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import http from 'node:http'

/** The request header that carries the invocation tag from the SDK's request to the database service. */
export const INVOCATION_HEADER = 'x-zhibu-invocation'

const PATCH_KEY = Symbol.for('zhibu.local.db.invocationPatch')

type RequestFn = typeof http.request

interface PatchState {
  storage: AsyncLocalStorage<string>
}

/**
 * The patch lives on the `http` module object itself, so every module registry in the process (jest gives
 * each test file its own) shares one AsyncLocalStorage and the patch is installed once.
 */
function patchState(): PatchState {
  const holder = http as unknown as Record<symbol, PatchState | undefined>
  const existing = holder[PATCH_KEY]
  if (existing) return existing
  const state: PatchState = { storage: new AsyncLocalStorage<string>() }
  const original: RequestFn = http.request
  const patched = function request(this: unknown, ...args: unknown[]) {
    const tag = state.storage.getStore()
    return original.apply(this, (tag === undefined ? args : withTagHeader(args, tag)) as Parameters<RequestFn>)
  } as RequestFn
  ;(http as unknown as { request: RequestFn }).request = patched
  holder[PATCH_KEY] = state
  return state
}

/** Adds the tag header when the request goes to a loopback host (our service); other requests pass untouched. */
function withTagHeader(args: unknown[], tag: string): unknown[] {
  const [first, second, third] = args
  const isUrl = typeof first === 'string' || first instanceof URL
  const options = (isUrl ? (typeof second === 'object' && second !== null ? second : {}) : (first ?? {})) as http.RequestOptions
  const host = isUrl ? new URL(String(first)).hostname : (options.hostname ?? options.host ?? 'localhost')
  if (!isLoopback(String(host))) return args
  const headers = { ...(options.headers as Record<string, unknown> | undefined), [INVOCATION_HEADER]: encodeURIComponent(tag) }
  const nextOptions = { ...options, headers }
  if (!isUrl) return [nextOptions, ...args.slice(1)]
  const callback = typeof second === 'function' ? second : third
  return callback === undefined ? [first, nextOptions] : [first, nextOptions, callback]
}

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').replace(/:\d+$/, '')
  return bare === 'localhost' || bare === '::1' || bare.startsWith('127.')
}

/**
 * Runs `fn` as one function invocation: database requests the SDK makes inside it are counted under `tag`
 * (read them with `DbService.counters(tag)`).
 */
export function withInvocationTag<T>(tag: string, fn: () => Promise<T>): Promise<T> {
  return patchState().storage.run(tag, fn)
}

/** The tag of the invocation running now, if any. */
export function currentInvocationTag(): string | undefined {
  return patchState().storage.getStore()
}

/** Reads the tag a request carries ('' when untagged). */
export function invocationTagOf(headers: http.IncomingHttpHeaders): string {
  const raw = headers[INVOCATION_HEADER]
  const value = Array.isArray(raw) ? raw[0] : raw
  if (!value) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * Sends every `@cloudbase/node-sdk` (and `wx-server-sdk`) request of this process to `url`
 * (e.g. `http://127.0.0.1:8080/admin`). Call before loading function bundles; the SDK reads these
 * variables on every request, so calling it again re-points them.
 */
export function pointSdkAt(url: string): void {
  patchState()
  process.env.TCB_CONTEXT_KEYS = 'TCB_CONTEXT_CNFG'
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: url })
  // The SDK signs requests and refuses to send without a key pair; the local service ignores signatures.
  process.env.TENCENTCLOUD_SECRETID ??= 'local-secret-id'
  process.env.TENCENTCLOUD_SECRETKEY ??= 'local-secret-key'
  // The meetings function signs sign-in codes with this deployment key; the deployment sets a real one.
  process.env.ZHIBU_SIGNIN_KEY ??= 'zhibu-local-signin-key (local cloud only)'
  // The environment id `SYMBOL_CURRENT_ENV` resolves to.
  process.env.SCF_NAMESPACE ??= 'zhibu-local'
  // Without this the SDK probes metadata.tencentyun.com before every request to detect Tencent Cloud.
  process.env.TENCENTCLOUD = 'true'
}
