/**
 * The rule-set profiles a branch can follow (docs/DOMAIN.md §0) and how a branch's overrides are applied:
 * `getProfile(id)` returns the shipped data, `resolveProfile(id, overrides)` deep-merges a branch's
 * overrides on top and validates the result with `ProfileSchema`.
 */
import { RuleInputError } from '../rules/errors'
import { COLLEGE_SANY_2018 } from './college-sany-2018'
import { COLLEGE_ZJ_2019 } from './college-zj-2019'
import { HUNAN_WUHUA_2018 } from './hunan-wuhua-2018'
import { PROFILE_IDS, type ProfileId } from './ids'
import { NATIONAL_2018 } from './national-2018'
import { ProfileSchema, type Profile, type ProfileOverrides } from './schema'
import { VILLAGE_2019 } from './village-2019'

export { PROFILE_IDS, type ProfileId } from './ids'
export { ProfileSchema, SourceSchema, type DeepPartial, type Profile, type ProfileOverrides } from './schema'
export { NATIONAL_2018 } from './national-2018'
export { HUNAN_WUHUA_2018 } from './hunan-wuhua-2018'
export { COLLEGE_SANY_2018 } from './college-sany-2018'
export { COLLEGE_ZJ_2019 } from './college-zj-2019'
export { VILLAGE_2019 } from './village-2019'

/** The profile a new branch starts with: this app serves 湖南 “五化” branches first. */
export const DEFAULT_PROFILE_ID: ProfileId = 'hunan-wuhua-2018'

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

/** Every shipped profile, by id (frozen: copy before changing). */
export const PROFILES: Readonly<Record<ProfileId, Profile>> = deepFreeze({
  'national-2018': NATIONAL_2018,
  'hunan-wuhua-2018': HUNAN_WUHUA_2018,
  'college-sany-2018': COLLEGE_SANY_2018,
  'college-zj-2019': COLLEGE_ZJ_2019,
  'village-2019': VILLAGE_2019,
})

/** Chinese names for a profile picker, in `PROFILE_IDS` order. */
export const PROFILE_OPTIONS: readonly { id: ProfileId; name: string; description: string }[] = PROFILE_IDS.map((id) => ({
  id,
  name: PROFILES[id].name,
  description: PROFILES[id].description,
}))

export function isProfileId(id: unknown): id is ProfileId {
  return typeof id === 'string' && (PROFILE_IDS as readonly string[]).includes(id)
}

/** The shipped profile `id`. Throws `RuleInputError` (`UNKNOWN_PROFILE`) for an unknown id. */
export function getProfile(id: ProfileId): Profile {
  if (!isProfileId(id)) throw new RuleInputError('UNKNOWN_PROFILE', '未知的规则方案', { id: String(id) })
  return PROFILES[id]
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/**
 * `base` with `override` merged in: plain objects merge key by key; arrays, scalars and null replace;
 * `undefined` leaves the base value. An object whose `kind` or `id` differs from the base's (another
 * 主题党日 rule kind, another 积分 preset) replaces it whole rather than mixing two shapes.
 */
export function mergeOverrides(base: unknown, override: unknown): unknown {
  if (override === undefined) return base
  if (!isPlainObject(base) || !isPlainObject(override)) return override
  for (const key of ['kind', 'id'] as const) {
    if (key in override && override[key] !== base[key]) return override
  }
  const out: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(override)) {
    if (UNSAFE_KEYS.has(key)) throw new RuleInputError('INVALID_PROFILE', '规则设置含有不允许的字段', { key })
    out[key] = mergeOverrides(base[key], value)
  }
  return out
}

/**
 * The profile a branch follows: the shipped profile `id` with the branch's `overrides` deep-merged on
 * top (see `mergeOverrides`), validated. Throws `RuleInputError` with `reason` `UNKNOWN_PROFILE` or
 * `INVALID_PROFILE` (details list the offending paths). Overrides cannot change the id.
 */
export function resolveProfile(id: ProfileId, overrides: ProfileOverrides | null | undefined = {}): Profile {
  const base = getProfile(id)
  if (overrides === null || overrides === undefined) return base
  if (!isPlainObject(overrides)) throw new RuleInputError('INVALID_PROFILE', '规则设置格式不正确')
  if ('id' in overrides && (overrides as { id?: unknown }).id !== id) {
    throw new RuleInputError('INVALID_PROFILE', '不能通过自定义设置更改规则方案', { id: String((overrides as { id?: unknown }).id) })
  }
  const parsed = ProfileSchema.safeParse(mergeOverrides(base, overrides))
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
    throw new RuleInputError('INVALID_PROFILE', '规则设置不符合要求', { issues })
  }
  return parsed.data
}
