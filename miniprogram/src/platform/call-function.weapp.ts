/** Calling a cloud function from WeChat: CloudBase through `Taro.cloud`. */
import Taro from '@tarojs/taro'
import { messageOf, TransportError } from './types'

let cloudReady = false

/** Initialise `Taro.cloud` once, with the environment from miniprogram/.env (empty = default env). */
function ensureCloud(): void {
  if (cloudReady) return
  const env = process.env.TARO_APP_CLOUD_ENV
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
  cloudReady = true
}

/** Call a cloud function and return its raw (still unvalidated) result. */
export async function callFunction(name: string, data: Record<string, unknown>): Promise<unknown> {
  ensureCloud()
  try {
    const res = await Taro.cloud.callFunction({ name, data })
    return res.result
  } catch (e) {
    throw new TransportError(messageOf(e))
  }
}
