/**
 * The app's API client: every domain in `@shared/contract`'s `domains`, sent through the platform
 * adapter (CloudBase on weapp, the local host on h5). New domains appear here without code changes.
 */
import { domains } from '@shared/contract'
import { callFunction } from '@/platform'
import { createClient, type Transport } from './client'

export const transport: Transport = (fn, payload) => callFunction(fn, payload)

export const api = createClient(domains, transport)
export type Api = typeof api

export { ApiError, errorMessage } from './client'
