/**
 * MongoDB extended JSON as `@cloudbase/database` speaks it: requests arrive in canonical form
 * (`{"$numberInt":"1"}`, `{"$date":{"$numberLong":"…"}}`, `{"$regularExpression":…}`) plus CloudBase's own
 * `{"$tcb_server_date":{"offset":n}}`; replies and the on-disk files use the relaxed form the SDK's
 * `EJSON.parse` turns back into numbers, Dates and RegExps.
 */

export type Doc = Record<string, unknown>

/** Decodes one parsed EJSON value into plain JS values (Date, RegExp, number). `now` resolves serverDate. */
export function fromEjson(value: unknown, now: number = Date.now()): unknown {
  if (Array.isArray(value)) return value.map((item) => fromEjson(item, now))
  if (value === null || typeof value !== 'object') return value
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
  if (keys.length === 1) {
    const special = decodeSpecial(obj, keys[0] as string, now)
    if (special !== NOT_SPECIAL) return special
  }
  const out: Doc = {}
  for (const key of keys) out[key] = fromEjson(obj[key], now)
  return out
}

const NOT_SPECIAL = Symbol('not special')

function decodeSpecial(obj: Record<string, unknown>, key: string, now: number): unknown {
  const inner = obj[key]
  switch (key) {
    case '$numberInt':
    case '$numberDouble':
    case '$numberDecimal':
      return typeof inner === 'string' ? Number(inner) : NOT_SPECIAL
    case '$numberLong':
      return typeof inner === 'string' ? Number(inner) : NOT_SPECIAL
    case '$date': {
      if (typeof inner === 'string') return new Date(inner)
      if (typeof inner === 'number') return new Date(inner)
      if (inner && typeof inner === 'object' && '$numberLong' in inner) {
        return new Date(Number((inner as { $numberLong: string }).$numberLong))
      }
      return NOT_SPECIAL
    }
    case '$regularExpression': {
      if (!inner || typeof inner !== 'object') return NOT_SPECIAL
      const { pattern, options } = inner as { pattern?: unknown; options?: unknown }
      if (typeof pattern !== 'string') return NOT_SPECIAL
      return new RegExp(pattern, regexFlags(typeof options === 'string' ? options : ''))
    }
    case '$tcb_server_date': {
      // CloudBase's db.serverDate({ offset }): the server's clock plus offset milliseconds.
      const offset = inner && typeof inner === 'object' ? Number(fromEjson((inner as Doc).offset, now) ?? 0) : 0
      return new Date(now + (Number.isFinite(offset) ? offset : 0))
    }
    case '$oid':
    case '$symbol':
      return typeof inner === 'string' ? inner : NOT_SPECIAL
    case '$undefined':
      return null
    default:
      return NOT_SPECIAL
  }
}

/** MongoDB option letters → JS RegExp flags (Mongo's `x` has no JS equivalent and is dropped). */
function regexFlags(options: string): string {
  return [...new Set(options.split(''))].filter((flag) => 'imsu'.includes(flag)).join('')
}

/** Date / RegExp checks that also hold for values made in another realm (jest runs tests in a vm context). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]'
}

export function isRegExp(value: unknown): value is RegExp {
  return Object.prototype.toString.call(value) === '[object RegExp]'
}

/** Encodes a JS value as relaxed EJSON (a JSON-safe value). */
export function toEjson(value: unknown): unknown {
  if (isDate(value)) return { $date: { $numberLong: String(value.getTime()) } }
  if (isRegExp(value)) return { $regularExpression: { pattern: value.source, options: value.flags } }
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value
    return { $numberDouble: Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity' }
  }
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : toEjson(item)))
  if (value === null || typeof value !== 'object') return value
  const out: Doc = {}
  for (const [key, item] of Object.entries(value as Doc)) {
    if (item !== undefined) out[key] = toEjson(item)
  }
  return out
}

/** `JSON.stringify(toEjson(value))`: the string form each document travels in. */
export function stringifyEjson(value: unknown): string {
  return JSON.stringify(toEjson(value))
}

/** Parses a request field that the SDK sends either as an EJSON string or as an already-parsed object. */
export function parseEjsonField(field: unknown, now: number): unknown {
  if (typeof field === 'string') {
    if (field.trim() === '') return undefined
    return fromEjson(JSON.parse(field), now)
  }
  if (field === undefined || field === null) return undefined
  return fromEjson(field, now)
}

/**
 * Deep copy that keeps Dates and RegExps (documents hold nothing else but JSON values). Written out rather
 * than `structuredClone`, whose Dates belong to another realm under jest and fail `instanceof Date`.
 */
export function cloneValue<T>(value: T): T {
  return cloneAny(value) as T
}

function cloneAny(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(cloneAny)
  if (isDate(value)) return new Date(value.getTime())
  if (isRegExp(value)) return new RegExp(value.source, value.flags)
  const out: Doc = {}
  for (const [key, item] of Object.entries(value as Doc)) out[key] = cloneAny(item)
  return out
}
