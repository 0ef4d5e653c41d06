// `npm run bench`, the performance benchmarks: builds what is missing or stale (function bundles, H5,
// weapp), runs each bench scenario in its own process against a fresh local cloud (tests/bench/scenario.ts
// through the esbuild require hook), writes bench/results.json and prints a table. Figures are reported,
// never judged: the exit code is non-zero only when a scenario itself crashed. `node tests/bench/run.mjs
// frontend` re-runs a subset and updates its figures in the last results.
import { execSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ensureChromium, mtime, newest } from '../../scripts/lib/prereqs.mjs'

const root = resolve(import.meta.dirname, '..', '..')
const ALL = ['demo', 'org', 'fanout', 'bundles', 'frontend']
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const scenarios = only.length ? ALL.filter((s) => only.includes(s)) : ALL

// ---- prerequisites: built when missing or older than their sources (as `npm start` does)
const sh = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' })

const fnSrc = Math.max(newest(join(root, 'shared')), newest(join(root, 'cloudfunctions')))
if (mtime(join(root, 'build', 'functions')) < fnSrc) sh('node scripts/build-functions.mjs')
if (scenarios.includes('frontend')) {
  ensureChromium() // as `npm test` does: Debian's Chromium for the first-render figure
  const uiSrc = Math.max(newest(join(root, 'miniprogram', 'src')), newest(join(root, 'shared')))
  if (mtime(join(root, 'miniprogram', 'dist', 'h5', 'index.html')) < uiSrc) {
    console.log('building H5 …')
    sh('npm run build:h5 --silent')
  }
  if (mtime(join(root, 'miniprogram', 'dist', 'weapp', 'app.json')) < uiSrc) {
    console.log('building weapp …')
    sh('npm run build:weapp --silent')
  }
}

// ---- scenarios, one process each
const tmp = mkdtempSync(join(tmpdir(), 'zhibu-bench-'))
const resultsFile = join(root, 'bench', 'results.json')
// A subset run updates the figures of its scenarios in the last results and keeps the others.
const previous = only.length && existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : null
const results = {}
if (previous) {
  const { generatedAt: _g, machine: _m, scenarios: _s, dbRequests: _d, docsRead: _r, targets: _t, misses: _x, ...kept } = previous
  Object.assign(results, kept)
  results.actions = (previous.actions ?? []).filter((a) => !scenarios.includes(a.scenario))
}
const crashed = []
const seconds = {}
for (const name of scenarios) {
  const out = join(tmp, `${name}.json`)
  const t0 = performance.now()
  console.log(`\n▶ ${name}`)
  const r = spawnSync(
    process.execPath,
    ['--disable-warning=MaxListenersExceededWarning', '-r', join(root, 'tests', 'bench', 'register.cjs'), join(root, 'tests', 'bench', 'scenario.ts'), name, out],
    { cwd: root, stdio: 'inherit', env: { ...process.env, SILENCE: 'true' } },
  )
  seconds[name] = Math.round((performance.now() - t0) / 1000)
  if (r.status !== 0 || !existsSync(out)) {
    crashed.push(name)
    console.log(`✘ ${name} crashed (exit ${r.status ?? r.signal})`)
    continue
  }
  console.log(`✔ ${name} (${seconds[name]} s)`)
  const part = JSON.parse(readFileSync(out, 'utf8'))
  const { actions = [], ...rest } = part
  results.actions = [...(results.actions ?? []), ...actions.map((a) => ({ ...a, scenario: name }))]
  Object.assign(results, rest)
}
rmSync(tmp, { recursive: true, force: true })

// ---- results.json: dbRequests.<fn>.<action>, docsRead.<fn>.<action>, targets, the rest as measured
const nest = (field) => {
  const o = {}
  for (const a of results.actions ?? []) (o[a.fn] ??= {})[a.key] = a[field]
  return o
}
const actions = results.actions ?? []
const misses = actions.filter((a) => !a.within || a.error).map((a) => ({ action: `${a.fn}.${a.key}`, view: a.view, requests: a.requests, target: a.target, error: a.error }))
const { actions: _omit, ...measured } = results
const report = {
  generatedAt: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version },
  scenarios: { ...previous?.scenarios, ...Object.fromEntries(scenarios.map((s) => [s, crashed.includes(s) ? 'crashed' : `${seconds[s]} s`])) },
  dbRequests: nest('requests'),
  docsRead: nest('docsRead'),
  targets: nest('target'),
  misses,
  ...measured,
  actions,
}
mkdirSync(join(root, 'bench'), { recursive: true })
writeFileSync(resultsFile, JSON.stringify(report, null, 2) + '\n')

// ---- the table
const pad = (s, n) => {
  const str = String(s)
  const w = [...str].reduce((a, c) => a + (c.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)
  return str + ' '.repeat(Math.max(0, n - w))
}
const lpad = (s, n) => ' '.repeat(Math.max(0, n - String(s).length)) + String(s)
const kb = (b) => (b === undefined ? '—' : `${(b / 1024).toFixed(0)} KB`)
const line = (...cols) => console.log(cols.join('  '))

if (actions.length) {
  console.log('\nDatabase requests per call (local backend counters; targets: member ≤2, 支委 ≤4, dashboard ≤6, org overview ≤10)\n')
  line(pad('action', 30), pad('screen', 50), lpad('requests', 8), lpad('target', 6), ' ', lpad('docsRead', 8))
  for (const a of actions) {
    line(pad(`${a.fn}.${a.key}`, 30), pad(a.view, 50), lpad(a.requests, 8), lpad(`≤${a.target}`, 6), a.within ? '✔' : '✘', lpad(a.docsRead, 8), a.error ? ` (answered ${a.error})` : '')
  }
  if (results.home) console.log(`\n首页 (member): ${results.home.calls} calls, ${results.home.requests} requests, ${results.home.docsRead} documents read in all`)
}
const show = (title, o) => o && console.log(`${title}: ${Object.entries(o).map(([k, v]) => `${k} ${v}`).join(', ')}`)
console.log('')
show(`signinBurst (${results.signinBurst?.members ?? '?'} members at once)`, results.signinBurst)
show('voteBurst (50 voters × 5 submissions)', results.voteBurst)
show('reminderFanout (5,000 due, WeChat 20 ms)', results.reminderFanout)
if (results.bundleBytes) {
  console.log('\nFunctions: bundle vs unbundled (transpiled file by file + node_modules packages it loads)\n')
  line(pad('function', 12), lpad('bundle', 9), lpad('unbundled', 10), lpad('×', 5), lpad('cold start', 11), lpad('unbundled', 10), lpad('×', 5))
  for (const fn of Object.keys(results.bundleBytes)) {
    line(
      pad(fn, 12),
      lpad(kb(results.bundleBytes[fn]), 9),
      lpad(kb(results.unbundledBytes[fn]), 10),
      lpad(results.bytesRatio[fn], 5),
      lpad(`${results.coldStartMs[fn]} ms`, 11),
      lpad(`${results.unbundledColdStartMs[fn]} ms`, 10),
      lpad(results.coldStartRatio[fn], 5),
    )
  }
}
if (results.weappTotalBytes !== undefined) {
  const limit = results.weappPackageLimitBytes
  const subs = Object.entries(results.weappSubpackageBytes ?? {})
  const over = subs.filter(([, b]) => b > limit).map(([r]) => r)
  console.log(`\nweapp: main package ${kb(results.weappMainPackageBytes)} ${results.weappMainPackageBytes <= limit ? '✔' : '✘'} (limit 2 MB each), largest subpackage ${kb(Math.max(0, ...subs.map(([, b]) => b)))} ${over.length ? `✘ ${over.join(', ')}` : '✔'}, total ${kb(results.weappTotalBytes)}`)
  console.log(`H5: initial JS ${kb(results.h5InitialJsGzipBytes)} gzipped (${kb(results.h5InitialJsBytes)} raw); JS until 首页 rendered ${kb(results.h5HomeJsGzipBytes)} gzipped`)
  console.log(`H5 首页 first render at 4× CPU throttling: ${results.h5FirstRenderMs} ms median of ${results.h5FirstRenderRunsMs?.length} (${results.h5FirstRenderRunsMs?.join(', ')}), first contentful paint ${results.h5FirstContentfulPaintMs} ms`)
}
if (misses.length) {
  console.log('\nOver target:')
  for (const m of misses) console.log(`  ✘ ${m.action} (${m.view}): ${m.requests} requests, target ≤${m.target}${m.error ? `, answered ${m.error}` : ''}`)
}
console.log(`\nwrote bench/results.json${crashed.length ? `; crashed: ${crashed.join(', ')}` : ''}`)
process.exit(crashed.length ? 1 : 0)
