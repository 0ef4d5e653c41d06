/**
 * Provisioning against a fake manager whose documents live in the local backend: the first run
 * creates every collection, index and deny-all rule and issues a bootstrap code; the second creates nothing;
 * `--dry-run` reads and changes nothing; the printed code then makes exactly one admin through org.claimAdmin.
 */
import tcb from '@cloudbase/node-sdk'
import { COLLECTIONS } from '../../cloudfunctions/_kit/collections'
import { INDEXES } from '../../cloudfunctions/_kit/indexes'
import { DENY_RULE, runProvision, sdkDocStore, type ProvisionManager } from '../../scripts/lib/provision'
import { errCode, ok, startTestCloud, type TestCloud } from '../support/cloud'

const ENV = { TCB_ENV_ID: 'zhibu-test-1a2b3c', TCB_SECRET_ID: 'AKIDtest', TCB_SECRET_KEY: 'secret-test' }

interface FakeCollection {
  indexes: Map<string, { Name: string; Direction: string }[]>
  rule: { AclTag: string; Rule: string | null }
}

/** An environment's metadata (collections, indexes, rules) with a log of every write call. */
const fakeEnvironment = (cloud: TestCloud) => {
  const collections = new Map<string, FakeCollection>()
  const writes: string[] = []
  const manager: ProvisionManager = {
    database: {
      async checkCollectionExists(name) {
        return { Exists: collections.has(name) }
      },
      async createCollection(name) {
        if (collections.has(name)) throw new Error(`ResourceInUse: ${name}`)
        writes.push(`createCollection ${name}`)
        // New collections get CloudBase's default rule: creator-only (PRIVATE), which provision must tighten.
        collections.set(name, { indexes: new Map([['_id_', [{ Name: '_id', Direction: '1' }]]]), rule: { AclTag: 'PRIVATE', Rule: null } })
        await cloud.db.ensureCollections([name])
      },
      async describeCollection(name) {
        const c = collections.get(name)
        if (!c) throw new Error(`ResourceNotFound: ${name}`)
        return { Indexes: [...c.indexes].map(([Name, Keys]) => ({ Name, Keys })) }
      },
      async updateCollection(name, info) {
        const c = collections.get(name)
        if (!c) throw new Error(`ResourceNotFound: ${name}`)
        for (const idx of info.CreateIndexes ?? []) {
          if (c.indexes.has(idx.IndexName)) throw new Error(`index exists: ${idx.IndexName}`)
          writes.push(`createIndex ${name}.${idx.IndexName}`)
          c.indexes.set(idx.IndexName, idx.MgoKeySchema.MgoIndexKeys)
        }
      },
    },
    commonService(service, version) {
      expect([service, version]).toEqual(['tcb', '2018-06-08'])
      return {
        async call({ Action, Param }) {
          expect(Param.EnvId).toBe(ENV.TCB_ENV_ID)
          const c = collections.get(String(Param.CollectionName))
          if (!c) throw new Error('ResourceNotFound')
          if (Action === 'DescribeSafeRule') return { ...c.rule, RequestId: 'r' }
          if (Action === 'ModifySafeRule') {
            writes.push(`rule ${String(Param.CollectionName)} ${String(Param.AclTag)} ${String(Param.Rule)}`)
            c.rule = { AclTag: String(Param.AclTag), Rule: (Param.Rule as string | undefined) ?? null }
            return { RequestId: 'r' }
          }
          throw new Error(`unexpected action ${Action}`)
        },
      }
    },
  }
  return { manager, collections, writes }
}

let cloud: TestCloud
let env: ReturnType<typeof fakeEnvironment>
let connects = 0

const provision = async (argv: string[], vars: Record<string, string | undefined> = ENV) => {
  const lines: string[] = []
  const code = await runProvision(argv, {
    root: '/nonexistent',
    env: vars,
    log: (l) => lines.push(l),
    now: () => new Date('2026-03-01T02:00:00Z'),
    connect: async (c) => {
      connects++
      expect(c).toEqual({ envId: ENV.TCB_ENV_ID, secretId: ENV.TCB_SECRET_ID, secretKey: ENV.TCB_SECRET_KEY })
      // The real document adapter over @cloudbase/node-sdk, here pointed at the local backend.
      return { manager: env.manager, docs: sdkDocStore(tcb.init({ env: tcb.SYMBOL_CURRENT_ENV }).database()) }
    },
  })
  const out = lines.join('\n')
  const printed = /bootstrap code:\s+([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(out)?.[1] ?? null
  return { code, out, printed }
}

beforeAll(async () => {
  cloud = await startTestCloud({ at: '2026-03-01T02:00:00.000Z', seed: false })
})
afterAll(() => cloud.close())
beforeEach(async () => {
  await cloud.db.wipe()
  env = fakeEnvironment(cloud)
  connects = 0
})

test('without credentials a dry run plans everything and connects to nothing; a real run refuses', async () => {
  const dry = await provision(['--dry-run'], {})
  expect(dry.code).toBe(0)
  expect(connects).toBe(0)
  expect(dry.out).toContain(`collections: ${COLLECTIONS.length} to create, 0 exist (not checked)`)
  expect(dry.out).toContain(`indexes: ${INDEXES.length} to create, 0 exist`)
  for (const i of INDEXES) expect(dry.out).toContain(`${i.collection}.${i.name}`)
  expect((await provision([], { TCB_ENV_ID: 'x' })).code).toBe(1)
  expect(connects).toBe(0)
})

test('first run creates everything and issues a code; the second creates nothing', async () => {
  const first = await provision([])
  expect(first.code).toBe(0)
  expect(env.writes.filter((w) => w.startsWith('createCollection'))).toHaveLength(COLLECTIONS.length)
  expect([...env.collections.keys()].sort()).toEqual([...COLLECTIONS].sort())
  expect(env.writes.filter((w) => w.startsWith('createIndex'))).toHaveLength(INDEXES.length)
  for (const spec of INDEXES) {
    expect(env.collections.get(spec.collection)!.indexes.get(spec.name)).toEqual(spec.keys.map((k) => ({ Name: k.field, Direction: String(k.direction) })))
  }
  for (const name of COLLECTIONS) expect(env.collections.get(name)!.rule).toEqual({ AclTag: 'CUSTOM', Rule: JSON.stringify(DENY_RULE) })
  expect(first.printed).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/)
  // Only the hash is stored.
  const boot = cloud.db.dump('bootstrap')
  expect(boot).toHaveLength(1)
  expect(boot[0]).toMatchObject({ _id: 'admin', claimedAt: null, createdAt: '2026-03-01T02:00:00.000Z' })
  expect(JSON.stringify(boot)).not.toContain(first.printed!.replace(/-/g, ''))

  env.writes.length = 0
  const second = await provision([])
  expect(second.code).toBe(0)
  expect(env.writes).toEqual([])
  expect(second.printed).toBeNull()
  expect(second.out).toContain(`collections: 0 to create, ${COLLECTIONS.length} exist`)
  expect(second.out).toContain('not yet claimed')
  expect(second.out).toContain('created 0 collection(s), 0 index(es); set 0 security rule(s)')
})

test('a dry run with credentials reads the environment and lists only what is missing, changing nothing', async () => {
  await provision([])
  const [spec] = INDEXES
  env.collections.get(spec!.collection)!.indexes.delete(spec!.name)
  env.collections.get('members')!.rule = { AclTag: 'READONLY', Rule: null }
  env.collections.get('users')!.rule = { AclTag: 'CUSTOM', Rule: '{"read":"auth.openid == doc._id","write":false}' }
  env.collections.get('orgs')!.rule = { AclTag: 'ADMINONLY', Rule: null }
  env.writes.length = 0
  const before = cloud.snapshot([])
  const dry = await provision(['--dry-run'])
  expect(dry.code).toBe(0)
  expect(env.writes).toEqual([])
  expect(cloud.snapshot([])).toEqual(before)
  expect(dry.out).toContain('indexes: 1 to create')
  expect(dry.out).toContain(`+ ${spec!.collection}.${spec!.name}`)
  expect(dry.out).toContain('security rules {"read":false,"write":false}: 2 to set')
  expect(dry.out).toContain('+ members: READONLY')
  expect(dry.out).toContain('+ users: CUSTOM {"read":"auth.openid == doc._id"')
  // Applying fixes exactly those.
  await provision([])
  expect(env.writes.sort()).toEqual([`createIndex ${spec!.collection}.${spec!.name}`, `rule members CUSTOM ${JSON.stringify(DENY_RULE)}`, `rule users CUSTOM ${JSON.stringify(DENY_RULE)}`])
})

test('an index with the right name but other keys is reported, not silently dropped', async () => {
  await provision([])
  const spec = INDEXES.find((i) => i.keys.length > 1)!
  env.collections.get(spec.collection)!.indexes.set(spec.name, [{ Name: 'other', Direction: '1' }])
  const r = await provision([])
  expect(r.out).toContain(`index ${spec.collection}.${spec.name} exists with keys (other)`)
})

test('the printed code makes exactly one admin; a claimed code is never replaced', async () => {
  const first = await provision([])
  // Replacing an unclaimed code: the old one stops working.
  const second = await provision(['--new-bootstrap-code'])
  expect(second.printed).not.toBeNull()
  expect(second.printed).not.toBe(first.printed)
  const claim = (openid: string, code: string) => cloud.call('org', 'claimAdmin', { code, orgName: '中共新城街道工作委员会', adminName: '周书记' }, openid)
  expect(errCode(await claim('dev_a', first.printed!))).toBe('NOT_FOUND')
  const me = ok(await claim('dev_a', second.printed!))
  expect(me.adminOrgs[0].name).toBe('中共新城街道工作委员会')
  expect(errCode(await claim('dev_b', second.printed!))).toBe('CONFLICT')

  const after = await provision(['--new-bootstrap-code'])
  expect(after.code).toBe(0)
  expect(after.printed).toBeNull()
  expect(after.out).toContain('the environment has its 上级党委 admin')
  expect(cloud.db.dump('bootstrap')[0]!.claimedBy).toBe('dev_a')
})

test('--local issues a code in a local backend through the SDK alone', async () => {
  await cloud.db.ensureCollections(COLLECTIONS)
  const url = cloud.db.url
  const lines: string[] = []
  const code = await runProvision(['--local', url], { root: '/nonexistent', env: {}, log: (l) => lines.push(l) })
  expect(code).toBe(0)
  const printed = /bootstrap code:\s+([A-Z0-9]{4}-\S+)/.exec(lines.join('\n'))?.[1]
  expect(printed).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)
  expect(ok(await cloud.call('org', 'claimAdmin', { code: printed, orgName: '本地党委', adminName: '管理员' }, 'dev_local')).adminOrgs).toHaveLength(1)
})

test('unknown options print the usage', async () => {
  expect((await provision(['--force'])).code).toBe(2)
  expect((await provision(['--local'])).code).toBe(2)
})
