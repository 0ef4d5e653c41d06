/**
 * The scheduler at scale: 5,000 reminders due at once with a fake WeChat answering in 20 ms finish
 * within the per-run budget over as many ticks as needed, none twice, none lost; a run that dies after
 * 1,000 sends is followed by one that sends exactly the other 4,000; a run dying in the middle of WeChat
 * calls never leads to a second message (at most once — those few stay on the to-do list).
 */
import { FANOUT_NOW, runFanout } from '../../tests/support/reminder-fanout'
import { startTestCloud, type TestCloud } from '../../tests/support/cloud'
import { RUN_BUDGET_MS } from './scheduler'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await startTestCloud({ at: FANOUT_NOW, seed: false })
})
afterEach(() => cloud.close())

/** One wave (50 recipients: 5 rounds of 10 sends of 20 ms, and their writes) may start just before the budget ends. */
const WAVE_ALLOWANCE_MS = 5_000

test('5,000 due, WeChat at 20 ms: each run within its budget, 0 duplicates, 0 lost', async () => {
  const r = await runFanout(cloud.db, { recipients: 5000, latencyMs: 20 })
  console.log(
    `fan-out 5000: ${r.ticks.length} tick(s), ${r.ticks.map((t) => `${t.sent} in ${t.elapsedMs} ms`).join(', ')}; ` +
      `${r.throughputPerSec}/s, ${r.requestsPerReminder} DB requests per reminder`,
  )
  expect(r.delivered).toBe(5000)
  expect(r.duplicates).toBe(0)
  expect(r.lost).toBe(0)
  for (const t of r.ticks) expect(t.elapsedMs).toBeLessThan(RUN_BUDGET_MS + WAVE_ALLOWANCE_MS)
  expect(r.ticks.reduce((a, t) => a + t.sent, 0)).toBe(5000)
  expect(r.ticks.at(-1)).toMatchObject({ remaining: 0, waiting: 0 })
}, 240_000)

test('a short budget: the work continues tick after tick, nothing twice, nothing lost', async () => {
  const r = await runFanout(cloud.db, { recipients: 1000, latencyMs: 20, budgetMs: 600 })
  expect(r.ticks.length).toBeGreaterThan(2)
  for (const t of r.ticks) expect(t.elapsedMs).toBeLessThan(600 + WAVE_ALLOWANCE_MS)
  expect(r.ticks.slice(0, -1).every((t) => t.remaining > 0)).toBe(true)
  expect([r.delivered, r.duplicates, r.lost]).toEqual([1000, 0, 0])
}, 120_000)

test('a crash after 1,000 sends, then the next tick sends exactly the other 4,000', async () => {
  const r = await runFanout(cloud.db, { recipients: 5000, latencyMs: 20, crashAfterSends: 1000 })
  expect(r.crashed).toBe(true)
  expect(r.perRun[0]).toBe(1000)
  expect(r.perRun.slice(1).reduce((a, b) => a + b, 0)).toBe(4000)
  expect([r.delivered, r.duplicates, r.lost]).toEqual([5000, 0, 0])
  // The last wave of the dead run (50) was left `sending`: the next run closed it without sending again.
  const logs = cloud.db.dump('reminder_log') as { status: string }[]
  expect(logs.filter((l) => l.status === 'unconfirmed')).toHaveLength(50)
  expect(logs.filter((l) => l.status === 'sent')).toHaveLength(4950)
  expect(cloud.db.dump('todos')).toHaveLength(5000)
}, 240_000)

test('a crash in the middle of WeChat calls: never a second message; the undecided few keep their to-do', async () => {
  const r = await runFanout(cloud.db, { recipients: 1000, latencyMs: 20, crashAfterSends: 995 })
  // Sends 996–1000 of the last wave were under way: recorded `sending`, so never repeated.
  expect(r.perRun).toEqual([995, 0])
  expect([r.delivered, r.duplicates, r.lost]).toEqual([995, 0, 5])
  const logs = cloud.db.dump('reminder_log') as { status: string; reason: string }[]
  expect(logs.filter((l) => l.status === 'unconfirmed').length).toBe(50)
  expect(cloud.db.dump('todos')).toHaveLength(1000)
}, 120_000)
