/**
 * Finds the cloud functions and loads their `main`: from the esbuild bundles (`build/functions/<fn>/index.js`,
 * what CloudBase runs) for the local system, or from source for in-process tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

export type Main = (event: unknown, context: unknown) => Promise<unknown>

export const ROOT = resolve(__dirname, '..', '..')
export const SOURCE_DIR = join(ROOT, 'cloudfunctions')
export const BUNDLE_DIR = join(ROOT, 'build', 'functions')

/** Function names: every `cloudfunctions/<name>/` with an index.ts, `_kit` and friends excluded. */
export const functionNames = (): string[] =>
  readdirSync(SOURCE_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && existsSync(join(SOURCE_DIR, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort()

export interface FunctionConfig {
  timeout?: number
  triggers?: { name: string; type: string; config: string }[]
  permissions?: { openapi?: string[] }
}

export const functionConfig = (fn: string): FunctionConfig => {
  const p = join(SOURCE_DIR, fn, 'config.json')
  return existsSync(p) ? (JSON.parse(readFileSync(p, 'utf8')) as FunctionConfig) : {}
}

/**
 * SCF's timeout when a function's `config.json` names none: 3 s (docs/PITFALLS.md, "CloudBase SDKs"; CloudBase's
 * function settings default). Each of our functions sets its own `"timeout"` (seconds) in `config.json`.
 */
export const DEFAULT_FUNCTION_TIMEOUT_S = 3

/** The timeout of `fn` in ms, as deployed: its `config.json` `"timeout"` in seconds. */
export const functionTimeoutMs = (fn: string): number => {
  const s = functionConfig(fn).timeout
  return (typeof s === 'number' && s > 0 ? s : DEFAULT_FUNCTION_TIMEOUT_S) * 1000
}

const cache = new Map<string, Main>()

/** `mode: 'bundle'` requires the built bundle, `'source'` the TypeScript entry (jest transforms it). */
export const loadMain = (fn: string, mode: 'bundle' | 'source'): Main => {
  const key = `${mode}:${fn}`
  const hit = cache.get(key)
  if (hit) return hit
  const file = mode === 'bundle' ? join(BUNDLE_DIR, fn, 'index.js') : join(SOURCE_DIR, fn, 'index.ts')
  if (!existsSync(file)) throw new Error(`function ${fn} not found at ${file}${mode === 'bundle' ? ' (run npm run build:fn)' : ''}`)
  const mod = require(file) as { main?: Main }
  if (typeof mod.main !== 'function') throw new Error(`${file} exports no main`)
  cache.set(key, mod.main)
  return mod.main
}
