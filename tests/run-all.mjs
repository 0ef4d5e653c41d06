// `npm test`: everything, in order — Chromium present (installs Debian's package as root if missing),
// typecheck, lint, function bundles + H5 + weapp builds, WeChat's compiler and quality check, rules coverage (100% lines, two time zones),
// unit/handler/UI/reliability tests (jest), then e2e in headless Chromium against the `npm start` stack. Ends with one summary line.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { ensureChromium } from '../scripts/lib/prereqs.mjs'

const root = resolve(import.meta.dirname, '..')
const only = process.argv.slice(2)
const steps = []
const run = (name, cmd, opts = {}) => {
  if (only.length && !only.includes(name)) return
  const t0 = performance.now()
  console.log(`\n▶ ${name}: ${cmd}`)
  const r = spawnSync(cmd, { cwd: root, shell: true, stdio: 'inherit', env: { ...process.env, ...opts.env } })
  const ok = r.status === 0
  steps.push({ name, ok, seconds: Math.round((performance.now() - t0) / 1000), jsonFile: opts.jsonFile })
  console.log(`${ok ? '✔' : '✘'} ${name} (${Math.round((performance.now() - t0) / 1000)} s)`)
  return ok
}

ensureChromium()

const tmp = mkdtempSync(join(tmpdir(), 'zhibu-results-'))
run('typecheck', 'npx tsc -p tsconfig.json --noEmit')
run('lint', 'npx eslint . --max-warnings=0')
run('build', 'node scripts/build-functions.mjs && npm run build:h5 --silent && npm run build:weapp --silent')
// WeChat's own compiler and code-quality check on the weapp build (miniprogram-ci, offline): compile errors, sizes, compression.
run('weapp-ci', 'node scripts/check-weapp.mjs')
run('rules-coverage', 'node tests/rules-coverage.mjs')
// The handler tests log every query their functions issue; the indexes step checks each is served by an
// index in cloudfunctions/_kit/indexes.ts.
run('jest', `npx jest --ci --maxWorkers=2 --json --outputFile=${join(tmp, 'jest.json')}`, { jsonFile: join(tmp, 'jest.json'), env: { ZHIBU_QUERY_LOG: join(tmp, 'queries') } })
run('indexes', `node scripts/check-indexes.mjs ${join(tmp, 'queries')}`)
run('e2e', `npx jest -c tests/e2e/jest.config.js --ci --json --outputFile=${join(tmp, 'e2e.json')}`, { jsonFile: join(tmp, 'e2e.json') })

let passed = 0
let failed = 0
let skipped = 0
for (const s of steps) {
  if (s.jsonFile && existsSync(s.jsonFile)) {
    const j = JSON.parse(readFileSync(s.jsonFile, 'utf8'))
    passed += j.numPassedTests
    failed += j.numFailedTests + (s.ok || j.numFailedTests ? 0 : 1)
    skipped += j.numPendingTests + j.numTodoTests
  } else if (s.ok) passed += 1
  else failed += 1
}
console.log('\nSummary:')
for (const s of steps) console.log(`  ${s.ok ? '✔' : '✘'} ${s.name.padEnd(10)} ${s.seconds} s`)
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(steps.every((s) => s.ok) ? 0 : 1)
