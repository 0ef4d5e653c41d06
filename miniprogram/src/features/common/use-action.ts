/**
 * Run a mutation from a tap: tracks `pending`, ignores taps while one is running (no double submit),
 * keeps the server's Chinese error message and, unless told otherwise, shows it in a toast.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { ApiError } from '@/services/client'
import { toApiError } from './use-api-call'

export interface ActionState<Args extends unknown[], T> {
  /** Runs the action; resolves with its result, or `undefined` if it failed or one was already running. */
  run: (...args: Args) => Promise<T | undefined>
  pending: boolean
  /** The last failure's message (server text), cleared by the next run or `reset()`. */
  error: string | null
  errorCode: ApiError['code'] | null
  reset: () => void
}

export interface ActionOptions {
  /** Show failures in a toast (default true). */
  toast?: boolean
}

export function showError(message: string): void {
  void Taro.showToast({ title: message, icon: 'none', duration: 3000 })
}

export function useAction<Args extends unknown[], T>(
  fn: (...args: Args) => Promise<T>,
  options: ActionOptions = {},
): ActionState<Args, T> {
  const [pending, setPending] = useState(false)
  const [failure, setFailure] = useState<ApiError | null>(null)
  const busy = useRef(false)
  const alive = useRef(true)
  const fnRef = useRef(fn)
  fnRef.current = fn
  const toast = options.toast !== false

  useEffect(() => {
    alive.current = true
    return () => {
      alive.current = false
    }
  }, [])

  const run = useCallback(
    async (...args: Args): Promise<T | undefined> => {
      if (busy.current) return undefined
      busy.current = true
      setPending(true)
      setFailure(null)
      try {
        return await fnRef.current(...args)
      } catch (e) {
        const err = toApiError(e)
        if (alive.current) setFailure(err)
        if (toast) showError(err.message)
        return undefined
      } finally {
        busy.current = false
        if (alive.current) setPending(false)
      }
    },
    [toast],
  )

  const reset = useCallback(() => setFailure(null), [])

  return { run, pending, error: failure?.message ?? null, errorCode: failure?.code ?? null, reset }
}
