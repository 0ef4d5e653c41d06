/**
 * WeChat subscribe-message field values (docs/PITFALLS.md "Subscribe messages", docs/DOMAIN.md §6): validation and
 * safe truncation per field type, so a send never fails with 47003 over a long 主题 or a newline.
 * The type comes from the template key's prefix (`thing1` → `thing`, `character_string2` → `character_string`).
 */
import { RuleInputError } from './errors'

export const SUBSCRIBE_FIELD_KINDS = [
  'thing',
  'phrase',
  'name',
  'time',
  'date',
  'number',
  'letter',
  'symbol',
  'character_string',
  'amount',
  'phone_number',
] as const
export type SubscribeFieldKind = (typeof SUBSCRIBE_FIELD_KINDS)[number]

/** Maximum length in characters (code points) per type; `name` is 10 with any 汉字, else 20. */
export const SUBSCRIBE_FIELD_MAX: Record<SubscribeFieldKind, number> = {
  thing: 20,
  phrase: 5,
  name: 10,
  time: 40,
  date: 40,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  amount: 14,
  phone_number: 17,
}

const HAN = /\p{Script=Han}/u
const CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/gu
const TIME_PART = '(?:[01]?\\d|2[0-3]):[0-5]\\d'
const DATE_PART = '\\d{4}年(?:1[0-2]|[1-9])月(?:3[01]|[12]\\d|[1-9])日'
const TIME_POINT = `(?:${DATE_PART} )?${TIME_PART}`
const FORMATS: Partial<Record<SubscribeFieldKind, RegExp>> = {
  phrase: /^\p{Script=Han}+$/u,
  time: new RegExp(`^${TIME_POINT}(?:~${TIME_POINT})?$`),
  date: new RegExp(`^${DATE_PART}(?: ${TIME_PART})?(?:~${DATE_PART}(?: ${TIME_PART})?)?$`),
  number: /^\d+(?:\.\d+)?$/,
  letter: /^[A-Za-z]+$/,
  symbol: /^[^\p{L}\p{N}\s]+$/u,
  character_string: /^[\x21-\x7e]+$/,
  amount: /^[¥￥$]?\d{1,10}(?:\.\d{1,2})?元?$/,
  phone_number: /^[\d+\-() ]+$/,
}

const length = (s: string): number => Array.from(s).length

/** The field type of a template key: `thing1` → `thing`. Throws for an unknown prefix. */
export function subscribeFieldKind(key: string): SubscribeFieldKind {
  const prefix = key.replace(/\d+$/, '')
  if (!(SUBSCRIBE_FIELD_KINDS as readonly string[]).includes(prefix)) {
    throw new RuleInputError('INVALID_ARGUMENT', '不支持的订阅消息字段', { key })
  }
  return prefix as SubscribeFieldKind
}

function maxFor(kind: SubscribeFieldKind, value: string): number {
  return kind === 'name' && !HAN.test(value) ? 20 : SUBSCRIBE_FIELD_MAX[kind]
}

export type SubscribeValueCheck = { ok: true } | { ok: false; reason: 'EMPTY' | 'NEWLINE' | 'TOO_LONG' | 'BAD_FORMAT'; max?: number }

/** Whether `value` is acceptable for a field of `kind` as it stands. */
export function validateSubscribeValue(kind: SubscribeFieldKind, value: string): SubscribeValueCheck {
  if (value.trim() === '') return { ok: false, reason: 'EMPTY' }
  if (/[\r\n\u2028\u2029]/.test(value)) return { ok: false, reason: 'NEWLINE' }
  const max = maxFor(kind, value)
  if (length(value) > max) return { ok: false, reason: 'TOO_LONG', max }
  const format = FORMATS[kind]
  if (format && !format.test(value)) return { ok: false, reason: 'BAD_FORMAT' }
  return { ok: true }
}

/**
 * A value made acceptable: newlines and control characters become spaces, spaces collapse, then the
 * text is cut to the type's length (`thing` ends with `…` when cut; `phrase` keeps only 汉字).
 * Types with a strict format (time, date, number, amount …) are not guessed at: a value that still
 * fails throws `RuleInputError`.
 */
export function fitSubscribeValue(kind: SubscribeFieldKind, value: string): string {
  let v = value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim()
  if (kind === 'phrase') v = Array.from(v).filter((c) => HAN.test(c)).join('')
  const max = maxFor(kind, v)
  const chars = Array.from(v)
  if (chars.length > max && (kind === 'thing' || kind === 'phrase' || kind === 'name' || kind === 'character_string' || kind === 'letter')) {
    v = kind === 'thing' ? `${chars.slice(0, max - 1).join('').trimEnd()}…` : chars.slice(0, max).join('')
  }
  const check = validateSubscribeValue(kind, v)
  if (!check.ok) throw new RuleInputError('INVALID_ARGUMENT', '订阅消息内容不符合格式', { kind, reason: check.reason })
  return v
}

/** Template data for `subscribeMessage.send`: each value fitted to the type named by its key. */
export function subscribeData(values: Readonly<Record<string, string>>): Record<string, { value: string }> {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, { value: fitSubscribeValue(subscribeFieldKind(key), value) }]))
}
