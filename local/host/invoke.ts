/**
 * One function invocation under CloudBase's limits, shared by the HTTP host (`server.ts`) and the
 * in-process test cloud (`tests/support/cloud.ts`): the SCF context with the function's configured
 * timeout, the invocation tag of its database requests, and the timeout enforced — past it the caller gets
 * the failure SCF reports (FUNCTIONS_TIME_LIMIT_EXCEEDED) instead of the function's answer.
 */
import { withInvocationTag } from '../db'
import { fabricateContext } from './context'
import { functionTimeoutMs, type Main } from './functions'

export { DEFAULT_FUNCTION_TIMEOUT_S, functionTimeoutMs } from './functions'

/**
 * What the caller sees when an invocation runs past its timeout: CloudBase's FUNCTIONS_TIME_LIMIT_EXCEEDED
 * (docs.cloudbase.net/error-code/basic/FUNCTIONS_TIME_LIMIT_EXCEEDED) with SCF's "Task timed out after N
 * seconds". `wx.cloud.callFunction` rejects with it; the H5 host answers an INTERNAL envelope.
 */
export class FunctionTimeoutError extends Error {
  readonly code = 'FUNCTIONS_TIME_LIMIT_EXCEEDED'
  constructor(
    readonly fn: string,
    readonly timeoutMs: number,
  ) {
    super(`Task timed out after ${timeoutMs / 1000} seconds`)
    this.name = 'FunctionTimeoutError'
  }
}

export const isFunctionTimeout = (e: unknown): e is FunctionTimeoutError => e instanceof FunctionTimeoutError

export interface InvokeOptions {
  fn: string
  main: Main
  event: unknown
  openid: string | null
  /** The invocation tag its database requests are counted under. */
  tag: string
  /** Test-only: overrides the function's configured timeout (ms). */
  timeoutMs?: number
}

/**
 * Runs `main(event, context)` as one invocation and resolves with its answer, or rejects with a
 * FunctionTimeoutError once the timeout passes. Locally the abandoned run cannot be frozen as SCF freezes
 * the instance: its later database requests may still land (local/README.md, "Not modelled").
 */
export const invokeFunction = (opts: InvokeOptions): Promise<unknown> => {
  const timeoutMs = opts.timeoutMs ?? functionTimeoutMs(opts.fn)
  const context = fabricateContext(opts.fn, opts.openid, timeoutMs)
  const run = withInvocationTag(opts.tag, () => opts.main(opts.event, context))
  let timer: ReturnType<typeof setTimeout> | undefined
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FunctionTimeoutError(opts.fn, timeoutMs)), timeoutMs)
  })
  // The run's own failure after the timeout has nobody to report to.
  const settled = run.then(
    () => undefined,
    () => undefined,
  )
  return Promise.race([run, limit]).then(
    (out) => {
      clearTimeout(timer)
      return out
    },
    (error: unknown) => {
      clearTimeout(timer)
      if (isFunctionTimeout(error)) {
        abandoned.add(settled)
        void settled.then(() => abandoned.delete(settled))
      }
      throw error
    },
  )
}

/** Runs that timed out and are still going (SCF would have frozen them). */
const abandoned = new Set<Promise<void>>()

/** Resolves once every timed-out run has ended: the test cloud waits for them before closing its database. */
export const abandonedRunsSettled = async (): Promise<void> => {
  while (abandoned.size > 0) await Promise.all([...abandoned])
}
