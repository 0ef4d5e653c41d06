/**
 * The signed-in user's identity (`org.me`), loaded once and shared by every page: tab pages stay
 * mounted, so they read one store instead of each asking the server. Binding or a role change replaces it.
 */
import type { Me } from '@shared/contract/org'
import { api } from '@/services/api'
import type { ApiError } from '@/services/client'
import { toApiError } from '../common/use-api-call'

export interface MeState {
  me: Me | undefined
  error: ApiError | null
  loading: boolean
}

let state: MeState = { me: undefined, error: null, loading: false }
let inflight: Promise<Me | undefined> | null = null
const listeners = new Set<() => void>()

function set(next: Partial<MeState>): void {
  state = { ...state, ...next }
  listeners.forEach((l) => l())
}

export const getMeState = (): MeState => state

export function subscribeMe(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** Fetch `org.me` (deduplicated while one request is in flight). */
export function loadMe(): Promise<Me | undefined> {
  if (inflight) return inflight
  set({ loading: true, error: null })
  inflight = api.org
    .me({})
    .then(
      (me) => {
        set({ me, loading: false, error: null })
        return me
      },
      (e: unknown) => {
        set({ loading: false, error: toApiError(e) })
        return undefined
      },
    )
    .finally(() => {
      inflight = null
    })
  return inflight
}

/** Replace the identity with a fresh one returned by a mutation (e.g. `org.bind`). */
export function setMe(me: Me): void {
  set({ me, error: null, loading: false })
}

/** Forget everything (tests; switching dev identities). */
export function resetMe(): void {
  inflight = null
  state = { me: undefined, error: null, loading: false }
  listeners.forEach((l) => l())
}
