/**
 * Time zones: a 主题党日 on the 26th produces its T−1 reminder on the 25th at 18:00 Beijing time
 * whatever the process time zone. A fresh Node process per zone (TZ=UTC, America/Los_Angeles,
 * Asia/Shanghai) runs the rules and a whole timer tick — local database, demo branch, the function's real
 * `main` — because a zone cannot be changed inside a running jest worker.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { buildSync } from 'esbuild'

const root = join(__dirname, '..', '..')
const outfile = join(root, 'build', 'test-tz', 'tick.cjs')

const ENTRY = `
  const { mkdtempSync, rmSync } = require('node:fs')
  const { tmpdir } = require('node:os')
  const { join } = require('node:path')
  const { createDbService, pointSdkAt } = require('./local/db')
  const { seedDemo, SEED_PARTS, DEMO } = require('./local/seed')
  const { remindersSeed } = require('./local/seed/reminders')
  const { clock } = require('./local/clock')
  const { fabricateContext } = require('./local/host/context')
  const { main } = require('./cloudfunctions/reminders/index')
  const { dueThemeDayReminders, dueReminders } = require('./shared/src/rules/reminders/schedule')

  const rule = { kind: 'day-of-month', day: 26, shiftIfHoliday: true }
  const at = (iso) => dueThemeDayReminders(rule, {}, iso).map((e) => [e.key, e.dueAt, e.expiresAt])
  ;(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhibu-tz-'))
    const db = await createDbService({ dataDir: dir })
    pointSdkAt(await db.listen(0))
    // The seed is made at a stated instant (tests never read the machine date); the ticks move the clock.
    await seedDemo(db, '2026-11-20T02:00:00.000Z', SEED_PARTS.filter((p) => p !== remindersSeed))
    const tick = async (iso) => {
      clock.set(iso)
      const r = await main({ Type: 'Timer', TriggerName: 'tick' }, fabricateContext('reminders', null))
      if (!r.ok) throw new Error(JSON.stringify(r))
    }
    const keys = () => [...new Set(db.dump('reminder_log').filter((l) => l.topic === 'theme-day' && l.branchId === DEMO.branch).map((l) => l.eventKey))]
    await tick('2025-06-25T17:59:00+08:00')
    const tickBefore = keys()
    await tick('2025-06-25T18:00:00+08:00')
    const tickEve = keys()
    const members = db.dump('reminder_log').filter((l) => l.topic === 'theme-day' && l.branchId === DEMO.branch).length
    process.stdout.write('\\nRESULT ' + JSON.stringify({
      offset: new Date(2025, 5, 25).getTimezoneOffset(),
      before: at('2025-06-25T09:59:00Z'),
      eve: at('2025-06-25T10:00:00Z'),
      morning: at('2025-06-26T00:00:00Z'),
      dues: dueReminders({ duesDay: 26 }, '2025-06-26T01:00:00Z').map((e) => e.key),
      tickBefore, tickEve, members,
    }))
    await db.close()
    rmSync(dir, { recursive: true, force: true })
    process.exit(0)
  })().catch((e) => { console.error(e); process.exit(1) })
`

beforeAll(() => {
  mkdirSync(join(root, 'build', 'test-tz'), { recursive: true })
  buildSync({
    stdin: { contents: ENTRY, resolveDir: root, loader: 'js' },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    alias: { '@shared': join(root, 'shared', 'src') },
    logLevel: 'error',
  })
}, 60_000)

test.each([
  ['UTC', 0],
  ['America/Los_Angeles', 420],
  ['Asia/Shanghai', -480],
])('TZ=%s: the 主题党日 of the 26th is announced on the 25th at 18:00 Beijing (rules and a timer tick)', (tz, offset) => {
  const r = spawnSync(process.execPath, [outfile], { cwd: root, env: { ...process.env, TZ: tz }, encoding: 'utf8', timeout: 60_000 })
  expect(r.status).toBe(0)
  // The function logs each tick on stdout too; the answer is the line marked RESULT.
  const out = JSON.parse((r.stdout.split('\n').find((l) => l.startsWith('RESULT ')) ?? 'RESULT null').slice(7))
  expect(out.offset).toBe(offset) // the child really ran in that zone
  expect(out.before).toEqual([])
  expect(out.eve).toEqual([['theme-day-eve:2025-06-26', '2025-06-25T10:00:00.000Z', '2025-06-26T00:00:00.000Z']])
  expect(out.morning).toEqual([['theme-day:2025-06-26', '2025-06-26T00:00:00.000Z', '2025-06-26T10:00:00.000Z']])
  expect(out.dues).toEqual(['dues-day:2025-06'])
  // The timer: nothing at 17:59, the eve reminder for all 30 members of 第一党支部 at 18:00.
  expect(out.tickBefore).toEqual([])
  expect(out.tickEve).toEqual(['br_demo_1:theme-day-eve:2025-06-26'])
  expect(out.members).toBe(30)
}, 90_000)
