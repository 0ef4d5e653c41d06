// Shared by `npm start`, `npm test` and `npm run bench`: is a build older than its sources, and
// Debian's Chromium (plus CJK fonts for readable screenshots) installed when missing.
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** The newest modification time of any file below `dir` (node_modules, dist and dot folders skipped). */
export const newest = (dir) => {
  let t = 0
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else t = Math.max(t, statSync(p).mtimeMs)
    }
  }
  walk(dir)
  return t
}

export const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0)

/** Installs Debian's chromium (and fonts-noto-cjk) with apt-get when the browser is missing. */
export const ensureChromium = () => {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (existsSync(chromium)) return chromium
  const sudo = process.getuid?.() === 0 ? '' : 'sudo '
  console.log(`Chromium not found at ${chromium}; installing Debian's chromium …`)
  execSync(`${sudo}apt-get update -qq && ${sudo}DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk`, {
    stdio: 'inherit',
  })
  return chromium
}
