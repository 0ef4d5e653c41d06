/**
 * Reminder configuration from the function's environment (set in `cloudbaserc.json` / the console): the
 * WeChat subscribe-message template ids and, per template, which of its keywords carries which value.
 * Unset ids default to fake ones (`LOCAL_TMPL_…`) that the local outbox accepts; in production every id
 * must be set, or WeChat answers 40037 and those reminders reach members only as to-dos.
 */
import { TEMPLATE_KEYS, type TemplateKey } from '@shared/contract/reminders'
import { subscribeFieldKind } from '@shared/rules/subscribe'

/** The values a reminder message carries; each template maps them onto its own keywords. */
export type MessageField = 'title' | 'date' | 'time' | 'place' | 'note'

export interface TemplateConfig {
  key: TemplateKey
  /** WeChat template id; '' when not configured. */
  id: string
  /** Keyword per value, e.g. `{ title: 'thing1', date: 'date2', … }` (the template's own field names). */
  fields: Partial<Record<MessageField, string>>
}

/** Environment variable names, documented in the README. */
export const TEMPLATE_ENV: Record<TemplateKey, string> = {
  themeDay: 'ZHIBU_TMPL_THEME_DAY',
  meeting: 'ZHIBU_TMPL_MEETING',
  dues: 'ZHIBU_TMPL_DUES',
  task: 'ZHIBU_TMPL_TASK',
}

/**
 * The keywords of the templates we recommend choosing in the 公共模板库 (README: 活动提醒 / 会议提醒 /
 * 缴费提醒 / 待办事项提醒). A template with other keyword numbers is mapped with `${ENV}_FIELDS`, a JSON object.
 */
const DEFAULT_FIELDS: Record<TemplateKey, Partial<Record<MessageField, string>>> = {
  themeDay: { title: 'thing1', date: 'date2', place: 'thing3', note: 'thing4' },
  meeting: { title: 'thing1', time: 'time2', place: 'thing3', note: 'thing4' },
  dues: { title: 'thing1', date: 'date2', note: 'thing3' },
  task: { title: 'thing1', date: 'date2', note: 'thing3' },
}

/** Fake ids used when the environment names none (the local system); WeChat would answer 40037. */
export const FAKE_TEMPLATE_PREFIX = 'LOCAL_TMPL_'

const MESSAGE_FIELDS: readonly MessageField[] = ['title', 'date', 'time', 'place', 'note']

const parseFields = (raw: string | undefined, fallback: Partial<Record<MessageField, string>>): Partial<Record<MessageField, string>> => {
  if (!raw) return fallback
  try {
    const parsed: unknown = JSON.parse(raw)
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return fallback
    const out: Partial<Record<MessageField, string>> = {}
    for (const [k, v] of Object.entries(parsed)) {
      if (!MESSAGE_FIELDS.includes(k as MessageField) || typeof v !== 'string') return fallback
      subscribeFieldKind(v) // throws for a keyword WeChat does not have
      out[k as MessageField] = v
    }
    return out
  } catch {
    return fallback
  }
}

/** Template settings, read from the environment on each call (cheap; lets tests and the console change them). */
export function templateConfigs(env: Record<string, string | undefined> = process.env): Record<TemplateKey, TemplateConfig> {
  const out = {} as Record<TemplateKey, TemplateConfig>
  for (const key of TEMPLATE_KEYS) {
    const name = TEMPLATE_ENV[key]
    const id = (env[name] ?? '').trim() || `${FAKE_TEMPLATE_PREFIX}${key}`
    out[key] = { key, id, fields: parseFields(env[`${name}_FIELDS`], DEFAULT_FIELDS[key]) }
  }
  return out
}

/** `formal` (released), `trial` (体验版) or `developer`: which version a tap on the message opens. */
export function miniprogramState(env: Record<string, string | undefined> = process.env): 'formal' | 'trial' | 'developer' {
  const v = env.ZHIBU_MP_STATE
  return v === 'trial' || v === 'developer' ? v : 'formal'
}
