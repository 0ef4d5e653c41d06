/**
 * Deploying: cloudbaserc.json lists exactly the functions that exist with their config.json
 * runtime, memory, timeout and timer triggers; `npm run deploy` plans from it, refuses without the secrets,
 * uploads nothing in `--dry-run`, and otherwise hands the manager exactly `build/functions/<fn>/` — the
 * folders the local host runs — with the deployer's variables filled in.
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { BUNDLE_DIR } from '../../local/host/functions'
import { toCroner } from '../../local/host/timers'
import { Cron } from 'croner'
import { TEMPLATE_KEYS } from '../../shared/src/contract/reminders'
import { subscribeFieldKind } from '../../shared/src/rules/subscribe'
import { TEMPLATE_ENV, templateConfigs } from '../../cloudfunctions/_kit/reminder-config'
import { checkFunctionConfig, deployVariables, expectedRc, formatRc, functionNames, readFunctionConfig, readRc, renderRc } from '../../scripts/lib/cloudbaserc'
import { planDeploy, runDeploy, type DeployFunction, type FunctionsManager } from '../../scripts/lib/deploy'
import { parseEnvFile } from '../../scripts/lib/env-file'

const root = resolve(__dirname, '..', '..')
const names = functionNames(root)

const ENV = {
  TCB_ENV_ID: 'zhibu-test-1a2b3c',
  TCB_SECRET_ID: 'AKIDtest',
  TCB_SECRET_KEY: 'secret-test',
  ZHIBU_SIGNIN_KEY: 'k'.repeat(48),
  ZHIBU_TMPL_MEETING: 'TmplMeeting_abcdefghijklmnop',
  ZHIBU_TMPL_DUES_FIELDS: '{"title":"thing2","date":"date1"}',
}

beforeAll(() => {
  // `npm test` builds first; a lone jest run builds here (the same step `npm run deploy` runs).
  if (!names.every((fn) => existsSync(join(BUNDLE_DIR, fn, 'index.js')))) {
    execFileSync(process.execPath, ['scripts/build-functions.mjs'], { cwd: root, stdio: 'ignore' })
  }
}, 180_000)

/** A manager that records what it is asked to upload, reading the folder as the real one zips it. */
const fakeManager = () => {
  const calls: { func: DeployFunction; functionRootPath: string; force: boolean; files: Record<string, string> }[] = []
  const manager: FunctionsManager = {
    functions: {
      async createFunction(p) {
        const dir = join(p.functionRootPath, p.func.name)
        const files = Object.fromEntries(readdirSync(dir).map((f) => [f, createHash('sha256').update(readFileSync(join(dir, f))).digest('hex')]))
        calls.push({ ...p, files })
        return { RequestId: 'fake' }
      },
    },
  }
  return { manager, calls }
}

const run = async (argv: string[], env: Record<string, string | undefined>) => {
  const { manager, calls } = fakeManager()
  const lines: string[] = []
  let connected = 0
  const code = await runDeploy(argv, {
    root,
    env,
    log: (l) => lines.push(l),
    build: () => undefined,
    connect: async (c) => {
      connected++
      expect(c).toEqual({ envId: env.TCB_ENV_ID, secretId: env.TCB_SECRET_ID, secretKey: env.TCB_SECRET_KEY })
      return manager
    },
  })
  return { code, calls, connected, out: lines.join('\n') }
}

describe('cloudbaserc.json', () => {
  test('lists exactly the functions that exist, with their config.json settings and triggers', () => {
    const rc = readRc(root)
    expect(rc).not.toBeNull()
    const hint = 'cloudbaserc.json is out of date: run `npm run deploy -- --write-config` and commit it'
    expect({ hint, functions: rc!.functions.map((f) => f.name) }).toEqual({ hint, functions: names })
    expect({ hint, rc: formatRc(rc!) }).toEqual({ hint, rc: formatRc(expectedRc(root)) })
    expect(rc!.functionRoot).toBe('build/functions')
    for (const f of rc!.functions) {
      const cfg = readFunctionConfig(root, f.name)
      expect({ fn: f.name, runtime: f.runtime, triggers: f.triggers ?? [] }).toEqual({ fn: f.name, runtime: cfg.runtime ?? 'Nodejs18.15', triggers: cfg.triggers ?? [] })
      expect(f.installDependency).toBe(false)
      // Values are placeholders only: nothing secret is committed.
      for (const v of Object.values(f.envVariables)) expect(v).toMatch(/^\{\{env\.[A-Z0-9_]+\}\}$/)
    }
    expect(JSON.stringify(rc)).not.toMatch(/AKID|wx[0-9a-f]{16}/)
  })

  test('every function config is valid for CloudBase; timers are 7-field crons croner can run', () => {
    for (const fn of names) {
      const cfg = readFunctionConfig(root, fn)
      expect(checkFunctionConfig(fn, cfg)).toEqual([])
      for (const t of cfg.triggers ?? []) expect(() => new Cron(toCroner(t.config), { paused: true, timezone: 'Asia/Shanghai' }).stop()).not.toThrow()
    }
    expect(checkFunctionConfig('x', { runtime: 'Nodejs16.13', timeout: 900, memorySize: 300, triggers: [{ name: 't', type: 'timer', config: '0 0 9 * * *' }] })).toHaveLength(4)
  })

  test('the reminders function has its timer, and every function that sends subscribe messages may call the open API', () => {
    if (names.includes('reminders')) {
      const timers = (readFunctionConfig(root, 'reminders').triggers ?? []).filter((t) => t.type === 'timer')
      expect(timers).toHaveLength(1)
      expect(timers[0]!.config.split(' ')).toHaveLength(7)
    }
    for (const fn of names) {
      const inputs: string[] = JSON.parse(readFileSync(join(root, 'build', 'functions-meta', `${fn}.inputs.json`), 'utf8'))
      if (inputs.some((p) => p.endsWith('cloudfunctions/_kit/notifier.ts'))) {
        expect({ fn, openapi: readFunctionConfig(root, fn).permissions?.openapi ?? [] }).toEqual({ fn, openapi: expect.arrayContaining(['subscribeMessage.send']) })
      }
    }
  })

  test('placeholders are filled from the environment, unset ones become empty', () => {
    const rendered = renderRc(expectedRc(root), { TCB_ENV_ID: 'env-1', ZHIBU_SIGNIN_KEY: 'abc' })
    expect(rendered.envId).toBe('env-1')
    expect(rendered.functions[0]!.envVariables.ZHIBU_SIGNIN_KEY).toBe('abc')
    expect(rendered.functions[0]!.envVariables.ZHIBU_TMPL_TASK).toBe('')
  })

  test('a stale cloudbaserc.json is refused with the command that fixes it', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'zhibu-rc-'))
    for (const fn of ['alpha', 'beta']) {
      mkdirSync(join(tmp, 'cloudfunctions', fn), { recursive: true })
      writeFileSync(join(tmp, 'cloudfunctions', fn, 'index.ts'), '')
      writeFileSync(join(tmp, 'cloudfunctions', fn, 'config.json'), '{"timeout":10}')
    }
    mkdirSync(join(tmp, 'cloudfunctions', '_kit'))
    writeFileSync(join(tmp, 'cloudfunctions', '_kit', 'index.ts'), '')
    const rc = expectedRc(tmp)
    expect(rc.functions.map((f) => f.name)).toEqual(['alpha', 'beta'])
    writeFileSync(join(tmp, 'cloudbaserc.json'), formatRc({ ...rc, functions: rc.functions.slice(0, 1) }))
    const plan = planDeploy(tmp, ENV)
    expect(plan.problems.join('\n')).toContain('npm run deploy -- --write-config')
  })
})

describe('npm run deploy', () => {
  test('--dry-run prints the plan and uploads nothing', async () => {
    const r = await run(['--dry-run'], ENV)
    expect(r.code).toBe(0)
    expect(r.connected).toBe(0)
    expect(r.calls).toEqual([])
    for (const fn of names) expect(r.out).toContain(`build/functions/${fn}`)
    expect(r.out).toContain('zhibu-test-1a2b3c')
    expect(r.out).not.toContain(ENV.ZHIBU_SIGNIN_KEY)
    expect(r.out).toMatch(/dry run: \d+ function\(s\) would be deployed/)
  })

  test('deploys exactly build/functions/<fn>/ — the bundles the local host runs — with the variables filled in', async () => {
    const r = await run([], ENV)
    expect(r.code).toBe(0)
    expect(r.calls.map((c) => c.func.name)).toEqual(names)
    for (const c of r.calls) {
      const fn = c.func.name
      expect(c.functionRootPath).toBe(BUNDLE_DIR)
      expect(c.force).toBe(true)
      const hostDir = join(BUNDLE_DIR, fn)
      expect(Object.keys(c.files).sort()).toEqual(['config.json', 'index.js', 'package.json'])
      expect(c.files['index.js']).toBe(createHash('sha256').update(readFileSync(join(hostDir, 'index.js'))).digest('hex'))
      const cfg = readFunctionConfig(root, fn)
      expect(c.func).toMatchObject({ handler: 'index.main', runtime: cfg.runtime ?? 'Nodejs18.15', timeout: cfg.timeout ?? 10, memorySize: cfg.memorySize ?? 256, installDependency: false })
      expect(c.func.triggers ?? []).toEqual(cfg.triggers ?? [])
      // Set variables are passed, unset optional ones are left out.
      expect(c.func.envVariables).toEqual({
        ZHIBU_SIGNIN_KEY: ENV.ZHIBU_SIGNIN_KEY,
        ZHIBU_TMPL_MEETING: ENV.ZHIBU_TMPL_MEETING,
        ZHIBU_TMPL_DUES_FIELDS: ENV.ZHIBU_TMPL_DUES_FIELDS,
      })
    }
    expect(r.out).toContain(`deployed ${names.length} function(s) to zhibu-test-1a2b3c`)
  })

  test('one function by name', async () => {
    const r = await run(['org'], ENV)
    expect(r.code).toBe(0)
    expect(r.calls.map((c) => c.func.name)).toEqual(['org'])
    expect((await run(['nosuch'], ENV)).code).toBe(1)
  })

  test('refuses without the sign-in key, with a short one, or without credentials — before connecting', async () => {
    for (const env of [
      { ...ENV, ZHIBU_SIGNIN_KEY: undefined },
      { ...ENV, ZHIBU_SIGNIN_KEY: 'short' },
      { ...ENV, TCB_SECRET_KEY: undefined },
      { ...ENV, TCB_ENV_ID: undefined },
      { ...ENV, ZHIBU_TMPL_DUES_FIELDS: 'thing1' },
      { ...ENV, ZHIBU_MP_STATE: 'beta' },
    ]) {
      const r = await run([], env)
      expect(r.code).toBe(1)
      expect(r.connected).toBe(0)
      expect(r.out).toContain('nothing was deployed')
    }
  })

  test('a failing upload stops the deploy with the manager’s message', async () => {
    const lines: string[] = []
    const code = await runDeploy([], {
      root,
      env: ENV,
      log: (l) => lines.push(l),
      build: () => undefined,
      connect: async () => ({ functions: { createFunction: async () => Promise.reject(new Error('[org] 部署失败：ResourceNotFound')) } }),
    })
    expect(code).toBe(1)
    expect(lines.join('\n')).toContain('部署失败：ResourceNotFound')
  })
})

describe('the subscribe-message templates the guide asks for', () => {
  const guide = readFileSync(join(root, 'docs', 'DEPLOY.md'), 'utf8')
  const defaults = templateConfigs({})
  // Which field types can carry each value (the shared rules fit text to `thing`, dates to `date` / `time`).
  const FITS: Record<string, string[]> = { title: ['thing'], place: ['thing'], note: ['thing'], date: ['date', 'time'], time: ['time'] }

  test.each(TEMPLATE_KEYS.map((key) => [key]))('%s: documented with the keywords the server sends, each of a fitting type', (key) => {
    const rows = guide.split('\n').filter((l) => l.startsWith(`| \`${TEMPLATE_ENV[key]}\` |`))
    expect(rows).toHaveLength(2) // 中文 and English tables
    for (const [field, keyword] of Object.entries(defaults[key].fields)) {
      for (const row of rows) expect(row).toContain(`\`${keyword}\``)
      expect(FITS[field]).toContain(subscribeFieldKind(keyword))
    }
  })

  test('every deploy variable is explained in .env.example', () => {
    const example = readFileSync(join(root, '.env.example'), 'utf8')
    for (const v of deployVariables()) expect(example).toContain(`${v.name}=`)
    for (const v of ['TCB_ENV_ID', 'TCB_SECRET_ID', 'TCB_SECRET_KEY']) expect(example).toContain(`${v}=`)
    expect(example).not.toMatch(/^(TCB_SECRET_KEY|ZHIBU_SIGNIN_KEY)=\S/m)
  })
})

test('the .env parser: comments, quotes, export, inline comments', () => {
  expect(
    parseEnvFile(['# c', 'TCB_ENV_ID=env-1 # the env', 'export ZHIBU_SIGNIN_KEY="a b#c"', "X='y'", 'BAD LINE', 'EMPTY=', ''].join('\n')),
  ).toEqual({ TCB_ENV_ID: 'env-1', ZHIBU_SIGNIN_KEY: 'a b#c', X: 'y', EMPTY: '' })
})
