/**
 * Open-API (云调用) permissions and `npm run deploy`. @cloudbase/manager-node 5.6.5 does not
 * deploy `config.json` `permissions` (its CreateFunction / UpdateFunctionConfiguration parameters are a
 * whitelist without them, and it reads no config.json), so the deploy names each function that needs one and
 * prints the DevTools step; a function that sends subscribe messages without declaring the permission is
 * refused before anything is uploaded.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { BUNDLE_DIR } from '../../local/host/functions'
import { expectedRc, functionNames, writeRc } from '../../scripts/lib/cloudbaserc'
import { OPENAPI_STEP, planDeploy, printPlan, runDeploy, type FunctionsManager } from '../../scripts/lib/deploy'

const root = resolve(__dirname, '..', '..')
const names = functionNames(root)
const ENV = { TCB_ENV_ID: 'zhibu-test-1a2b3c', TCB_SECRET_ID: 'AKIDtest', TCB_SECRET_KEY: 'secret-test', ZHIBU_SIGNIN_KEY: 'k'.repeat(48) }

beforeAll(() => {
  if (!names.every((fn) => existsSync(join(BUNDLE_DIR, fn, 'index.js')) && existsSync(join(root, 'build', 'functions-meta', `${fn}.inputs.json`)))) {
    execFileSync(process.execPath, ['scripts/build-functions.mjs'], { cwd: root, stdio: 'ignore' })
  }
}, 180_000)

test('manager-node has no way to pass permissions: none of its function code mentions them or config.json', () => {
  const src = readFileSync(require.resolve('@cloudbase/manager-node/lib/function/index.js'), 'utf8')
  expect(src).not.toMatch(/permissions|openapi/i)
  expect(src).not.toContain('config.json')
})

test('the plan lists each function’s open APIs and prints the DevTools step; the deploy prints it again at the end', async () => {
  const plan = planDeploy(root, ENV)
  expect(plan.problems).toEqual([])
  expect(plan.functions.find((f) => f.name === 'reminders')?.openapi).toEqual(['subscribeMessage.send'])
  expect(plan.functions.filter((f) => f.name !== 'reminders').every((f) => f.openapi.length === 0)).toBe(true)
  const lines: string[] = []
  printPlan(plan, root, (l) => lines.push(l), true)
  const out = lines.join('\n')
  expect(out).toContain('open API subscribeMessage.send')
  expect(out).toContain('reminders (subscribeMessage.send)')
  expect(out).toContain('上传并部署：所有文件')

  const deployed: string[] = []
  const manager: FunctionsManager = { functions: { createFunction: async (p) => void deployed.push(p.func.name) } }
  const log: string[] = []
  const code = await runDeploy(['reminders', '--skip-build'], { root, env: ENV, log: (l) => log.push(l), build: () => undefined, connect: async () => manager })
  expect(code).toBe(0)
  expect(deployed).toEqual(['reminders'])
  const after = log.slice(log.findIndex((l) => l.startsWith('✔ deployed')))
  expect(after.join('\n')).toContain(OPENAPI_STEP[2])
})

test('only functions that call open APIs get the note', () => {
  const plan = planDeploy(root, ENV, ['org'])
  const lines: string[] = []
  printPlan(plan, root, (l) => lines.push(l), true)
  expect(lines.join('\n')).not.toContain('上传并部署')
})

test('a function that bundles the notifier without declaring subscribeMessage.send is refused before any upload', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'zhibu-openapi-'))
  try {
    mkdirSync(join(tmp, 'cloudfunctions', 'alerts'), { recursive: true })
    writeFileSync(join(tmp, 'cloudfunctions', 'alerts', 'index.ts'), '')
    writeFileSync(join(tmp, 'cloudfunctions', 'alerts', 'config.json'), '{"timeout":10}')
    mkdirSync(join(tmp, 'build', 'functions-meta'), { recursive: true })
    writeFileSync(join(tmp, 'build', 'functions-meta', 'alerts.inputs.json'), JSON.stringify(['cloudfunctions/alerts/index.ts', 'cloudfunctions/_kit/notifier.ts']))
    writeRc(tmp, expectedRc(tmp))
    const plan = planDeploy(tmp, ENV)
    expect(plan.problems.join('\n')).toContain('cloudfunctions/alerts/config.json: it sends subscribe messages but declares no "permissions"')
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
})
