// `node scripts/check-weapp.mjs`: WeChat's own compiler and code-quality check (miniprogram-ci, offline, placeholder
// AppID and key) on miniprogram/dist/weapp with project.config.json's settings (`useProjectConfig`: es6, minified,
// minifyWXML, minifyWXSS …), as DevTools' upload compiles it. Prints the files compiled, each package's size as
// compiled (what is uploaded, limit 2 MB each) and as checkCodeQuality measures the build, and every quality item;
// writes build/weapp-quality.json. Exits 1 on a compile error or a failed quality item. `npm test` runs it after
// the build (step `weapp-ci`); `npm run bench` reads the report for the package sizes.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import ci from 'miniprogram-ci'

const root = resolve(import.meta.dirname, '..')
const out = join(root, 'build', 'weapp-quality.json')
const config = JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8'))
const dist = join(root, config.miniprogramRoot)
if (!existsSync(join(dist, 'app.json'))) {
  console.error(`${config.miniprogramRoot}app.json is absent — run \`npm run build:weapp\` first`)
  process.exit(1)
}
const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8'))
const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => `${s.root.replace(/\/$/, '')}/`)
const MB = 1024 * 1024
const LIMIT = 2 * MB
const kb = (n) => `${(n / 1024).toFixed(0)} KB`.padStart(8)

const project = new ci.Project({
  appid: 'wx0000000000000000',
  type: 'miniProgram',
  projectPath: root,
  privateKey: 'placeholder',
  // The account's attributes come from WeChat with a real key; offline, DevTools' defaults (2 MB per package).
  attr: async () => ci.DefaultProjectAttr,
})

const t0 = performance.now()
const compileErrors = []
let compiled = {}
try {
  // Offline it logs a failed fetch of WeChat's extension whitelist and goes on.
  compiled = await ci.getCompiledResult({
    project,
    setting: { useProjectConfig: true },
    onProgressUpdate(task) {
      if (task && typeof task === 'object' && task.status === 'fail') compileErrors.push(String(task.message))
    },
  })
} catch (e) {
  compileErrors.push(e instanceof Error ? e.message : String(e))
}
const compileSeconds = Math.round((performance.now() - t0) / 1000)

const packageOf = (file) => roots.find((r) => file.startsWith(r)) ?? '__APP__'
const compiledBytes = Object.fromEntries([['__APP__', 0], ...roots.map((r) => [r, 0])])
for (const [file, body] of Object.entries(compiled)) compiledBytes[packageOf(file)] += Buffer.byteLength(body)

const quality = await ci.checkCodeQuality(project)
const sourceBytes = quality.find((q) => q.name === 'PACKAGE_SIZE_LIMIT')?.detail ?? {}
const overLimit = Object.entries(compiledBytes).filter(([, n]) => n >= LIMIT).map(([p]) => p)
const failedItems = quality.filter((q) => !q.success).map((q) => q.name)

const report = {
  miniprogramRoot: config.miniprogramRoot,
  setting: Object.fromEntries(['es6', 'enhance', 'postcss', 'minified', 'minifyWXML', 'minifyWXSS'].map((k) => [k, config.setting?.[k] ?? false])),
  compile: { ok: compileErrors.length === 0, errors: compileErrors, files: Object.keys(compiled).length, seconds: compileSeconds },
  packageLimitBytes: LIMIT,
  /** Each package as WeChat's compiler outputs it with the project's settings: what the upload carries. */
  compiledBytes,
  /** Each package as checkCodeQuality measures the build on disk (its PACKAGE_SIZE_LIMIT item, limit 1.5 MB). */
  qualityCheckBytes: sourceBytes,
  quality,
  ok: compileErrors.length === 0 && failedItems.length === 0 && overLimit.length === 0,
}
mkdirSync(join(root, 'build'), { recursive: true })
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`)

console.log(`\nweapp-ci: ${report.compile.files} files compiled in ${compileSeconds} s (${Object.entries(report.setting).map(([k, v]) => `${k} ${v ? 'on' : 'off'}`).join(', ')})`)
for (const e of compileErrors) console.log(`  ✘ compile: ${e}`)
console.log(`  ${'package'.padEnd(26)} ${'compiled'.padStart(8)} ${'on disk'.padStart(8)}   (limit ${kb(LIMIT).trim()} each)`)
for (const [p, n] of Object.entries(compiledBytes)) console.log(`  ${(p === '__APP__' ? 'main' : p).padEnd(26)} ${kb(n)} ${kb(sourceBytes[p] ?? 0)}${n >= LIMIT ? '  ✘ over limit' : ''}`)
console.log('  quality check:')
for (const q of quality) console.log(`  ${q.success ? '✔' : '✘'} ${q.name.padEnd(30)} ${q.success ? '' : q.text}`)
console.log(`report: ${out}`)
// miniprogram-ci leaves a file watcher and its compiler process running: exit explicitly.
process.exit(report.ok ? 0 : 1)
