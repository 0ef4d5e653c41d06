/**
 * `cloudbaserc.json` as data: derived from every `cloudfunctions/<fn>/config.json` (runtime, memory, timeout,
 * timer triggers) plus the environment variables each function gets as `{{env.X}}` placeholders, which
 * `npm run deploy` (and `tcb fn deploy`) fill from the deployer's environment — values never enter the repo.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { TEMPLATE_KEYS, TEMPLATE_TITLES } from '@shared/contract/reminders'
import { TEMPLATE_ENV } from '../../cloudfunctions/_kit/reminder-config'
import type { Env } from './env-file'

export const RC_FILE = 'cloudbaserc.json'
/** Where `scripts/build-functions.mjs` writes the bundles, relative to the repo root (also `project.config.json`). */
export const FUNCTION_ROOT = 'build/functions'
/** The CloudBase runtime used when a function's config.json names none (Node 18 or newer is required). */
export const DEFAULT_RUNTIME = 'Nodejs18.15'

export interface Trigger {
  name: string
  type: 'timer'
  /** CloudBase cron, 7 fields, seconds first: `0 0 9 * * * *`. Runs in Beijing time. */
  config: string
}

/** A function's `cloudfunctions/<fn>/config.json` (also copied into its bundle, where DevTools reads it). */
export interface FunctionConfig {
  timeout?: number
  memorySize?: number
  runtime?: string
  triggers?: Trigger[]
  permissions?: { openapi?: string[] }
}

export interface RcFunction {
  name: string
  handler: 'index.main'
  runtime: string
  timeout: number
  memorySize: number
  /** The bundle has no dependencies: nothing to install in the cloud. */
  installDependency: false
  envVariables: Record<string, string>
  triggers?: Trigger[]
}

export interface CloudbaseRc {
  version: '2.0'
  envId: string
  functionRoot: string
  functions: RcFunction[]
}

export interface DeployVariable {
  name: string
  /** Deploying without it is refused. */
  required: boolean
  /** Shown masked in the plan. */
  secret: boolean
  about: string
  /** A problem with a set value, or null. */
  check?: (value: string) => string | null
}

/**
 * Every variable the functions read, given to every function (one consistent environment). The template
 * variables come from the reminders configuration (`_kit/reminder-config.ts`), so a new template is listed here
 * without editing this file.
 */
export const deployVariables = (): DeployVariable[] => [
  {
    name: 'ZHIBU_SIGNIN_KEY',
    required: true,
    secret: true,
    about: '会议签到码的签名密钥 / HMAC key for meeting sign-in codes (≥32 random characters, e.g. `openssl rand -hex 32`)',
    check: (v) => (v.length >= 32 ? null : 'must be at least 32 characters (openssl rand -hex 32)'),
  },
  ...TEMPLATE_KEYS.map(
    (key): DeployVariable => ({
      name: TEMPLATE_ENV[key],
      required: false,
      secret: false,
      about: `订阅消息模板 ID「${TEMPLATE_TITLES[key]}」/ subscribe-message template id`,
      check: (v) => (/^[A-Za-z0-9_-]{10,64}$/.test(v) ? null : 'does not look like a template id (微信公众平台 → 订阅消息 → 我的模板)'),
    }),
  ),
  ...TEMPLATE_KEYS.map(
    (key): DeployVariable => ({
      name: `${TEMPLATE_ENV[key]}_FIELDS`,
      required: false,
      secret: false,
      about: `「${TEMPLATE_TITLES[key]}」关键词编号与推荐模板不同时的映射 JSON / keyword map when the numbering differs`,
      check: (v) => {
        try {
          const parsed: unknown = JSON.parse(v)
          return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? null : 'must be a JSON object'
        } catch {
          return 'must be a JSON object, e.g. {"title":"thing2","date":"date1"}'
        }
      },
    }),
  ),
  {
    name: 'ZHIBU_MP_STATE',
    required: false,
    secret: false,
    about: '订阅消息打开的版本 formal（正式版，默认）| trial（体验版）| developer / which version a message opens',
    check: (v) => (['formal', 'trial', 'developer'].includes(v) ? null : 'must be formal, trial or developer'),
  },
]

/** Every `cloudfunctions/<name>/` with an index.ts, not starting with `_` (the same rule as the build and the host). */
export const functionNames = (root: string): string[] =>
  readdirSync(join(root, 'cloudfunctions'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(root, 'cloudfunctions', d.name, 'index.ts')))
    .map((d) => d.name)
    .sort()

export const readFunctionConfig = (root: string, fn: string): FunctionConfig => {
  const p = join(root, 'cloudfunctions', fn, 'config.json')
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as FunctionConfig) : {}
}

const MEMORY_SIZES = [64, 128, 256, 512, 1024, 2048, 3072]

/** Problems with a function's config.json for CloudBase (docs/PITFALLS.md: timeout ≤ 60 s, 7-field timer cron). */
export function checkFunctionConfig(fn: string, cfg: FunctionConfig): string[] {
  const out: string[] = []
  const runtime = cfg.runtime ?? DEFAULT_RUNTIME
  const major = /^Nodejs(\d+)\.\d+$/.exec(runtime)?.[1]
  if (!major || Number(major) < 18) out.push(`${fn}: runtime ${runtime} — use Nodejs18.15 or newer`)
  if (cfg.timeout !== undefined && !(Number.isInteger(cfg.timeout) && cfg.timeout >= 1 && cfg.timeout <= 60)) out.push(`${fn}: timeout ${cfg.timeout} — 1..60 seconds`)
  if (cfg.memorySize !== undefined && !MEMORY_SIZES.includes(cfg.memorySize)) out.push(`${fn}: memorySize ${cfg.memorySize} — one of ${MEMORY_SIZES.join(', ')}`)
  const triggers = cfg.triggers ?? []
  if (triggers.length > 1) out.push(`${fn}: one timer trigger per function`)
  for (const t of triggers) {
    if (t.type !== 'timer') out.push(`${fn}: trigger ${t.name} — only timer triggers are supported`)
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,59}$/.test(t.name)) out.push(`${fn}: trigger name ${t.name} — letters, digits, - and _`)
    if (t.config.trim().split(/\s+/).length !== 7) out.push(`${fn}: trigger ${t.name} cron "${t.config}" — CloudBase needs 7 fields (second minute hour day month weekday year)`)
  }
  return out
}

/** The cloudbaserc.json this repository should have: one entry per function, in name order. */
export function expectedRc(root: string): CloudbaseRc {
  const envVariables = Object.fromEntries(deployVariables().map((v) => [v.name, `{{env.${v.name}}}`]))
  return {
    version: '2.0',
    envId: '{{env.TCB_ENV_ID}}',
    functionRoot: FUNCTION_ROOT,
    functions: functionNames(root).map((name): RcFunction => {
      const cfg = readFunctionConfig(root, name)
      return {
        name,
        handler: 'index.main',
        runtime: cfg.runtime ?? DEFAULT_RUNTIME,
        timeout: cfg.timeout ?? 10,
        memorySize: cfg.memorySize ?? 256,
        installDependency: false,
        envVariables: { ...envVariables },
        ...(cfg.triggers?.length ? { triggers: cfg.triggers } : {}),
      }
    }),
  }
}

export const readRc = (root: string): CloudbaseRc | null => {
  const p = join(root, RC_FILE)
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as CloudbaseRc) : null
}

export const formatRc = (rc: CloudbaseRc): string => JSON.stringify(rc, null, 2) + '\n'

export const writeRc = (root: string, rc: CloudbaseRc): void => writeFileSync(join(root, RC_FILE), formatRc(rc))

const PLACEHOLDER = /\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g

/** Fills `{{env.X}}` placeholders from `env` (unset → ''), as the CloudBase CLI does. */
export function renderRc(rc: CloudbaseRc, env: Env): CloudbaseRc {
  const render = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(PLACEHOLDER, (_m, name: string) => env[name] ?? '')
    if (Array.isArray(v)) return v.map(render)
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, render(x)]))
    return v
  }
  return render(rc) as CloudbaseRc
}
