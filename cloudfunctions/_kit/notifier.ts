/**
 * Sending WeChat subscribe messages behind a small port, so the scheduler never sees the SDK. The one
 * adapter calls `cloud.openapi.subscribeMessage.send` of `wx-server-sdk` (needs the function's
 * `permissions.openapi`); locally the same SDK request is redirected by TCB_CONTEXT_CNFG to the local
 * backend, whose stand-in for WeChat refuses what WeChat refuses and puts what it delivers in the outbox.
 * Every failure is classified so the caller knows whether the
 * message may have gone out (never send twice) or certainly did not (retry, or fall back to the to-do).
 */
import cloud from 'wx-server-sdk'

export interface SubscribeMessage {
  touser: string
  templateId: string
  /** The page a tap opens, e.g. `pages/index/index`. */
  page: string
  data: Record<string, { value: string }>
  miniprogramState: 'formal' | 'trial' | 'developer'
}

export type SendOutcome =
  | { status: 'sent' }
  /** 43101: the user has no accept left for this template (or refused): their count is 0. */
  | { status: 'refused'; code: number; message: string }
  /**
   * Refused before it reached the member, for a cause on our side (bad field data, openid, template or page;
   * -604101: the function was deployed without `permissions.openapi`): not sent, the member's accept is not
   * used, and retrying cannot help until we fix it.
   */
  | { status: 'rejected'; code: number; message: string }
  /** Certainly not sent (WeChat busy, rate limit, connection refused): try again later. */
  | { status: 'retry'; code: number | null; message: string }
  /** It may have reached WeChat (a timeout, a dropped connection): never send it again. */
  | { status: 'unknown'; message: string }

export interface Notifier {
  send(message: SubscribeMessage): Promise<SendOutcome>
}

/**
 * Codes that retrying will not fix (docs/PITFALLS.md "Subscribe messages"), WeChat's own and the cloud-call
 * layer's -604101 ("function has no permission to call this API": `permissions.openapi` did not reach the
 * deployed function). None of them sends the message or uses the member's accept.
 */
const PERMANENT = new Set([40003, 40037, 41030, 47003, 47001, 40013, -604101])
/** Errors raised before the request left this machine. */
const NOT_SENT = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH/

const numberOf = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : null)

/** What an error (or a non-zero reply) from `subscribeMessage.send` means for the message. */
export function classifySendError(e: unknown): Exclude<SendOutcome, { status: 'sent' }> {
  const o = (typeof e === 'object' && e !== null ? e : {}) as { errCode?: unknown; errcode?: unknown; errMsg?: unknown; errmsg?: unknown; message?: unknown; code?: unknown }
  const code = numberOf(o.errCode) ?? numberOf(o.errcode)
  const message = String(o.errMsg ?? o.errmsg ?? o.message ?? e).slice(0, 200)
  if (code === 43101) return { status: 'refused', code, message }
  if (code !== null && PERMANENT.has(code)) return { status: 'rejected', code, message }
  // Positive codes and -1 ("system busy") are WeChat's own answers: the message was not sent.
  if (code !== null && (code > 0 || code === -1)) return { status: 'retry', code, message }
  if (NOT_SENT.test(message) || (typeof o.code === 'string' && NOT_SENT.test(o.code))) return { status: 'retry', code, message }
  return { status: 'unknown', message }
}

export interface WechatNotifierOptions {
  /** Give up waiting after this long (the message may still arrive: the outcome is `unknown`). */
  timeoutMs?: number
}

let initialised = false

/** The production notifier: `wx-server-sdk` in the function's own environment. */
export function wechatNotifier(opts: WechatNotifierOptions = {}): Notifier {
  const timeoutMs = opts.timeoutMs ?? 8_000
  return {
    async send(message) {
      if (!initialised) {
        // The SDK's types allow only a string env, but its documented way to follow the calling
        // environment is this symbol.
        cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
        initialised = true
      }
      let timer: ReturnType<typeof setTimeout> | undefined
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('subscribeMessage.send timed out')), timeoutMs)
      })
      try {
        const res = (await Promise.race([cloud.openapi.subscribeMessage.send({ ...message }), timeout])) as { errCode?: unknown } | undefined
        const code = numberOf(res?.errCode)
        return code === null || code === 0 ? { status: 'sent' } : classifySendError(res)
      } catch (e) {
        return classifySendError(e)
      } finally {
        clearTimeout(timer)
      }
    },
  }
}
