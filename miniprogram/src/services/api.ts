/**
 * The app's API client: every domain in `@shared/contract`'s `domains`, sent through the platform
 * adapter (CloudBase on weapp, the local host on h5). New domains appear here once the catalog is
 * regenerated (`npm run gen:catalog`); the contracts themselves are imported for their types only.
 */
import type { Domains } from '@shared/contract'
import { CATALOG } from '@shared/contract/catalog'
import { callFunction } from '@/platform'
import { createClient, type Transport } from './client'

export const transport: Transport = (fn, payload) => callFunction(fn, payload)

export const api = createClient<Domains>(CATALOG, transport)
export type Api = typeof api

export { ApiError, errorMessage } from './client'
