/**
 * The platform adapter: the only module that touches `Taro.cloud`, `scanCode`, the location APIs and
 * `requestSubscribeMessage`. weapp talks to CloudBase; h5 (browser, e2e) talks to the local host's
 * `/api/<function>` over fetch. `process.env.TARO_ENV` is replaced at build time, so the other
 * platform's functions are dropped from the bundle.
 */
import Taro from '@tarojs/taro'

/** A transport failure (no network, host down, non-JSON reply) — distinct from an error envelope. */
export class TransportError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TransportError'
  }
}

export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter'

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e))

// ---- weapp: CloudBase through Taro.cloud and WeChat's own APIs ----

let cloudReady = false

/** Initialise `Taro.cloud` once, with the environment from miniprogram/.env (empty = default env). */
function ensureCloud(): void {
  if (cloudReady) return
  const env = process.env.TARO_APP_CLOUD_ENV
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
  cloudReady = true
}

async function callFunctionWeapp(name: string, data: Record<string, unknown>): Promise<unknown> {
  ensureCloud()
  try {
    const res = await Taro.cloud.callFunction({ name, data })
    return res.result
  } catch (e) {
    throw new TransportError(messageOf(e))
  }
}

async function scanCodeWeapp(): Promise<string | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['qrCode'] })
    return res.result
  } catch {
    return null // the user closed the scanner
  }
}

async function requestSubscribeWeapp(ids: string[]): Promise<Record<string, SubscribeAnswer>> {
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

async function getLocationWeapp(): Promise<Position | null> {
  try {
    // gcj02, the datum WeChat's maps and chooseLocation use: the meeting place is set the same way.
    const res = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 4000 })
    return { lat: res.latitude, lng: res.longitude }
  } catch {
    return null // refused, or location services off
  }
}

async function chooseLocationWeapp(): Promise<Position | null> {
  try {
    const res = await Taro.chooseLocation({})
    return { lat: res.latitude, lng: res.longitude, name: res.name || res.address || undefined }
  } catch {
    return null
  }
}

// ---- h5: the local host on the same origin ----

async function callFunctionH5(name: string, data: Record<string, unknown>): Promise<unknown> {
  let res: Response
  try {
    res = await fetch('/api/' + name, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(data),
      credentials: 'same-origin',
    })
  } catch (e) {
    throw new TransportError(messageOf(e))
  }
  try {
    return await res.json()
  } catch {
    throw new TransportError(`HTTP ${res.status}`)
  }
}

/** No camera API without the WeChat JS-SDK: the user types or pastes the code's text (e2e answers the prompt). */
async function scanCodeH5(): Promise<string | null> {
  const text = window.prompt('请输入或粘贴二维码内容')
  return text === null || text.trim() === '' ? null : text.trim()
}

function getLocationH5(): Promise<Position | null> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null)
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 30_000 },
    )
  })
}

// ---- the adapter ----

/** Call a cloud function and return its raw (still unvalidated) result. */
export function callFunction(name: string, data: Record<string, unknown>): Promise<unknown> {
  return process.env.TARO_ENV === 'weapp' ? callFunctionWeapp(name, data) : callFunctionH5(name, data)
}

/** Scan a QR code and return its text, or `null` if the user cancelled. */
export function scanCode(): Promise<string | null> {
  return process.env.TARO_ENV === 'weapp' ? scanCodeWeapp() : scanCodeH5()
}

/** A position on the map (and, from the map picker, the place's name). */
export interface Position {
  lat: number
  lng: number
  name?: string
}

/** The phone's current position, or `null` if the user refused or it could not be found. */
export function getLocation(): Promise<Position | null> {
  return process.env.TARO_ENV === 'weapp' ? getLocationWeapp() : getLocationH5()
}

/** Whether a map picker is available (WeChat's chooseLocation; none in the browser build). */
export const canChooseOnMap = (): boolean => process.env.TARO_ENV === 'weapp'

/** Pick a place on WeChat's map; `null` if cancelled (or on h5). */
export function chooseLocation(): Promise<Position | null> {
  return process.env.TARO_ENV === 'weapp' ? chooseLocationWeapp() : Promise.resolve(null)
}

/**
 * Ask for one-time subscribe-message permission (≤3 template ids; must run inside a tap handler).
 * Returns each template id's answer. On h5 every template is accepted; the local host's WeChat records
 * the accepts the app then reports (reminders.subscribed), and its outbox shows the sends.
 */
export function requestSubscribe(tmplIds: string[]): Promise<Record<string, SubscribeAnswer>> {
  const ids = tmplIds.slice(0, 3)
  if (process.env.TARO_ENV === 'weapp') return requestSubscribeWeapp(ids)
  return Promise.resolve(Object.fromEntries(ids.map((id) => [id, 'accept' as const])))
}
