/**
 * `npm run provision`: makes a CloudBase environment ready for the functions — every collection in
 * `COLLECTIONS`, the indexes in `INDEXES`, a security rule denying all client access on every collection (all
 * reads and writes go through functions), and the first-run bootstrap code. Idempotent; `--dry-run` only reads.
 */
import type CloudBase from '@cloudbase/manager-node'
import tcb from '@cloudbase/node-sdk'
import { BOOTSTRAP_DOC_ID, formatBootstrapCode, issueBootstrap } from '../../cloudfunctions/_kit/bootstrap'
import { COLLECTIONS } from '../../cloudfunctions/_kit/collections'
import { INDEXES, type IndexSpec } from '../../cloudfunctions/_kit/indexes'
import { loadDeployEnv, type Env } from './env-file'

/** The rule every collection gets: no client may read or write; cloud functions (admin) are not affected. */
export const DENY_RULE = { read: false, write: false } as const
const DENY_RULE_TEXT = JSON.stringify(DENY_RULE)
const TCB_API_VERSION = '2018-06-08'

/** The parts of @cloudbase/manager-node 5.6.5 we call (a fake implements these in tests). */
export interface ProvisionManager {
  database: {
    checkCollectionExists(name: string): Promise<{ Exists: boolean }>
    createCollection(name: string): Promise<unknown>
    describeCollection(name: string): Promise<{ Indexes?: { Name: string; Keys?: { Name?: string; Direction?: string }[] }[] }>
    updateCollection(
      name: string,
      info: { CreateIndexes?: { IndexName: string; MgoKeySchema: { MgoIndexKeys: { Name: string; Direction: string }[]; MgoIsUnique: boolean } }[] },
    ): Promise<unknown>
  }
  /** TCB API calls: `DescribeSafeRule` / `ModifySafeRule` (database security rules). */
  commonService(service?: string, version?: string): { call(options: { Action: string; Param: Record<string, unknown> }): Promise<unknown> }
}
// The real manager satisfies our narrow interface (a compile error here means its API changed).
export const asProvisionManager = (m: CloudBase): ProvisionManager => m

/** Single documents, for the bootstrap code (the real one is @cloudbase/node-sdk with the API key). */
export interface DocStore {
  get(collection: string, id: string): Promise<Record<string, unknown> | null>
  /** Inserts; fails if the id exists. */
  create(collection: string, id: string, doc: Record<string, unknown>): Promise<void>
  /** Updates where every field of `where` matches; resolves with the number changed. */
  updateWhere(collection: string, where: Record<string, unknown>, patch: Record<string, unknown>): Promise<number>
}

export interface ProvisionDeps {
  env: Env
  log: (line: string) => void
  now: () => Date
  /** null: no credentials — a dry run then plans from an empty environment without reading anything. */
  connect: (c: { envId: string; secretId: string; secretKey: string }) => Promise<{ manager: ProvisionManager; docs: DocStore }>
}

export type Step =
  | { kind: 'collection'; name: string; exists: boolean }
  | { kind: 'index'; spec: IndexSpec; exists: boolean; mismatch: string | null }
  | { kind: 'rule'; collection: string; current: string; denied: boolean }
  | { kind: 'bootstrap'; state: 'none' | 'unclaimed' | 'claimed'; createdAt: string | null; claimedAt: string | null }

const keysText = (keys: { field: string; direction: 1 | -1 }[]): string => keys.map((k) => (k.direction === -1 ? `-${k.field}` : k.field)).join(', ')

const isDenied = (aclTag: unknown, rule: unknown): boolean => {
  if (aclTag === 'ADMINONLY') return true
  if (aclTag !== 'CUSTOM' || typeof rule !== 'string') return false
  try {
    const parsed = JSON.parse(rule) as Record<string, unknown>
    return parsed.read === false && parsed.write === false && Object.keys(parsed).every((k) => k === 'read' || k === 'write')
  } catch {
    return false
  }
}

/** Reads the environment's state into the list of steps; nothing is changed. */
export async function readState(manager: ProvisionManager | null, docs: DocStore | null, envId: string, wxAppId: string | undefined): Promise<Step[]> {
  const steps: Step[] = []
  const existing = new Map<string, boolean>()
  for (const name of COLLECTIONS) {
    const exists = manager ? (await manager.database.checkCollectionExists(name)).Exists : false
    existing.set(name, exists)
    steps.push({ kind: 'collection', name, exists })
  }
  const described = new Map<string, { Name: string; Keys?: { Name?: string; Direction?: string }[] }[]>()
  for (const spec of INDEXES) {
    let indexes = described.get(spec.collection)
    if (!indexes) {
      indexes = manager && existing.get(spec.collection) ? ((await manager.database.describeCollection(spec.collection)).Indexes ?? []) : []
      described.set(spec.collection, indexes)
    }
    const found = indexes.find((i) => i.Name === spec.name)
    let mismatch: string | null = null
    if (found?.Keys) {
      const have = found.Keys.map((k) => (k.Direction === '-1' ? `-${k.Name ?? ''}` : (k.Name ?? ''))).join(', ')
      if (have !== keysText(spec.keys)) mismatch = have
    }
    steps.push({ kind: 'index', spec, exists: !!found, mismatch })
  }
  for (const name of COLLECTIONS) {
    let current = '（新集合 / new）'
    let denied = false
    if (manager && existing.get(name)) {
      const res = (await manager.commonService('tcb', TCB_API_VERSION).call({
        Action: 'DescribeSafeRule',
        Param: { EnvId: envId, CollectionName: name, ...(wxAppId ? { WxAppId: wxAppId } : {}) },
      })) as { AclTag?: string; Rule?: string | null }
      current = res.AclTag === 'CUSTOM' ? `CUSTOM ${res.Rule ?? ''}` : String(res.AclTag ?? '?')
      denied = isDenied(res.AclTag, res.Rule)
    }
    steps.push({ kind: 'rule', collection: name, current, denied })
  }
  const boot = docs && existing.get('bootstrap') ? await docs.get('bootstrap', BOOTSTRAP_DOC_ID) : null
  steps.push({
    kind: 'bootstrap',
    state: !boot ? 'none' : boot.claimedAt ? 'claimed' : 'unclaimed',
    createdAt: typeof boot?.createdAt === 'string' ? boot.createdAt : null,
    claimedAt: typeof boot?.claimedAt === 'string' ? boot.claimedAt : null,
  })
  return steps
}

export interface ProvisionResult {
  created: { collections: string[]; indexes: string[]; rules: string[] }
  /** The new bootstrap code, if one was issued (printed once; only its hash is stored). */
  code: string | null
  warnings: string[]
}

/** Applies the steps that are not done yet. `newCode`: replace an unclaimed bootstrap code. */
export async function applySteps(steps: Step[], manager: ProvisionManager, docs: DocStore, envId: string, now: Date, newCode: boolean): Promise<ProvisionResult> {
  const result: ProvisionResult = { created: { collections: [], indexes: [], rules: [] }, code: null, warnings: [] }
  for (const s of steps) {
    if (s.kind === 'collection' && !s.exists) {
      await manager.database.createCollection(s.name)
      result.created.collections.push(s.name)
    }
  }
  for (const s of steps) {
    if (s.kind !== 'index') continue
    if (s.mismatch) result.warnings.push(`index ${s.spec.collection}.${s.spec.name} exists with keys (${s.mismatch}), expected (${keysText(s.spec.keys)}): drop it in the console and run provision again`)
    if (s.exists) continue
    await manager.database.updateCollection(s.spec.collection, {
      CreateIndexes: [
        {
          IndexName: s.spec.name,
          MgoKeySchema: { MgoIndexKeys: s.spec.keys.map((k) => ({ Name: k.field, Direction: String(k.direction) })), MgoIsUnique: !!s.spec.unique },
        },
      ],
    })
    result.created.indexes.push(`${s.spec.collection}.${s.spec.name}`)
  }
  for (const s of steps) {
    if (s.kind !== 'rule' || s.denied) continue
    await manager.commonService('tcb', TCB_API_VERSION).call({
      Action: 'ModifySafeRule',
      Param: { EnvId: envId, CollectionName: s.collection, AclTag: 'CUSTOM', Rule: DENY_RULE_TEXT },
    })
    result.created.rules.push(s.collection)
  }
  const boot = steps.find((s): s is Extract<Step, { kind: 'bootstrap' }> => s.kind === 'bootstrap')
  if (boot?.state === 'none' || (boot?.state === 'unclaimed' && newCode)) {
    const { code, doc } = issueBootstrap(now.toISOString())
    if (boot.state === 'none') await docs.create('bootstrap', BOOTSTRAP_DOC_ID, { ...doc })
    else if ((await docs.updateWhere('bootstrap', { _id: BOOTSTRAP_DOC_ID, claimedAt: null }, { ...doc })) === 0) {
      throw new Error('the bootstrap code was claimed meanwhile: the environment has its admin')
    }
    result.code = code
  }
  return result
}

function printSteps(steps: Step[], log: (line: string) => void, checked: boolean): void {
  const mark = (done: boolean) => (done ? '  ✓' : '  +')
  const cols = steps.filter((s): s is Extract<Step, { kind: 'collection' }> => s.kind === 'collection')
  log(`集合 / collections: ${cols.filter((s) => !s.exists).length} to create, ${cols.filter((s) => s.exists).length} exist${checked ? '' : ' (not checked)'}`)
  for (const s of cols) log(`${mark(s.exists)} ${s.name}`)
  const idx = steps.filter((s): s is Extract<Step, { kind: 'index' }> => s.kind === 'index')
  log(`索引 / indexes: ${idx.filter((s) => !s.exists).length} to create, ${idx.filter((s) => s.exists).length} exist`)
  for (const s of idx) log(`${mark(s.exists)} ${s.spec.collection}.${s.spec.name} (${keysText(s.spec.keys)})${s.spec.unique ? ' unique' : ''} — ${s.spec.serves}`)
  const rules = steps.filter((s): s is Extract<Step, { kind: 'rule' }> => s.kind === 'rule')
  log(`安全规则 / security rules ${DENY_RULE_TEXT}: ${rules.filter((s) => !s.denied).length} to set, ${rules.filter((s) => s.denied).length} already deny`)
  for (const s of rules) if (!s.denied) log(`  + ${s.collection}: ${s.current} → CUSTOM ${DENY_RULE_TEXT}`)
  const boot = steps.find((s): s is Extract<Step, { kind: 'bootstrap' }> => s.kind === 'bootstrap')
  if (boot?.state === 'none') log('初始化码 / bootstrap code: a new one will be issued')
  if (boot?.state === 'unclaimed') log(`初始化码 / bootstrap code: issued ${boot.createdAt}, not yet claimed (--new-bootstrap-code replaces it)`)
  if (boot?.state === 'claimed') log(`初始化码 / bootstrap code: claimed ${boot.claimedAt} — the environment has its 上级党委 admin`)
}

export const codeBanner = (code: string): string[] => {
  const shown = formatBootstrapCode(code)
  return [
    '',
    '╔══════════════════════════════════════════════════════════════╗',
    `  首次使用初始化码 / first-run bootstrap code:   ${shown}`,
    '  上级党委管理员在小程序「绑定」页点「我是上级党委管理员，首次使用」输入此码。',
    '  Only shown now (the database keeps its hash). One use, by one person.',
    '╚══════════════════════════════════════════════════════════════╝',
    '',
  ]
}

const defaultConnect: ProvisionDeps['connect'] = async ({ envId, secretId, secretKey }) => {
  const { default: Manager } = await import('@cloudbase/manager-node')
  const manager = asProvisionManager(new Manager({ envId, secretId, secretKey }))
  return { manager, docs: sdkDocStore(tcb.init({ env: envId, secretId, secretKey }).database()) }
}

/** The SDK's database object is untyped (`any` in @cloudbase/database). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SdkDatabase = any

/** Documents through @cloudbase/node-sdk (the API key in the cloud; locally TCB_CONTEXT_CNFG points it at the local backend). */
export const sdkDocStore = (db: SdkDatabase): DocStore => {
  const check = <T>(res: T): T => {
    const code = (res as { code?: unknown }).code
    if (typeof code === 'string') throw new Error(`${code}: ${String((res as { message?: unknown }).message ?? '')}`)
    return res
  }
  return {
    async get(c, id) {
      const res = check(await db.collection(c).doc(id).get()) as { data?: Record<string, unknown>[] }
      return res.data?.[0] ?? null
    },
    async create(c, id, doc) {
      check(await db.collection(c).add({ ...doc, _id: id }))
    },
    async updateWhere(c, where, patch) {
      const res = check(await db.collection(c).where(where).update(patch)) as { updated?: number }
      return res.updated ?? 0
    },
  }
}

/** Points @cloudbase/node-sdk at a local backend (`npm start`'s `/admin`) without importing local/. */
const localConnect = (url: string): ProvisionDeps['connect'] => async () => {
  process.env.TCB_CONTEXT_KEYS = 'TCB_CONTEXT_CNFG'
  process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: url })
  process.env.TENCENTCLOUD_SECRETID ||= 'local'
  process.env.TENCENTCLOUD_SECRETKEY ||= 'local'
  process.env.SCF_NAMESPACE ||= 'local'
  process.env.TENCENTCLOUD = 'true'
  const docs = sdkDocStore(tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).database())
  // The local backend has every collection (the host creates them), no indexes and no client access at all.
  const manager: ProvisionManager = {
    database: {
      checkCollectionExists: async () => ({ Exists: true }),
      createCollection: async () => undefined,
      describeCollection: async () => ({ Indexes: INDEXES.map((i) => ({ Name: i.name })) }),
      updateCollection: async () => undefined,
    },
    commonService: () => ({ call: async () => ({ AclTag: 'CUSTOM', Rule: DENY_RULE_TEXT }) }),
  }
  return { manager, docs }
}

export const USAGE = `Usage: npm run provision [-- [--dry-run] [--new-bootstrap-code] [--local <url>]]
  --dry-run             print what would be created; reads the environment if credentials are set, changes nothing
  --new-bootstrap-code  replace a bootstrap code that has not been claimed yet
  --local <url>         issue a bootstrap code in a local backend (npm start: http://127.0.0.1:8080/admin)
Reads TCB_ENV_ID, TCB_SECRET_ID, TCB_SECRET_KEY (and WX_APPID, optional) from the environment or the root .env.`

export async function runProvision(argv: string[], partial: Partial<ProvisionDeps> & { root: string }): Promise<number> {
  const log = partial.log ?? ((l: string) => console.log(l))
  const env = partial.env ?? loadDeployEnv(partial.root)
  const now = partial.now ?? (() => new Date())
  const localAt = argv.indexOf('--local')
  const localUrl = localAt >= 0 ? argv[localAt + 1] : undefined
  const flags = argv.filter((a, i) => a.startsWith('--') && !(localAt >= 0 && i === localAt + 1))
  const known = ['--dry-run', '--new-bootstrap-code', '--local', '--help']
  if (flags.some((f) => !known.includes(f)) || flags.includes('--help') || (localAt >= 0 && !localUrl?.startsWith('http'))) {
    log(USAGE)
    return flags.includes('--help') ? 0 : 2
  }
  const dryRun = flags.includes('--dry-run')
  const connect = localUrl ? localConnect(localUrl) : (partial.connect ?? defaultConnect)
  const envId = localUrl ? 'local' : (env.TCB_ENV_ID ?? '')
  const creds = { envId, secretId: env.TCB_SECRET_ID ?? '', secretKey: env.TCB_SECRET_KEY ?? '' }
  const haveCreds = !!localUrl || (!!creds.envId && !!creds.secretId && !!creds.secretKey)
  if (!haveCreds && !dryRun) {
    log('✘ TCB_ENV_ID, TCB_SECRET_ID and TCB_SECRET_KEY are required (root .env or the environment; see docs/DEPLOY.md)')
    return 1
  }
  log(`provision: ${envId || '（TCB_ENV_ID 未设置）'}${dryRun ? ' — dry run, nothing is changed' : ''}`)
  const conn = haveCreds ? await connect(creds) : null
  const steps = await readState(conn?.manager ?? null, conn?.docs ?? null, envId, env.WX_APPID)
  printSteps(steps, log, haveCreds)
  if (dryRun || !conn) {
    log('✔ dry run: nothing was changed')
    return 0
  }
  const result = await applySteps(steps, conn.manager, conn.docs, envId, now(), flags.includes('--new-bootstrap-code'))
  for (const w of result.warnings) log(`⚠ ${w}`)
  const { collections, indexes, rules } = result.created
  log(`✔ created ${collections.length} collection(s), ${indexes.length} index(es); set ${rules.length} security rule(s)`)
  if (result.code) for (const line of codeBanner(result.code)) log(line)
  return 0
}
