// Starts the local system exactly as `npm start` does (fresh data folder, free port) unless E2E_BASE_URL
// points at a running one; the URL reaches the tests through the environment. The stack lives at a stated
// instant (E2E_AT, default 10:00 Beijing on Friday 2026-11-20): the demo seed is made relative to it and
// the phones' clocks are set to it, so the flows do not depend on the day the suite runs.
const { spawn } = require('node:child_process')
const { mkdtempSync } = require('node:fs')
const { tmpdir } = require('node:os')
const { join, resolve } = require('node:path')
const net = require('node:net')

const freePort = () =>
  new Promise((res, rej) => {
    const s = net.createServer()
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => res(port))
    })
    s.on('error', rej)
  })

const E2E_AT = '2026-11-20T02:00:00.000Z'

module.exports = async () => {
  if (process.env.E2E_BASE_URL) return
  process.env.E2E_AT ??= E2E_AT
  const root = resolve(__dirname, '..', '..')
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'zhibu-e2e-'))
  const child = spawn(process.execPath, ['local/scripts/start.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), ZHIBU_DATA_DIR: dataDir, ZHIBU_OPEN: '0', ZHIBU_AT: process.env.E2E_AT },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let log = ''
  child.stdout.on('data', (d) => (log += d))
  child.stderr.on('data', (d) => (log += d))
  const url = `http://127.0.0.1:${port}`
  const deadline = performance.now() + 240_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`local system exited early:\n${log}`)
    try {
      const r = await fetch(`${url}/dev/session`)
      if (r.ok) break
    } catch {}
    if (performance.now() > deadline) throw new Error(`local system did not start:\n${log}`)
    await new Promise((r) => setTimeout(r, 300))
  }
  process.env.E2E_BASE_URL = url
  globalThis.__ZHIBU_STACK__ = child
}
