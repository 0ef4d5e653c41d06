/**
 * Secrets: what ships — the cloud bundles (`build/functions/<fn>/index.js`) and the H5 build
 * (`miniprogram/dist/h5`) — holds no secret (private keys, Tencent Cloud keys, AppSecret-like values, the
 * sign-in key's development default, the values of the deployment's own secret variables), no code from
 * local/ and no local-only endpoint (`/dev/*`, `x-zhibu-openid`; the H5 build's own `/api/<fn>` calls are
 * fine). And `npm audit --omit=dev` finds no high or critical issue in the runtime dependencies — or, where
 * the registry's audit endpoint cannot be reached, the test says so and is skipped with that reason.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { functionNames } from '../../local/host/functions'

const root = resolve(__dirname, '..', '..')
const bundleDir = join(root, 'build', 'functions')
const h5Dir = join(root, 'miniprogram', 'dist', 'h5')

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))

/** Patterns of secrets, each with what it stands for. */
export const SECRET_PATTERNS: [string, RegExp][] = [
  ['a private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['a Tencent Cloud SecretId', /AKID[0-9A-Za-z]{32}/],
  ['a Tencent Cloud / CloudBase key assigned a value', /(?:TENCENTCLOUD_SECRET(?:ID|KEY)|TCB_SECRET_(?:ID|KEY)|SECRET_?ID|SECRET_?KEY)["']?\s*[:=]\s*["'`][^"'`\s]{6,}["'`]/i],
  ['an AppSecret-like 32-hex value under a secret-ish name', /[\w$]*(?:secret|token|passw(?:or)?d|private|api_?key|access_?key|app_?key|signin_?key)[\w$]*["']?\s*[:=]\s*["'`][0-9a-fA-F]{32}["'`]/i],
  ['the sign-in key’s development default', /zhibu-dev-signin-key/],
]

/** Strings that exist only in local/ (the local cloud, host, dev pages, demo seed) or its endpoints. */
export const LOCAL_MARKERS: [string, string][] = [
  ['/dev/login', 'local-only endpoint'],
  ['/dev/clock', 'local-only endpoint'],
  ['/dev/outbox', 'local-only endpoint'],
  ['/dev/messages', 'local-only endpoint'],
  ['/dev/session', 'local-only endpoint'],
  ['x-zhibu-openid', 'local-only caller header'],
  ['x-zhibu-invocation', 'local database request tag'],
  ['zhibu_openid', 'local dev-login cookie'],
  ['本地演示环境', 'local host banner'],
  ['wx_local_demo', 'local fabricated AppID'],
  ['dev_admin', 'demo seed openid'],
  ['dev_m_b1_', 'demo seed openid'],
  ['br_demo_1', 'demo seed id'],
  ['示范社区第一党支部', 'demo seed data'],
  ['createDbService', 'local database'],
  ['pointSdkAt', 'local database'],
  ['withInvocationTag', 'local database'],
  ['seedDemo', 'local demo seed'],
]

export interface Finding {
  file: string
  what: string
  excerpt: string
}

export const scanText = (file: string, text: string): Finding[] => {
  const out: Finding[] = []
  for (const [what, re] of SECRET_PATTERNS) {
    const m = re.exec(text)
    if (m) out.push({ file, what, excerpt: text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 10) })
  }
  for (const [marker, what] of LOCAL_MARKERS) {
    const i = text.indexOf(marker)
    if (i >= 0) out.push({ file, what: `${what} (${marker})`, excerpt: text.slice(Math.max(0, i - 40), i + marker.length + 10) })
  }
  return out
}

/** The deployment's secret values, from the environment and a local `.env`, that must never ship. */
const deploymentSecrets = (): [string, string][] => {
  const names = /^(TCB_SECRET_ID|TCB_SECRET_KEY|TENCENTCLOUD_SECRETID|TENCENTCLOUD_SECRETKEY|ZHIBU_SIGNIN_KEY|WX_APPSECRET|.*_SECRET)$/
  const pairs: [string, string][] = Object.entries(process.env).flatMap(([k, v]) => (names.test(k) && v ? [[k, v] as [string, string]] : []))
  const envFile = join(root, '.env')
  if (existsSync(envFile)) {
    for (const line of readFileSync(envFile, 'utf8').split('\n')) {
      const m = /^\s*([A-Z0-9_]+)\s*=\s*"?([^"\n]*)"?\s*$/.exec(line)
      if (m && names.test(m[1] as string) && m[2]) pairs.push([m[1] as string, m[2]])
    }
  }
  // The local cloud's dummy keys (local/db) and short placeholders are not secrets.
  return pairs.filter(([, v]) => v.length >= 12 && !/^(local|dummy|test)/i.test(v))
}

const shipped = (): string[] => {
  if (!functionNames().every((fn) => existsSync(join(bundleDir, fn, 'index.js')))) {
    execFileSync(process.execPath, ['scripts/build-functions.mjs'], { cwd: root, stdio: 'ignore' })
  }
  // Always a production build: under jest NODE_ENV is 'test', which asks Taro for dev-only plugins.
  if (!existsSync(join(h5Dir, 'index.html'))) execFileSync('npm', ['run', 'build:h5', '--silent'], { cwd: root, stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } })
  const bundles = functionNames().map((fn) => join(bundleDir, fn, 'index.js'))
  const h5 = walk(h5Dir).filter((f) => /\.(js|html|css|json|map|txt|svg)$/.test(f))
  return [...bundles, ...h5]
}

describe('what ships holds no secret and nothing local', () => {
  let files: string[] = []
  beforeAll(() => {
    files = shipped()
  }, 300_000)

  test('the scanner finds what it looks for (planted examples)', () => {
    const planted = [
      '-----BEGIN RSA PRIVATE KEY-----\nMIIE',
      'const id = "AKIDabcdefghijklmnopqrstuvwxyz123456"',
      'env.TENCENTCLOUD_SECRETKEY = "k8s9d7f6g5h4j3k2l1"',
      'appSecret: "0123456789abcdef0123456789abcdef"',
      'const k = process.env.ZHIBU_SIGNIN_KEY || "zhibu-dev-signin-key (x)"',
      'fetch("/dev/clock")',
      'headers: { "x-zhibu-openid": id }',
    ]
    for (const text of planted) expect([text, scanText('planted', text).length > 0]).toEqual([text, true])
    // Reading a variable is not a secret; the H5 build's own API calls are not local-only.
    for (const text of ['const id = process.env.TENCENTCLOUD_SECRETID', 'fetch(`/api/${fn}`, { method: "POST" })', 'const sha = "0123456789abcdef0123456789abcdef"']) {
      expect(scanText('clean', text)).toEqual([])
    }
  })

  test('cloud bundles and the H5 build: no secrets, no local/ code, no local-only endpoints', () => {
    expect(files.length).toBeGreaterThan(functionNames().length)
    const findings = files.flatMap((f) => scanText(relative(root, f), readFileSync(f, 'utf8')))
    expect(findings).toEqual([])
  })

  test('no bundle was built from a local/ file (esbuild metafile)', () => {
    for (const fn of functionNames()) {
      const inputs = JSON.parse(readFileSync(join(root, 'build', 'functions-meta', `${fn}.inputs.json`), 'utf8')) as string[]
      expect([fn, inputs.filter((p) => p.startsWith('local/') || p.includes('/local/'))]).toEqual([fn, []])
    }
  })

  test('the deployment’s own secret values (environment, .env) appear nowhere in what ships', () => {
    const secrets = deploymentSecrets()
    const leaks = files.flatMap((f) => {
      const text = readFileSync(f, 'utf8')
      return secrets.filter(([, v]) => text.includes(v)).map(([k]) => `${relative(root, f)}: ${k}`)
    })
    expect(leaks).toEqual([])
  })
})

// ---- npm audit, run while the tests are collected so an unreachable endpoint can skip with its reason.
interface AuditReport {
  vulnerabilities?: Record<string, { name: string; severity: string; isDirect: boolean; via: (string | { title?: string; url?: string })[]; range?: string; fixAvailable?: unknown }>
  metadata?: { vulnerabilities?: Record<string, number> }
  message?: string
  error?: { summary?: string }
}

const audit = (): { report: AuditReport | null; reason: string } => {
  const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', timeout: 120_000 })
  let report: AuditReport | null = null
  try {
    report = JSON.parse(r.stdout) as AuditReport
  } catch {
    report = null
  }
  if (report?.vulnerabilities && report.metadata) return { report, reason: '' }
  const npmError = (r.stderr ?? '').split('\n').filter((l) => /npm (error|warn audit)/.test(l)).join(' / ')
  return { report: null, reason: report?.message ?? (npmError || r.error?.message || `npm audit exited ${String(r.status)} without a report`) }
}

const audited = audit()
if (!audited.report) {
  console.warn(`npm audit --omit=dev SKIPPED: the registry's audit endpoint is unreachable here — ${audited.reason}`)
}
const auditTest = audited.report ? test : test.skip
auditTest(
  audited.report
    ? 'npm audit --omit=dev: no high or critical issue in runtime dependencies'
    : `npm audit --omit=dev: SKIPPED — the registry's audit endpoint is unreachable here (${audited.reason})`,
  () => {
    const vulns = Object.values(audited.report?.vulnerabilities ?? {})
    const serious = vulns
      .filter((v) => v.severity === 'high' || v.severity === 'critical')
      .map((v) => ({
        name: v.name,
        severity: v.severity,
        direct: v.isDirect,
        range: v.range,
        via: v.via.map((x) => (typeof x === 'string' ? x : `${x.title ?? ''} ${x.url ?? ''}`.trim())),
        fix: v.fixAvailable,
      }))
    console.log(`npm audit --omit=dev: ${JSON.stringify(audited.report?.metadata?.vulnerabilities ?? {})}`)
    expect(serious).toEqual([])
  },
)
