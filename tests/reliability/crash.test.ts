/**
 * Crash: the local host (esbuild-bundled `local/host/main.ts`, serving the function bundles) runs
 * as a child process on a seeded temp folder; a mixed burst of writes — sign-ins, 党费 payments, ballots,
 * 积分 申报 — goes through `POST /api/<fn>`; the host is killed with SIGKILL mid-burst and restarted on the
 * same folder. Every acknowledged write must be there, and no multi-document change half-written: each
 * ballot counted in the tally has its roster record and the reverse, each paid ledger month is in the account and the reverse.
 * Sign-in is idempotent by design rather than transactional: a record whose present-list entry was cut off
 * must be completed by the member's retry.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildSync } from 'esbuild'
import { execFileSync } from 'node:child_process'
import { createDbService, pointSdkAt } from '../../local/db'
import { createHost } from '../../local/host/server'
import { functionNames } from '../../local/host/functions'
import { clock } from '../../local/clock'
import { DEMO, devOpenid, seedDemo } from '../../local/seed'
import { addDays, beijingDate, beijingMonth, shiftMonth } from '../../shared/src/rules/time'
import type { Reply } from '../support/cloud'

// The stack (the host child and this process) lives at 10:00 Beijing, Friday 2026-11-20.
const AT = '2026-11-20T02:00:00.000Z'
const root = resolve(__dirname, '..', '..')
// Two levels below the root: the host finds the repository (and build/functions) from its own folder.
const hostFile = join(root, 'build', 'tmp', `crash-host-${process.pid}.cjs`)
const workDir = mkdtempSync(join(tmpdir(), 'zhibu-crash-'))
const dataDir = join(workDir, 'data')
const children: ChildProcess[] = []

const freePort = (): Promise<number> =>
  new Promise((res, rej) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const a = s.address()
      s.close(() => res(typeof a === 'object' && a ? a.port : 0))
    })
    s.on('error', rej)
  })

beforeAll(() => {
  if (!functionNames().every((fn) => existsSync(join(root, 'build', 'functions', fn, 'index.js')))) {
    execFileSync(process.execPath, ['scripts/build-functions.mjs'], { cwd: root, stdio: 'ignore' })
  }
  // As local/scripts/bundle-host.mjs does, into a file of our own (npm start may be using its bundle).
  buildSync({
    entryPoints: [join(root, 'local', 'host', 'main.ts')],
    outfile: hostFile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    logLevel: 'error',
    alias: { '@shared': join(root, 'shared', 'src') },
  })
}, 180_000)

afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  clock.reset()
  rmSync(workDir, { recursive: true, force: true })
  rmSync(hostFile, { force: true })
})

/** Starts the host on `dataDir` (as `npm start` would) and waits until it answers. */
async function startHost(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort()
  const child = spawn(process.execPath, ['-e', `require(${JSON.stringify(hostFile)}).main()`], {
    cwd: root,
    env: { ...process.env, PORT: String(port), ZHIBU_DATA_DIR: dataDir, ZHIBU_OPEN: '0', SILENCE: 'true', ZHIBU_AT: AT },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  children.push(child)
  let log = ''
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()))
  const url = `http://127.0.0.1:${port}`
  const deadline = performance.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`host exited early:\n${log}`)
    try {
      if ((await fetch(`${url}/dev/session`)).ok) return { child, url }
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`host did not start:\n${log}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

const post = async (url: string, fn: string, action: string, input: unknown, openid: string): Promise<Reply> => {
  const res = await fetch(`${url}/api/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-zhibu-openid': openid },
    body: JSON.stringify({ action, input }),
  })
  return (await res.json()) as Reply
}
const must = (r: Reply, what: string) => {
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.message}`)
  return r.data as Record<string, unknown>
}

interface Write {
  kind: 'signIn' | 'payment' | 'vote' | 'entry'
  memberId: string
  fn: string
  action: string
  input: Record<string, unknown>
  openid: string
  reply?: Reply
}

test('kill -9 during a mixed write burst: every acknowledged write survives, nothing half-written', async () => {
  // ---- a seeded folder, and what the seed holds
  const seedDb = await createDbService({ dataDir })
  await seedDemo(seedDb, AT)
  const bound = (seedDb.dump('users') as { _id: string; memberId: string | null; branchId: string | null }[]).filter((u) => u.branchId === DEMO.branch && u.memberId)
  const year = Number(beijingDate(new Date(AT)).slice(0, 4))
  const roundId = `ev_${DEMO.branch}_${year}`
  const round = seedDb.dump('eval_rounds').find((r) => r._id === roundId) as { voterIds: string[]; gradedIds: string[] }
  const votedBefore = new Set(seedDb.dump('eval_roster').filter((r) => r.roundId === roundId).map((r) => r.memberId as string))
  const accounts = new Map(seedDb.dump('dues_accounts').map((a) => [a._id as string, a as { paidMonths: string[] }]))
  await seedDb.close()

  // ---- the host, a meeting whose sign-in is open, then the burst
  let { child, url } = await startHost()
  const sec = devOpenid(DEMO.m.secretary)
  const meeting = must(
    await post(url, 'meetings', 'createMeeting', { fields: { kind: 'theme-day', topic: '断电演练', date: addDays(beijingDate(new Date(AT)), 1), time: '10:00', place: '会议室', hostId: DEMO.m.secretary, recorderId: DEMO.m.organizer } }, sec),
    'createMeeting',
  )
  const meetingId = meeting.id as string
  const startsAt = meeting.startsAt as string
  const inWindow = new Date(Date.parse(startsAt) - 5 * 60_000)
  await fetch(`${url}/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ set: inWindow.toISOString(), runTimers: false }) })
  const code = must(await post(url, 'meetings', 'hostCode', { meetingId }, sec), 'hostCode').code as string
  const today = beijingDate(inWindow)
  const month = beijingMonth(inWindow)
  const nextMonth = shiftMonth(month, 1)

  const byKind: Record<Write['kind'], Write[]> = { signIn: [], payment: [], vote: [], entry: [] }
  for (const { _id: openid, memberId } of bound) {
    const id = memberId as string
    byKind.signIn.push({ kind: 'signIn', memberId: id, fn: 'meetings', action: 'signIn', input: { meetingId, code }, openid })
    byKind.entry.push({ kind: 'entry', memberId: id, fn: 'points', action: 'submitEntry', input: { branchId: DEMO.branch, clientKey: `crash-${id}`, month, itemCode: 'volunteer', description: '断电演练中的申报' }, openid })
    if (round.voterIds.includes(id) && !votedBefore.has(id)) {
      const rows = round.gradedIds.filter((g) => g !== id).map((g) => ({ memberId: g, grade: 'qualified' }))
      byKind.vote.push({ kind: 'vote', memberId: id, fn: 'evaluation', action: 'vote', input: { roundId, rows }, openid })
    }
    if (accounts.has(id) && !accounts.get(id)?.paidMonths.includes(nextMonth)) {
      byKind.payment.push({ kind: 'payment', memberId: id, fn: 'dues', action: 'recordPayment', input: { memberId: id, months: [nextMonth], paidOn: today, method: 'cash' }, openid: devOpenid(DEMO.m.organizer) })
    }
  }
  // Interleave the kinds so the kill lands among all of them.
  const longest = Math.max(...Object.values(byKind).map((l) => l.length))
  const writes = Array.from({ length: longest }, (_, i) => Object.values(byKind).flatMap((l) => (l[i] ? [l[i]] : [])))
    .flat()
  const killAt = Math.floor(writes.length * 0.4)
  let answered = 0
  const exited = new Promise<NodeJS.Signals | null>((r) => child.once('exit', (_c, s) => r(s)))
  await Promise.all(
    writes.map((w) =>
      post(url, w.fn, w.action, w.input, w.openid).then(
        (reply) => {
          w.reply = reply
          if (++answered === killAt) child.kill('SIGKILL')
        },
        () => undefined,
      ),
    ),
  )
  expect(await exited).toBe('SIGKILL')
  const acked = writes.filter((w) => w.reply?.ok)
  const cut = writes.filter((w) => !w.reply)
  const perKind = Object.keys(byKind).map((k) => `${k} ${acked.filter((w) => w.kind === k).length}/${byKind[k as Write['kind']].length}`)
  console.log(`crash: ${writes.length} writes, ${acked.length} acknowledged ok (${perKind.join(', ')}), ${writes.length - acked.length - cut.length} refused, ${cut.length} cut off by the kill`)
  // The kill really happened mid-burst, after some writes were acknowledged.
  expect(cut.length).toBeGreaterThan(0)
  expect(acked.length).toBeGreaterThan(0)

  // ---- restart the host on the same folder: it comes up and serves what was acknowledged
  ;({ child, url } = await startHost())
  const attendance = must(await post(url, 'meetings', 'meetingAttendance', { meetingId }, sec), 'meetingAttendance').rows as { memberId: string; status: string }[]
  for (const w of acked.filter((x) => x.kind === 'signIn')) expect(attendance.find((r) => r.memberId === w.memberId)?.status).toBe('present')
  const stopped = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  await stopped

  // ---- the folder itself
  const db = await createDbService({ dataDir })
  try {
    const dump = (c: string) => db.dump(c)
    const meetingDoc = dump('meetings').find((m) => m._id === meetingId) as { presentIds: string[] }
    const attendanceIds = new Set(dump('attendance').filter((a) => a.meetingId === meetingId).map((a) => a.memberId as string))
    const roster = dump('eval_roster').filter((r) => r.roundId === roundId)
    // No ballot is stored: the round's tally shards count them.
    const ballots = dump('eval_tallies').filter((t) => t.roundId === roundId).reduce((n, t) => n + (t.ballots as number), 0)
    const ledger = dump('dues_ledger')
    const entries = new Set(dump('points_entries').map((e) => e._id as string))
    const events = new Set(dump('events').map((e) => e.sourceId as string))

    for (const w of acked) {
      switch (w.kind) {
        case 'signIn':
          expect([w.memberId, attendanceIds.has(w.memberId), meetingDoc.presentIds.includes(w.memberId), events.has(`${meetingId}_${w.memberId}`)]).toEqual([w.memberId, true, true, true])
          break
        case 'vote':
          expect(roster.some((r) => r.memberId === w.memberId)).toBe(true)
          break
        case 'entry':
          expect(entries.has((w.reply as { data: { id: string } }).data.id)).toBe(true)
          break
        case 'payment':
          expect(ledger.find((d) => d.memberId === w.memberId && d.month === nextMonth)?.status).toBe('paid')
          break
      }
    }
    // Tally and roster are written in one transaction: ballots counted = roster, whatever the kill cut.
    expect(ballots).toBe(roster.length)
    expect(new Set(roster.map((r) => r.memberId)).size).toBe(roster.length)
    // Ledger and account are written in one transaction: each paid month in both, or in neither.
    for (const [memberId, before] of accounts) {
      const account = dump('dues_accounts').find((a) => a._id === memberId) as { paidMonths: string[] }
      const paidNext = ledger.some((d) => d.memberId === memberId && d.month === nextMonth && d.status === 'paid')
      expect([memberId, paidNext]).toEqual([memberId, account.paidMonths.includes(nextMonth)])
      expect(account.paidMonths.filter((m) => m !== nextMonth)).toEqual(before.paidMonths.filter((m) => m !== nextMonth))
    }
    // Sign-in: a record cut off before its present-list entry is completed by the member's retry.
    const partial = [...attendanceIds].filter((id) => !meetingDoc.presentIds.includes(id))
    expect(meetingDoc.presentIds.filter((id) => !attendanceIds.has(id))).toEqual([])
    if (partial.length) {
      console.log(`crash: ${partial.length} sign-in(s) cut between the record and the present list; retrying`)
      pointSdkAt(await db.listen(0))
      const host = await createHost({ db, mode: 'bundle' })
      const local = await host.listen(0)
      try {
        clock.set(inWindow)
        const fresh = must(await post(local, 'meetings', 'hostCode', { meetingId }, sec), 'hostCode').code as string
        for (const id of partial) must(await post(local, 'meetings', 'signIn', { meetingId, code: fresh }, devOpenid(id)), `retry ${id}`)
        const after = db.dump('meetings').find((m) => m._id === meetingId) as { presentIds: string[] }
        expect(partial.filter((id) => !after.presentIds.includes(id))).toEqual([])
        const afterEvents = new Set(db.dump('events').map((e) => e.sourceId as string))
        expect(partial.filter((id) => !afterEvents.has(`${meetingId}_${id}`))).toEqual([])
      } finally {
        clock.reset()
        await host.close()
      }
    }
  } finally {
    await db.close()
  }
}, 180_000)
