/**
 * The platform adapter: the only module that touches `Taro.cloud`, `scanCode` and
 * `requestSubscribeMessage`. weapp talks to CloudBase; h5 (browser, e2e) talks to the local host's
 * `/api/<function>` over fetch. `process.env.TARO_ENV` is replaced at build time, so the other branch is dropped.
 */
import Taro from '@tarojs/taro'

let cloudReady = false

/** Initialise `Taro.cloud` once, with the environment from miniprogram/.env (empty = default env). */
function ensureCloud(): void {
  if (cloudReady) return
  const env = process.env.TARO_APP_CLOUD_ENV
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
  cloudReady = true
}

/** A transport failure (no network, host down, non-JSON reply) — distinct from an error envelope. */
export class TransportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TransportError'
  }
}

/** Call a cloud function and return its raw (still unvalidated) result. */
export async function callFunction(name: string, data: Record<string, unknown>): Promise<unknown> {
  if (process.env.TARO_ENV === 'weapp') {
    ensureCloud()
    try {
      const res = await Taro.cloud.callFunction({ name, data })
      return res.result
    } catch (e) {
      throw new TransportError(e instanceof Error ? e.message : String(e))
    }
  }
  let res: Response
  try {
    res = await fetch('/api/' + name, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(data),
      credentials: 'same-origin',
    })
  } catch (e) {
    throw new TransportError(e instanceof Error ? e.message : String(e))
  }
  try {
    return await res.json()
  } catch {
    throw new TransportError(`HTTP ${res.status}`)
  }
}

/**
 * Scan a QR code and return its text, or `null` if the user cancelled. On h5 there is no camera
 * API without the WeChat JS-SDK, so the user types or pastes the code's text (e2e answers the prompt).
 */
export async function scanCode(): Promise<string | null> {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] })
      return res.result
    } catch {
      return null
    }
  }
  const text = window.prompt('请输入或粘贴二维码内容')
  return text === null || text.trim() === '' ? null : text.trim()
}

export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter'

/**
 * Ask for one-time subscribe-message permission (≤3 template ids; must run inside a tap handler).
 * Returns each template id's answer. On h5 every template is accepted (the local host's outbox shows sends).
 */
export async function requestSubscribe(tmplIds: string[]): Promise<Record<string, SubscribeAnswer>> {
  const ids = tmplIds.slice(0, 3)
  if (process.env.TARO_ENV === 'weapp') {
    try {
      // `entityIds` is an Alipay-only field that Taro 4.2.1 declares required (PITFALLS.md).
      const res = (await Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] })) as unknown as Record<string, unknown>
      const out: Record<string, SubscribeAnswer> = {}
      for (const id of ids) {
        const v = res[id]
        out[id] = v === 'accept' || v === 'ban' || v === 'filter' ? v : 'reject'
      }
      return out
    } catch {
      return Object.fromEntries(ids.map((id) => [id, 'reject' as const]))
    }
  }
  return Object.fromEntries(ids.map((id) => [id, 'accept' as const]))
}
