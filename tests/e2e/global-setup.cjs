// Starts the local system exactly as `npm start` does (fresh data folder, free port) unless E2E_BASE_URL
// points at a running one; the URL reaches the tests through the environment.
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

module.exports = async () => {
  if (process.env.E2E_BASE_URL) return
  const root = resolve(__dirname, '..', '..')
  const port = await freePort()
  const dataDir = mkdtempSync(join(tmpdir(), 'zhibu-e2e-'))
  const child = spawn(process.execPath, ['local/scripts/start.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), ZHIBU_DATA_DIR: dataDir, ZHIBU_OPEN: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  let log = ''
  child.stdout.on('data', (d) => (log += d))
  child.stderr.on('data', (d) => (log += d))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 240_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`local system exited early:\n${log}`)
    try {
      const r = await fetch(`${url}/dev/session`)
      if (r.ok) break
    } catch {}
    if (Date.now() > deadline) throw new Error(`local system did not start:\n${log}`)
    await new Promise((r) => setTimeout(r, 300))
  }
  process.env.E2E_BASE_URL = url
  globalThis.__ZHIBU_STACK__ = child
}
