/**
 * A typed client built from the shared contracts: `client.org.me({})` sends `{ action, input }` to the
 * function named after the domain and returns the action's output type. At run time it needs only the
 * names (the catalog, `@shared/contract/catalog`); the types come from the contracts, so the app does not
 * carry the schemas. The reply envelope is checked
 * here because `callFunction` is untyped; an error envelope becomes an `ApiError` with the server's message.
 */
import type { ActionDef, Domain, InputOf, OutputOf } from '@shared/contract/define'
import { ERROR_CODES, type ErrorCode } from '@shared/contract/errors'

/** Sends one call to a cloud function and resolves with its raw reply. */
export type Transport = (fn: string, payload: { action: string; input: unknown }) => Promise<unknown>

export class ApiError extends Error {
  readonly code: ErrorCode
  readonly details?: Record<string, unknown>

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.details = details
  }
}

export const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试'
export const BAD_REPLY_MESSAGE = '服务返回异常，请稍后再试'

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isErrorCode = (v: unknown): v is ErrorCode => typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v)

/** Unwraps `{ ok: true, data }` or throws an `ApiError` for `{ ok: false, error }` and anything malformed. */
export function unwrapEnvelope(reply: unknown): unknown {
  if (!isObject(reply) || typeof reply.ok !== 'boolean') throw new ApiError('INTERNAL', BAD_REPLY_MESSAGE)
  if (reply.ok) {
    if (!('data' in reply)) throw new ApiError('INTERNAL', BAD_REPLY_MESSAGE)
    return reply.data
  }
  const err = reply.error
  if (!isObject(err)) throw new ApiError('INTERNAL', BAD_REPLY_MESSAGE)
  const code = isErrorCode(err.code) ? err.code : 'INTERNAL'
  const message = typeof err.message === 'string' && err.message !== '' ? err.message : BAD_REPLY_MESSAGE
  const details = isObject(err.details) ? err.details : undefined
  throw new ApiError(code, message, details)
}

export type ActionFn<A extends ActionDef> = (input: InputOf<A>) => Promise<OutputOf<A>>

export type DomainClient<D extends Domain> = { [K in keyof D['actions']]: ActionFn<D['actions'][K]> }

export type Client<Ds extends Record<string, Domain>> = { [K in keyof Ds]: DomainClient<Ds[K]> }

/** What the client needs of each domain at run time: its function name and its action names. */
export type CatalogOf<Ds extends Record<string, Domain>> = { [K in keyof Ds]: { name: string; actions: { [A in keyof Ds[K]['actions']]: unknown } } }

export function createClient<Ds extends Record<string, Domain>>(domains: Ds | CatalogOf<Ds>, transport: Transport): Client<Ds> {
  const client: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {}
  for (const [key, domain] of Object.entries<{ name: string; actions: object }>(domains)) {
    const fns: Record<string, (input: unknown) => Promise<unknown>> = {}
    for (const action of Object.keys(domain.actions)) {
      fns[action] = async (input: unknown) => {
        let reply: unknown
        try {
          reply = await transport(domain.name, { action, input })
        } catch (e) {
          if (e instanceof ApiError) throw e
          throw new ApiError('INTERNAL', NETWORK_MESSAGE)
        }
        return unwrapEnvelope(reply)
      }
    }
    client[key] = fns
  }
  // The loops above build exactly the shape `Client<Ds>` describes; TypeScript cannot follow mapped keys through Object.entries.
  return client as Client<Ds>
}

/** The message to show a member for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message
  return NETWORK_MESSAGE
}
