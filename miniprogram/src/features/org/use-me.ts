/**
 * `useMe()`: the signed-in user's binding state, member record and branch, loaded on first use.
 * `useRequireBound()` does the same and sends an unbound user to the binding page (they see nothing else).
 */
import { useEffect, useSyncExternalStore } from 'react'
import Taro from '@tarojs/taro'
import type { Me } from '@shared/contract/org'
import { ROUTES } from '@/constants/routes'
import type { ApiError } from '@/services/client'
import { getMeState, loadMe, subscribeMe } from './me-store'

export interface UseMe {
  me: Me | undefined
  loading: boolean
  error: ApiError | null
  reload: () => Promise<Me | undefined>
}

export function useMe(): UseMe {
  const state = useSyncExternalStore(subscribeMe, getMeState, getMeState)
  useEffect(() => {
    const s = getMeState()
    if (s.me === undefined && !s.loading && s.error === null) void loadMe()
  }, [])
  return { me: state.me, loading: state.me === undefined && state.error === null ? true : state.loading, error: state.error, reload: loadMe }
}

/** Like `useMe`, but an unbound user is taken to the binding page. */
export function useRequireBound(): UseMe {
  const result = useMe()
  const unbound = result.me !== undefined && !result.me.bound
  useEffect(() => {
    if (unbound) void Taro.reLaunch({ url: ROUTES.bind })
  }, [unbound])
  return result
}
