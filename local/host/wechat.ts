/**
 * The local stand-in for WeChat's side of subscribe messages: what `cloud.openapi.subscribeMessage.send`
 * meets once the local cloud has passed it on (`DbService.onOpenApi`). It refuses what WeChat refuses
 * (docs/PITFALLS.md "Subscribe messages" and "Verified 2026-12-07"), in this order:
 *
 * - a function whose `config.json` does not declare the API in `permissions.openapi` → -604101 (a cloud-call
 *   error in the protobuf reply, as the cloud answers it; the caller is read from the invocation tag);
 * - an openid WeChat never issued to this mini-program → 40003;
 * - a template id the mini-program does not have → 40037;
 * - a field value WeChat's type does not take (too long, a newline, a bad format) → 47003, naming the field;
 * - a member with no accept left for that template → 43101.
 *
 * Accepts are WeChat's own count, per openid and template, kept apart from the app's `reminder_subs`: one is
 * granted when the member accepts (locally: when the app reports it with `reminders.subscribed`, see the
 * host), and one is spent by each delivered message. Nothing here is imported by production code.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { TEMPLATE_KEYS, type TemplateKey } from '../../shared/src/contract/reminders'
import { templateConfigs } from '../../cloudfunctions/_kit/reminder-config'
import { OpenApiSystemError } from '../db/openapi'
import { functionConfig, functionNames } from './functions'

/** WeChat's cloud-call code for "function has no permission to call this API" (wx-server-sdk's ERR_CODE). */
export const NO_OPENAPI_PERMISSION = -604101

export interface WechatAnswer {
  errcode: number
  errmsg: string
  msgid?: number
}

export interface LocalWechatOptions {
  /** Keeps the accepts across restarts in this JSON file (`<dataDir>/wechat.json`); memory only without. */
  file?: string
  /** The mini-program's subscribe-message template ids (default: the ids the functions are configured with). */
  templateIds?: () => readonly string[]
  /** The open APIs a function may call (default: its `config.json` `permissions.openapi`). */
  permissions?: (fn: string) => readonly string[]
  /** Function names, to tell the calling function from an invocation tag (default: `cloudfunctions/*`). */
  functions?: () => readonly string[]
}

export interface LocalWechat {
  /** The member accepted these templates once each (WeChat's one-time subscription). */
  accept(openid: string, templateIds: readonly string[], times?: number): void
  /** The member opened the mini-program: WeChat has issued this openid to it. */
  know(openid: string): void
  remaining(openid: string, templateId: string): number
  /** WeChat's answer to one open-API call made inside the invocation `caller.tag`. */
  answer(api: string, payload: unknown, caller: { tag: string }): Promise<WechatAnswer | OpenApiSystemError>
  /** The app reported accepts (`reminders.subscribed` answered `{ accepted: TemplateKey[] }`): WeChat had recorded them. */
  observe(fn: string, action: string, openid: string | null, reply: unknown): void
  /** Accepts matching the app's banked counts (`reminder_subs`), for seeded demo data. */
  adoptSubs(subs: readonly Record<string, unknown>[]): void
  /** Forgets every accept and openid (a wiped data directory). */
  reset(): void
}

interface State {
  openids: string[]
  /** openid → template id → accepts left. */
  accepts: Record<string, Record<string, number>>
}

/** The function an invocation tag belongs to: tags start with the function's name (`reminders.tick#3`, `org#12`). */
export function functionOfTag(tag: string, names: readonly string[]): string | null {
  for (const name of names) if (tag === name || tag.startsWith(`${name}.`) || tag.startsWith(`${name}#`)) return name
  return null
}

const HAN = /\p{Script=Han}/u
const DATE = '\\d{4}年(?:1[0-2]|[1-9])月(?:3[01]|[12]\\d|[1-9])日'
const CLOCK = '(?:[01]?\\d|2[0-3]):[0-5]\\d'
const POINT = `(?:${DATE} )?${CLOCK}`
const DAY = `${DATE}(?: ${CLOCK})?`

/** WeChat's subscribe-message field types: whether a value is acceptable (docs/PITFALLS.md "Subscribe messages"). */
const FIELD_RULES: Record<string, (value: string, length: number) => boolean> = {
  thing: (_v, n) => n <= 20,
  number: (v, n) => n <= 32 && /^\d+(?:\.\d+)?$/.test(v),
  letter: (v, n) => n <= 32 && /^[A-Za-z]+$/.test(v),
  symbol: (v, n) => n <= 5 && /^[^\p{L}\p{N}\s]+$/u.test(v),
  character_string: (v, n) => n <= 32 && /^[\x21-\x7e]+$/.test(v),
  time: (v) => new RegExp(`^${POINT}(?:~${POINT})?$`).test(v),
  date: (v) => new RegExp(`^${DAY}(?:~${DAY})?$`).test(v),
  amount: (v) => /^[¥￥$]?\d{1,10}(?:\.\d{1,2})?元?$/.test(v),
  phone_number: (v, n) => n <= 17 && /^[\d+\-() ]+$/.test(v),
  name: (v, n) => (HAN.test(v) ? n <= 10 : n <= 20),
  phrase: (v, n) => n <= 5 && /^\p{Script=Han}+$/u.test(v),
}

/** The first field WeChat would refuse, or null. */
export function invalidField(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'data'
  for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
    const rule = FIELD_RULES[key.replace(/\d+$/, '')]
    const value = typeof entry === 'object' && entry !== null ? (entry as { value?: unknown }).value : undefined
    if (!rule || typeof value !== 'string') return key
    if (value.trim() === '' || /[\r\n\u2028\u2029]/.test(value) || !rule(value, Array.from(value).length)) return key
  }
  return null
}

const configuredTemplateIds = (): string[] => Object.values(templateConfigs()).map((c) => c.id)

export function createLocalWechat(opts: LocalWechatOptions = {}): LocalWechat {
  const templateIds = opts.templateIds ?? configuredTemplateIds
  const permissions = opts.permissions ?? ((fn: string) => functionConfig(fn).permissions?.openapi ?? [])
  const names = opts.functions ?? functionNames
  const load = (): State => {
    if (!opts.file || !existsSync(opts.file)) return { openids: [], accepts: {} }
    const raw = JSON.parse(readFileSync(opts.file, 'utf8')) as Partial<State>
    return { openids: raw.openids ?? [], accepts: raw.accepts ?? {} }
  }
  const state = load()
  const known = new Set(state.openids)
  let msgid = 0
  const save = () => {
    if (!opts.file) return
    state.openids = [...known]
    mkdirSync(dirname(opts.file), { recursive: true })
    const tmp = `${opts.file}.tmp`
    writeFileSync(tmp, JSON.stringify(state))
    renameSync(tmp, opts.file)
  }
  const left = (openid: string, templateId: string) => state.accepts[openid]?.[templateId] ?? 0
  const add = (openid: string, templateId: string, n: number) => {
    const mine = (state.accepts[openid] ??= {})
    mine[templateId] = Math.max(0, (mine[templateId] ?? 0) + n)
  }

  const wechat: LocalWechat = {
    accept(openid, ids, times = 1) {
      known.add(openid)
      for (const id of ids) add(openid, id, times)
      save()
    },

    know(openid) {
      if (known.has(openid)) return
      known.add(openid)
      save()
    },

    remaining: left,

    async answer(api, payload, caller) {
      const fn = functionOfTag(caller.tag, names())
      if (!fn || !permissions(fn).includes(api)) {
        return new OpenApiSystemError(NO_OPENAPI_PERMISSION, `function ${fn ?? '(none)'} has no permission to call ${api} (config.json permissions.openapi)`)
      }
      if (api !== 'subscribeMessage.send') return { errcode: -1, errmsg: `the local WeChat has no model of ${api}` }
      const p = (typeof payload === 'object' && payload !== null ? payload : {}) as { touser?: unknown; template_id?: unknown; data?: unknown }
      const touser = typeof p.touser === 'string' ? p.touser : ''
      if (!known.has(touser)) return { errcode: 40003, errmsg: `invalid openid rid: local-${touser.slice(0, 32)}` }
      const templateId = typeof p.template_id === 'string' ? p.template_id : ''
      if (!templateIds().includes(templateId)) return { errcode: 40037, errmsg: 'invalid template_id rid: local' }
      const field = invalidField(p.data)
      if (field) return { errcode: 47003, errmsg: `argument invalid! data.${field}.value invalid rid: local` }
      if (left(touser, templateId) <= 0) return { errcode: 43101, errmsg: 'user refuse to accept the msg rid: local' }
      add(touser, templateId, -1)
      save()
      return { errcode: 0, errmsg: 'ok', msgid: ++msgid }
    },

    observe(fn, action, openid, reply) {
      if (!openid) return
      wechat.know(openid)
      if (fn !== 'reminders' || action !== 'subscribed') return
      const r = reply as { ok?: unknown; data?: { accepted?: unknown } } | null
      if (r?.ok !== true || !Array.isArray(r.data?.accepted)) return
      const configs = templateConfigs()
      const ids = (r.data.accepted as unknown[]).filter((k): k is TemplateKey => (TEMPLATE_KEYS as readonly unknown[]).includes(k)).map((k) => configs[k].id)
      wechat.accept(openid, ids)
    },

    adoptSubs(subs) {
      const configs = templateConfigs()
      for (const s of subs) {
        if (typeof s.openid !== 'string') continue
        known.add(s.openid)
        const quota = (s.quota ?? {}) as Partial<Record<TemplateKey, number>>
        for (const key of TEMPLATE_KEYS) {
          const n = quota[key] ?? 0
          if (n > 0) add(s.openid, configs[key].id, n)
        }
      }
      save()
    },

    reset() {
      known.clear()
      state.accepts = {}
      save()
    },
  }
  return wechat
}

/**
 * The local WeChat of a data directory (`<dataDir>/wechat.json`), in step with its database: after a fresh
 * seed (or for data made before the file existed) its accepts are the seeded `reminder_subs` counts, as if
 * each of those members had accepted that often.
 */
export function wechatForDataDir(dataDir: string, subs: () => readonly Record<string, unknown>[], freshSeed: boolean): LocalWechat {
  const file = join(dataDir, 'wechat.json')
  const existed = existsSync(file)
  const wechat = createLocalWechat({ file })
  if (freshSeed || !existed) {
    wechat.reset()
    wechat.adoptSubs(subs())
  }
  return wechat
}
