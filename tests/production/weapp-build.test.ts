/**
 * The WeChat build: after `npm run build:weapp`, `app.json` lists every page that exists (tab pages
 * and subpackages), the main package stays under 2 MB (the figure is printed), each subpackage under 2 MB and
 * the whole under 30 MB (WeChat refuses the upload otherwise, error 80051); DevTools' project.config.json
 * points at the build and the function bundles. `npm test` builds weapp before jest; a lone jest run without
 * a build skips the build checks, saying so.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'

const root = resolve(__dirname, '..', '..')
// ZHIBU_MINIPROGRAM_DIR: check a build made elsewhere (a copy of miniprogram/ built while others rebuild this one).
const app = process.env.ZHIBU_MINIPROGRAM_DIR ?? join(root, 'miniprogram')
const src = join(app, 'src')
const dist = join(app, 'dist', 'weapp')
const MB = 1024 * 1024
const MAIN_MAX = 2 * MB
const SUB_MAX = 2 * MB
const TOTAL_MAX = 30 * MB

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]))

/** Page routes from the sources: every `index.tsx` under pages/ and subpackages/ that is not a component. */
const sourcePages = (): string[] =>
  ['pages', 'subpackages']
    .filter((d) => existsSync(join(src, d)))
    .flatMap((d) => walk(join(src, d)))
    .filter((f) => f.endsWith(`${sep}index.tsx`) && !f.split(sep).includes('components'))
    .map((f) => relative(src, f).split(sep).join('/').replace(/\.tsx$/, ''))
    .sort()

interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
  tabBar?: { list: { pagePath: string; iconPath?: string; selectedIconPath?: string }[] }
}

const appJsonPath = join(dist, 'app.json')
const built = existsSync(appJsonPath)
// A build older than the app configuration is stale: treat it like none in a lone run (npm test rebuilds).
const stale = built && statSync(appJsonPath).mtimeMs < statSync(join(src, 'app.config.ts')).mtimeMs
const skipReason = !built ? 'miniprogram/dist/weapp is absent — run `npm run build:weapp` (npm test does)' : stale ? 'miniprogram/dist/weapp is older than app.config.ts — run `npm run build:weapp`' : null
if (skipReason) console.warn(`weapp build checks skipped: ${skipReason}`)
const buildTest = skipReason ? test.skip : test

const readApp = (): AppJson => JSON.parse(readFileSync(appJsonPath, 'utf8')) as AppJson
const subpackagesOf = (app: AppJson) => app.subPackages ?? app.subpackages ?? []

buildTest('app.json lists every page that exists, and only those', () => {
  const app = readApp()
  const listed = [...app.pages, ...subpackagesOf(app).flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))].sort()
  const pages = sourcePages()
  expect({ missingFromAppJson: pages.filter((p) => !listed.includes(p)), withoutSource: listed.filter((p) => !pages.includes(p)) }).toEqual({
    missingFromAppJson: [],
    withoutSource: [],
  })
  // Every listed page was built.
  for (const p of listed) expect(existsSync(join(dist, `${p}.js`)) ? p : `${p}.js not built`).toBe(p)
})

buildTest('tab pages are in the main package and their icons were copied', () => {
  const app = readApp()
  for (const tab of app.tabBar?.list ?? []) {
    expect(app.pages).toContain(tab.pagePath)
    for (const icon of [tab.iconPath, tab.selectedIconPath]) if (icon) expect(existsSync(join(dist, icon)) ? icon : `${icon} missing`).toBe(icon)
  }
})

buildTest('main package < 2 MB, each subpackage < 2 MB, total < 30 MB', () => {
  const app = readApp()
  const roots = subpackagesOf(app).map((s) => s.root.replace(/\/$/, ''))
  const files = walk(dist).filter((f) => !f.endsWith('.map'))
  const sizes = new Map<string, number>([['(main)', 0], ...roots.map((r): [string, number] => [r, 0])])
  for (const f of files) {
    const rel = relative(dist, f).split(sep).join('/')
    const owner = roots.find((r) => rel.startsWith(`${r}/`)) ?? '(main)'
    sizes.set(owner, (sizes.get(owner) ?? 0) + statSync(f).size)
  }
  const total = [...sizes.values()].reduce((a, b) => a + b, 0)
  const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
  console.log(
    [`weapp package sizes (main limit ${kb(MAIN_MAX)}):`, ...[...sizes].map(([k, v]) => `  ${k.padEnd(26)} ${kb(v).padStart(8)}`), `  ${'total'.padEnd(26)} ${kb(total).padStart(8)}`].join('\n'),
  )
  expect(sizes.get('(main)')!).toBeLessThan(MAIN_MAX)
  for (const r of roots) expect({ [r]: sizes.get(r)! < SUB_MAX }).toEqual({ [r]: true })
  expect(total).toBeLessThan(TOTAL_MAX)
})

test('project.config.json points DevTools at the weapp build and the function bundles', () => {
  const cfg = JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8')) as Record<string, unknown>
  expect(cfg.miniprogramRoot).toBe('miniprogram/dist/weapp/')
  expect(cfg.cloudfunctionRoot).toBe('build/functions/')
  expect(cfg.compileType).toBe('miniprogram')
  expect(String(cfg.appid)).toMatch(/^(wx[0-9a-f]{16}|touristappid)$/)
})

test('the example settings name every TARO_APP_* variable the app reads, with placeholders only', () => {
  const example = readFileSync(join(app, '.env.example'), 'utf8')
  const used = new Set(
    walk(src)
      .filter((f) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f))
      .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/process\.env\.(TARO_APP_[A-Z0-9_]+)/g)].map((m) => m[1]!)),
  )
  for (const name of used) expect(example.includes(`${name}=`) ? name : `${name} not in miniprogram/.env.example`).toBe(name)
  expect(example).not.toMatch(/TARO_APP_ID=wx(?!0{16})[0-9a-f]{16}/)
})
