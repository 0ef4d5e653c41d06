/**
 * `npm run deploy`: builds the function bundles, checks `cloudbaserc.json` against the functions that exist,
 * fills its `{{env.X}}` placeholders from the deployer's environment, prints the plan and (unless `--dry-run`)
 * uploads each `build/functions/<fn>/` — the very folders the local host runs — with @cloudbase/manager-node.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import type CloudBase from '@cloudbase/manager-node'
import {
  checkFunctionConfig,
  deployVariables,
  expectedRc,
  formatRc,
  functionNames,
  readFunctionConfig,
  readRc,
  renderRc,
  writeRc,
  RC_FILE,
  type Trigger,
} from './cloudbaserc'
import { loadDeployEnv, type Env } from './env-file'

/** The function we call on @cloudbase/manager-node 5.6.5 (`createFunction` with `force` updates code, config and triggers). */
export interface DeployFunction {
  name: string
  handler: string
  runtime: string
  timeout: number
  memorySize: number
  installDependency: false
  envVariables: Record<string, string>
  triggers?: Trigger[]
  ignore: string[]
}
export interface FunctionsManager {
  functions: {
    createFunction(param: { func: DeployFunction; functionRootPath: string; force: boolean }): Promise<unknown>
  }
}
// The real manager satisfies our narrow interface (a compile error here means its API changed).
export const asFunctionsManager = (m: CloudBase): FunctionsManager => m

export interface Credentials {
  envId: string
  secretId: string
  secretKey: string
}

export interface DeployDeps {
  root: string
  /** The deployer's environment (process env over the root `.env`). */
  env: Env
  log: (line: string) => void
  /** Builds the bundles (default: `node scripts/build-functions.mjs`). */
  build: () => void
  /** The manager to upload with (default: @cloudbase/manager-node with the credentials). */
  connect: (c: Credentials) => Promise<FunctionsManager>
}

export interface PlannedFile {
  name: string
  bytes: number
  sha256: string
}

export interface PlannedFunction {
  name: string
  /** Absolute path of the folder uploaded: `<root>/build/functions/<name>`. */
  dir: string
  files: PlannedFile[]
  func: DeployFunction
  /** For display: each variable set or not, secrets masked. */
  variables: { name: string; value: string }[]
  /**
   * The WeChat open APIs the function calls (`config.json` `permissions.openapi`). @cloudbase/manager-node does
   * not deploy these (see OPENAPI_STEP): they are printed, with the step that grants them.
   */
  openapi: string[]
}

/**
 * Why and how cloud-call permissions are granted by hand. @cloudbase/manager-node 5.6.5 passes only the
 * whitelisted SCF fields to CreateFunction / UpdateFunctionConfiguration (`configToParams` and
 * `updateFunctionConfig` in lib/function/index.js; neither knows `permissions`) and reads no config.json: the
 * file is only zipped with the code. WeChat DevTools reads it on upload and grants the permission; without it
 * every send fails with -604101.
 */
export const OPENAPI_STEP = [
  '云调用权限 / open-API permissions are not set by this deploy (@cloudbase/manager-node ignores config.json `permissions`).',
  'Once per function listed (and whenever its permissions change): WeChat DevTools → open the repository root →',
  'right-click build/functions/<fn> → 「上传并部署：所有文件」(DevTools reads config.json and grants them), then',
  '`npm run deploy -- <fn>` again so code and variables are this deploy\'s. If sends still fail with -604101, repeat.',
  'Until then every subscribe message fails with -604101 (the reminders still reach members as to-dos).',
]

export interface DeployPlan {
  envId: string
  functionRootPath: string
  functions: PlannedFunction[]
  problems: string[]
  warnings: string[]
}

const sha256 = (buf: Buffer): string => createHash('sha256').update(buf).digest('hex')

const mask = (value: string, secret: boolean): string => {
  if (!value) return '（未设置 / not set）'
  return secret ? `${'•'.repeat(8)} (${value.length} chars)` : value
}

/** Reads the rendered cloudbaserc and the built folders into a plan; `problems` block a deploy. */
export function planDeploy(root: string, env: Env, only: string[] = []): DeployPlan {
  const problems: string[] = []
  const warnings: string[] = []
  const rcRaw = readRc(root)
  const expected = expectedRc(root)
  if (!rcRaw) problems.push(`${RC_FILE} is missing: run \`npm run deploy -- --write-config\``)
  else if (formatRc(rcRaw) !== formatRc(expected)) {
    const listed = rcRaw.functions.map((f) => f.name).join(', ')
    problems.push(
      `${RC_FILE} does not match cloudfunctions/*/config.json (lists: ${listed}; functions: ${functionNames(root).join(', ')}): run \`npm run deploy -- --write-config\` and commit it`,
    )
  }
  for (const fn of functionNames(root)) problems.push(...checkFunctionConfig(fn, readFunctionConfig(root, fn)))

  const rc = renderRc(rcRaw ?? expected, env)
  const functionRootPath = join(root, rc.functionRoot)
  const vars = deployVariables()
  for (const v of vars) {
    const value = env[v.name] ?? ''
    if (!value) {
      if (v.required) problems.push(`${v.name} is not set — ${v.about}`)
      else if (!v.name.endsWith('_FIELDS') && v.name !== 'ZHIBU_MP_STATE') warnings.push(`${v.name} is not set: these reminders reach members only in the to-do list`)
      continue
    }
    const problem = v.check?.(value)
    if (problem) problems.push(`${v.name}: ${problem}`)
  }

  const unknown = only.filter((n) => !rc.functions.some((f) => f.name === n))
  if (unknown.length) problems.push(`unknown function(s): ${unknown.join(', ')}`)
  const functions = rc.functions
    .filter((f) => only.length === 0 || only.includes(f.name))
    .map((f): PlannedFunction => {
      const dir = join(functionRootPath, f.name)
      const files: PlannedFile[] = []
      if (!existsSync(dir)) problems.push(`${relative(root, dir)} does not exist: the build did not produce it`)
      else {
        const names = readdirSync(dir).sort()
        if (names.join(',') !== 'config.json,index.js,package.json') problems.push(`${relative(root, dir)} holds ${names.join(', ')} — expected exactly config.json, index.js, package.json`)
        for (const name of names) {
          const p = join(dir, name)
          if (statSync(p).isFile()) {
            const buf = readFileSync(p)
            files.push({ name, bytes: buf.length, sha256: sha256(buf) })
          }
        }
        const src = join(root, 'cloudfunctions', f.name, 'config.json')
        if (existsSync(src) && existsSync(join(dir, 'config.json')) && readFileSync(src, 'utf8') !== readFileSync(join(dir, 'config.json'), 'utf8')) {
          problems.push(`${relative(root, dir)}/config.json differs from cloudfunctions/${f.name}/config.json: rebuild`)
        }
      }
      // Unset optional variables are left out rather than set to '' (the code treats both as unset).
      const envVariables = Object.fromEntries(Object.entries(f.envVariables).filter(([, v]) => v !== ''))
      const openapi = readFunctionConfig(root, f.name).permissions?.openapi ?? []
      // A function bundling the subscribe-message notifier must declare the API it calls (else -604101).
      const meta = join(root, 'build', 'functions-meta', `${f.name}.inputs.json`)
      if (existsSync(meta) && (JSON.parse(readFileSync(meta, 'utf8')) as string[]).some((p) => p.endsWith('cloudfunctions/_kit/notifier.ts')) && !openapi.includes('subscribeMessage.send')) {
        problems.push(`cloudfunctions/${f.name}/config.json: it sends subscribe messages but declares no "permissions": { "openapi": ["subscribeMessage.send"] } (every send would fail with -604101)`)
      }
      return {
        name: f.name,
        dir,
        files,
        func: {
          name: f.name,
          handler: f.handler,
          runtime: f.runtime,
          timeout: f.timeout,
          memorySize: f.memorySize,
          installDependency: false,
          envVariables,
          ...(f.triggers ? { triggers: f.triggers } : {}),
          ignore: [],
        },
        variables: vars.map((v) => ({ name: v.name, value: mask(envVariables[v.name] ?? '', v.secret) })),
        openapi,
      }
    })
  return { envId: rc.envId, functionRootPath, functions, problems, warnings }
}

export function printPlan(plan: DeployPlan, root: string, log: (line: string) => void, dryRun: boolean): void {
  log(`部署计划 / deploy plan${dryRun ? ' (dry run: nothing is uploaded)' : ''}`)
  log(`  environment  ${plan.envId || '（TCB_ENV_ID 未设置 / not set）'}`)
  log(`  functionRoot ${relative(root, plan.functionRootPath)}`)
  for (const f of plan.functions) {
    const size = f.files.reduce((n, x) => n + x.bytes, 0)
    log(`  ▸ ${f.name.padEnd(12)} ${relative(root, f.dir)}  ${(size / 1024).toFixed(0)} KB  ${f.func.runtime}  ${f.func.memorySize} MB  ${f.func.timeout} s`)
    const index = f.files.find((x) => x.name === 'index.js')
    if (index) log(`      index.js sha256 ${index.sha256.slice(0, 16)}…`)
    for (const t of f.func.triggers ?? []) log(`      timer ${t.name}: ${t.config} (Beijing time)`)
    if (f.openapi.length) log(`      open API ${f.openapi.join(', ')} — granted from DevTools, not by this deploy (see below)`)
  }
  log('  variables (every function):')
  for (const v of plan.functions[0]?.variables ?? []) log(`      ${v.name.padEnd(28)} ${v.value}`)
  for (const w of plan.warnings) log(`  ⚠ ${w}`)
  for (const p of plan.problems) log(`  ✘ ${p}`)
  printOpenApiStep(plan, log)
}

/** The manual step for the functions that call open APIs (nothing when none does). */
export function printOpenApiStep(plan: Pick<DeployPlan, 'functions'>, log: (line: string) => void): void {
  const withApi = plan.functions.filter((f) => f.openapi.length > 0)
  if (withApi.length === 0) return
  log(`  ⚠ ${withApi.map((f) => `${f.name} (${f.openapi.join(', ')})`).join('; ')}:`)
  for (const line of OPENAPI_STEP) log(`      ${line}`)
}

const defaultBuild = (root: string) => (): void => {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-functions.mjs')], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) throw new Error('building the function bundles failed')
}

const defaultConnect = async (c: Credentials): Promise<FunctionsManager> => {
  const { default: Manager } = await import('@cloudbase/manager-node')
  return asFunctionsManager(new Manager({ envId: c.envId, secretId: c.secretId, secretKey: c.secretKey }))
}

export const USAGE = `Usage: npm run deploy [-- [--dry-run] [--skip-build] [--write-config] [function …]]
  --dry-run       build and print the plan; nothing is uploaded, no network
  --skip-build    use the bundles already in build/functions
  --write-config  rewrite cloudbaserc.json from cloudfunctions/*/config.json and exit
  function …      deploy only these functions
Reads TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY and the ZHIBU_* variables from the environment or the root .env (see .env.example).`

/** The whole command; resolves with the exit code. */
export async function runDeploy(argv: string[], partial: Partial<DeployDeps> & { root: string }): Promise<number> {
  const root = partial.root
  const deps: DeployDeps = {
    root,
    env: partial.env ?? loadDeployEnv(root),
    log: partial.log ?? ((l) => console.log(l)),
    build: partial.build ?? defaultBuild(root),
    connect: partial.connect ?? defaultConnect,
  }
  const flags = new Set(argv.filter((a) => a.startsWith('--')))
  const only = argv.filter((a) => !a.startsWith('--'))
  const known = ['--dry-run', '--skip-build', '--write-config', '--help']
  const bad = [...flags].filter((f) => !known.includes(f))
  if (bad.length || flags.has('--help')) {
    deps.log(USAGE)
    return bad.length ? 2 : 0
  }
  if (flags.has('--write-config')) {
    const rc = expectedRc(root)
    writeRc(root, rc)
    deps.log(`${RC_FILE}: ${rc.functions.length} function(s): ${rc.functions.map((f) => f.name).join(', ')}`)
    return 0
  }
  const dryRun = flags.has('--dry-run')
  if (!flags.has('--skip-build')) deps.build()

  const plan = planDeploy(root, deps.env, only)
  if (!dryRun) {
    if (!plan.envId) plan.problems.push('TCB_ENV_ID is not set (云开发控制台 → 环境 ID)')
    for (const k of ['TCB_SECRET_ID', 'TCB_SECRET_KEY']) if (!deps.env[k]) plan.problems.push(`${k} is not set (腾讯云控制台 → 访问管理 → API 密钥)`)
  }
  printPlan(plan, root, deps.log, dryRun)
  if (plan.problems.length) {
    deps.log(`✘ ${plan.problems.length} problem(s): nothing was deployed`)
    return 1
  }
  if (dryRun) {
    deps.log(`✔ dry run: ${plan.functions.length} function(s) would be deployed`)
    return 0
  }
  const manager = await deps.connect({ envId: plan.envId, secretId: deps.env.TCB_SECRET_ID ?? '', secretKey: deps.env.TCB_SECRET_KEY ?? '' })
  for (const f of plan.functions) {
    const t0 = Date.now()
    deps.log(`→ ${f.name} …`)
    try {
      await manager.functions.createFunction({ func: f.func, functionRootPath: plan.functionRootPath, force: true })
    } catch (e) {
      deps.log(`✘ ${f.name}: ${e instanceof Error ? e.message : String(e)}`)
      return 1
    }
    deps.log(`✔ ${f.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`)
  }
  deps.log(`✔ deployed ${plan.functions.length} function(s) to ${plan.envId}`)
  printOpenApiStep(plan, deps.log)
  return 0
}
