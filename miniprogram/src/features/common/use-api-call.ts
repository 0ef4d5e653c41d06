/**
 * Load data from one API call with loading / error / data state. The call re-runs when `deps` change
 * or on `reload()`; a late reply from an older call never overwrites a newer one. Pass `null` to wait.
 */
import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react'
import { ApiError, NETWORK_MESSAGE } from '@/services/client'

export interface ApiCallState<T> {
  data: T | undefined
  error: ApiError | null
  loading: boolean
  /** Re-run the call; resolves when it settles. */
  reload: () => Promise<void>
  /** Replace the data locally, e.g. with the result of a mutation. */
  setData: (data: T) => void
}

export const toApiError = (e: unknown): ApiError => (e instanceof ApiError ? e : new ApiError('INTERNAL', NETWORK_MESSAGE))

export function useApiCall<T>(call: (() => Promise<T>) | null, deps: DependencyList): ApiCallState<T> {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<ApiError | null>(null)
  const [loading, setLoading] = useState<boolean>(call !== null)
  const seq = useRef(0)
  const alive = useRef(true)
  const callRef = useRef(call)
  callRef.current = call

  const run = useCallback(async (): Promise<void> => {
    const current = callRef.current
    if (current === null) return
    const mine = ++seq.current
    setLoading(true)
    setError(null)
    try {
      const result = await current()
      if (alive.current && mine === seq.current) setData(result)
    } catch (e) {
      if (alive.current && mine === seq.current) setError(toApiError(e))
    } finally {
      if (alive.current && mine === seq.current) setLoading(false)
    }
  }, [])

  useEffect(() => {
    alive.current = true
    return () => {
      alive.current = false
    }
  }, [])

  useEffect(() => {
    if (call === null) return
    void run()
    // `deps` decide when to re-run; `call` is read through a ref so inline closures do not loop.
  }, [call === null, ...deps])

  return { data, error, loading, reload: run, setData }
}
