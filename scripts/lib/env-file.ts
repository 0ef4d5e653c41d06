/**
 * The deployer's settings: `KEY=value` lines from the git-ignored root `.env` (see `.env.example`), with the
 * process environment taking precedence, so secrets live on the deployer's machine and never in the repo.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export type Env = Record<string, string | undefined>

/** Parses `KEY=value` lines: `#` comments, optional `export `, single or double quotes (no expansion). */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || line.startsWith('#')) continue
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line)
    if (!m) continue
    const key = m[1] as string
    let value = (m[2] as string).trim()
    const quote = value[0]
    if ((quote === '"' || quote === "'") && value.lastIndexOf(quote) > 0) {
      value = value.slice(1, value.lastIndexOf(quote))
    } else {
      value = value.replace(/\s+#.*$/, '')
    }
    out[key] = value
  }
  return out
}

/** `.env` then `.env.local` from `dir`, overridden by `env` (the process environment). Empty values count as unset. */
export function loadDeployEnv(dir: string, env: Env = process.env): Env {
  const merged: Env = {}
  for (const file of ['.env', '.env.local']) {
    const p = join(dir, file)
    if (existsSync(p)) Object.assign(merged, parseEnvFile(readFileSync(p, 'utf8')))
  }
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') merged[k] = v
  return merged
}
