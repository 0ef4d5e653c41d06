/**
 * The cloud bundles (issues 2 and 11): each `build/functions/<fn>/` holds exactly index.js, package.json
 * and config.json, runs from an empty folder with no node_modules and answers `health`; nothing from
 * local/ or the local-only endpoints is inside; the caller comes only from the invocation context.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createDbService, pointSdkAt, type DbService } from '../local/db'
import { fabricateContext } from '../local/host/context'
import { functionNames } from '../local/host/functions'
import { seedDemo, DEMO, devOpenid } from '../local/seed'
import { clock } from '../local/clock'

const root = resolve(__dirname, '..')
const built = join(root, 'build', 'functions')

beforeAll(() => {
  // `npm test` builds first; a lone `jest` run builds here.
  const names = functionNames()
  if (!names.every((fn) => existsSync(join(built, fn, 'index.js')))) {
    execFileSync(process.execPath, ['scripts/build-functions.mjs'], { cwd: root, stdio: 'ignore' })
  }
}, 120_000)

const names = functionNames()

test.each(names)('%s: a self-contained folder that runs from an empty directory', (fn) => {
  expect(readdirSync(join(built, fn)).sort()).toEqual(['config.json', 'index.js', 'package.json'])
  const pkg = JSON.parse(readFileSync(join(built, fn, 'package.json'), 'utf8'))
  expect(pkg.dependencies).toEqual({})
  const dir = mkdtempSync(join(tmpdir(), `zhibu-fn-${fn}-`))
  cpSync(join(built, fn), dir, { recursive: true })
  const out = execFileSync(
    process.execPath,
    ['-e', "require('./index.js').main({action:'health'},{}).then(r=>process.stdout.write(JSON.stringify(r)))"],
    { cwd: dir, env: { PATH: process.env.PATH ?? '', NODE_PATH: '' } as unknown as NodeJS.ProcessEnv, encoding: 'utf8' },
  )
  const reply = JSON.parse(out)
  expect(reply.ok).toBe(true)
  expect(reply.data.fn).toBe(fn)
})

test.each(names)('%s: nothing from local/ or local-only endpoints in the bundle', (fn) => {
  const inputs: string[] = JSON.parse(readFileSync(join(root, 'build', 'functions-meta', `${fn}.inputs.json`), 'utf8'))
  expect(inputs.filter((p) => p.startsWith('local/'))).toEqual([])
  const code = readFileSync(join(built, fn, 'index.js'), 'utf8')
  for (const marker of ['/dev/login', '/dev/clock', 'x-zhibu-openid', 'zhibu_openid', 'dev_admin', 'TCB_CONTEXT_CNFG={', '本地演示环境']) {
    expect(code.includes(marker) ? marker : null).toBeNull()
  }
})

describe('the bundle takes the caller from the invocation context only', () => {
  let db: DbService
  beforeAll(async () => {
    db = await createDbService({ dataDir: mkdtempSync(join(tmpdir(), 'zhibu-bundle-')) })
    pointSdkAt(await db.listen(0))
    // The stack lives at a stated instant (10:00 Beijing, Friday 2026-11-20), the seed made relative to it.
    clock.start('2026-11-20T02:00:00.000Z')
    await seedDemo(db, '2026-11-20T02:00:00.000Z')
  })
  afterAll(() => db.close())

  test('identity claims in the event are ignored', async () => {
    const { main } = require(join(built, 'org', 'index.js')) as { main: (e: unknown, c: unknown) => Promise<{ ok: boolean; data: { bound: boolean; member: { id: string } | null } }> }
    const forged = { action: 'me', input: {}, openid: devOpenid(DEMO.m.secretary), userInfo: { openId: devOpenid(DEMO.m.secretary) }, WX_OPENID: devOpenid(DEMO.m.secretary) }
    expect((await main(forged, fabricateContext('org', 'dev_someone_else'))).data.bound).toBe(false)
    expect((await main(forged, {})).data.bound).toBe(false)
    const real = await main({ action: 'me', input: {} }, fabricateContext('org', devOpenid(DEMO.m.secretary)))
    expect(real.data.member?.id).toBe(DEMO.m.secretary)
  })
})
