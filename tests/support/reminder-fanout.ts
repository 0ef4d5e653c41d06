/**
 * A reusable fan-out scenario for the reminders scheduler (tests and `tests/bench/`): N members in
 * branches of 50, each with one 主题党日 accept, all due at the same T−1 18:00; a fake WeChat with a fixed
 * latency that counts every delivery per member; ticks 10 minutes apart until nothing is left. Optionally a
 * crash: after the Nth accepted message the run dies — nothing it does afterwards has any effect (its
 * database requests and WeChat calls hang, like a killed process) — and the next tick carries on.
 */
import type { DbService } from '../../local/db'
import { withInvocationTag } from '../../local/db'
import type { ReminderSubsDoc } from '../../cloudfunctions/reminders/documents'
import type { MemberDoc, OrgDoc, UserDoc } from '../../cloudfunctions/org/documents'
import { COLLECTIONS } from '../../cloudfunctions/_kit/collections'
import type { Log } from '../../cloudfunctions/_kit/log'
import type { Notifier, SendOutcome, SubscribeMessage } from '../../cloudfunctions/_kit/notifier'
import { createStore, type Store } from '../../cloudfunctions/_kit/store'
import { runTick, type TickReport } from '../../cloudfunctions/reminders/scheduler'

export interface FanoutOptions {
  /** Members with a reminder due (default 5000). */
  recipients?: number
  perBranch?: number
  /** Fake WeChat answer time per message (default 20 ms). */
  latencyMs?: number
  budgetMs?: number
  concurrency?: number
  /** The first run dies right after this many messages were accepted. */
  crashAfterSends?: number
  maxTicks?: number
}

export interface FanoutResult {
  recipients: number
  ticks: (TickReport & { requests: number })[]
  /** Distinct members who got the message. */
  delivered: number
  /** Messages beyond the first per member (must be 0). */
  duplicates: number
  /** Members due who never got it (must be 0 unless a run died mid-call). */
  lost: number
  /** Messages accepted by each run: the crashed one first when there was a crash. */
  perRun: number[]
  crashed: boolean
  /** Wall time of all ticks, and of the longest. */
  elapsedMs: number
  maxTickMs: number
  /** Messages accepted per second of tick time. */
  throughputPerSec: number
  /** Database requests per due reminder, over all ticks. */
  requestsPerReminder: number
}

/** T−1 18:00 Beijing of a 主题党日 on the 26th. */
export const FANOUT_NOW = '2025-06-25T10:00:00.000Z'
const TICK_MS = 10 * 60_000

const silent: Log = { info: () => undefined, error: () => undefined }

export const fanoutOpenid = (i: number): string => `fo_o${i}`

/** Writes the branches, members and accepts of the scenario into an empty database. */
export async function seedFanout(db: DbService, opts: FanoutOptions = {}): Promise<number> {
  const n = opts.recipients ?? 5000
  const per = opts.perBranch ?? 50
  const at = FANOUT_NOW
  const orgs: OrgDoc[] = []
  const members: MemberDoc[] = []
  const users: UserDoc[] = []
  const subs: ReminderSubsDoc[] = []
  for (let b = 0; b * per < n; b++) {
    orgs.push({
      _id: `fo_b${b}`,
      kind: 'branch',
      name: `扇出测试第${b + 1}党支部`,
      parentId: null,
      parentName: null,
      ancestors: [],
      profileId: 'hunan-wuhua-2018',
      themeDayRule: { kind: 'day-of-month', day: 26 },
      termStartedAt: null,
      termEndsAt: null,
      duesDay: 10,
      groups: [],
      createdAt: at,
      updatedAt: at,
    })
  }
  for (let i = 0; i < n; i++) {
    const id = `fo_m${i}`
    const openid = fanoutOpenid(i)
    const branchId = `fo_b${Math.floor(i / per)}`
    members.push({
      _id: id,
      branchId,
      name: `党员${i}`,
      gender: 'male',
      phone: null,
      joinedAt: '2000-01-15',
      formalAt: '2001-01-15',
      status: 'formal',
      groupId: null,
      duesCategory: 'employed',
      flags: { elderly: false, mobile: false },
      roles: [],
      openid,
      boundAt: at,
      active: true,
      createdAt: at,
      updatedAt: at,
    })
    users.push({ _id: openid, memberId: id, branchId, groupId: null, status: 'formal', roles: [], name: `党员${i}`, adminOrgs: [], adminBranchIds: [], createdAt: at })
    subs.push({ _id: id, openid, memberId: id, quota: { themeDay: 1, meeting: 0, dues: 0, task: 0 }, off: [], lastPushDate: null, createdAt: at, updatedAt: at })
  }
  await db.ensureCollections(COLLECTIONS)
  await db.insertMany('orgs', orgs as unknown as Record<string, unknown>[])
  await db.insertMany('members', members as unknown as Record<string, unknown>[])
  await db.insertMany('users', users as unknown as Record<string, unknown>[])
  await db.insertMany('reminder_subs', subs as unknown as Record<string, unknown>[])
  return n
}

const never = <T>(): Promise<T> => new Promise<T>(() => undefined)

/** A store whose every call, once `dead()` is true, hangs without effect; results arriving after death are dropped. */
function mortalStore(store: Store, dead: () => boolean): Store {
  const wrap =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>) =>
    (...a: A): Promise<R> =>
      dead() ? never<R>() : f(...a).then((r) => (dead() ? never<R>() : r))
  return {
    get cmd() {
      return store.cmd
    },
    get: wrap(store.get.bind(store)) as Store['get'],
    find: wrap(store.find.bind(store)) as Store['find'],
    findAll: wrap(store.findAll.bind(store)) as Store['findAll'],
    count: wrap(store.count.bind(store)),
    add: wrap(store.add.bind(store)) as Store['add'],
    addMany: wrap(store.addMany.bind(store)) as Store['addMany'],
    set: wrap(store.set.bind(store)) as Store['set'],
    update: wrap(store.update.bind(store)) as Store['update'],
    updateWhere: wrap(store.updateWhere.bind(store)) as Store['updateWhere'],
    remove: wrap(store.remove.bind(store)),
    aggregate: wrap(store.aggregate.bind(store)) as Store['aggregate'],
    transaction: wrap(store.transaction.bind(store)) as Store['transaction'],
    serverDate: () => store.serverDate(),
  }
}

/** The fake WeChat: a message counts as delivered when the request is made; the answer comes `latencyMs` later. */
function fakeWechat(latencyMs: number, deliveries: Map<string, number>, opts: { crashAfter?: number; onCrash?: () => void; dead?: () => boolean } = {}): Notifier & { accepted: number } {
  const n = {
    accepted: 0,
    async send(msg: SubscribeMessage): Promise<SendOutcome> {
      if (opts.dead?.()) return never()
      deliveries.set(msg.touser, (deliveries.get(msg.touser) ?? 0) + 1)
      n.accepted++
      if (opts.crashAfter !== undefined && n.accepted >= opts.crashAfter) opts.onCrash?.()
      await new Promise((r) => setTimeout(r, latencyMs))
      if (opts.dead?.()) return never()
      return { status: 'sent' }
    },
  }
  return n
}

/** Seeds the scenario into `db` (which the SDK must already point at) and runs ticks until all is done. */
export async function runFanout(db: DbService, opts: FanoutOptions = {}): Promise<FanoutResult> {
  const n = await seedFanout(db, opts)
  const latency = opts.latencyMs ?? 20
  const maxTicks = opts.maxTicks ?? 50
  const deliveries = new Map<string, number>()
  const ticks: FanoutResult['ticks'] = []
  const perRun: number[] = []
  const store = createStore()
  let crashed = false
  const t0 = performance.now()

  for (let i = 0; i < maxTicks; i++) {
    const now = new Date(Date.parse(FANOUT_NOW) + i * TICK_MS)
    const tag = `fanout#${i}`
    const crashThisRun = i === 0 && opts.crashAfterSends !== undefined
    let dead = false
    let onCrash: () => void = () => undefined
    const crash = new Promise<'crashed'>((resolve) => {
      onCrash = () => {
        dead = true
        resolve('crashed')
      }
    })
    const notifier = fakeWechat(latency, deliveries, crashThisRun ? { crashAfter: opts.crashAfterSends, onCrash, dead: () => dead } : {})
    const runStore = crashThisRun ? mortalStore(store, () => dead) : store
    const started = performance.now()
    const run = withInvocationTag(tag, () => runTick({ store: runStore, now, notifier, log: silent, budgetMs: opts.budgetMs, concurrency: opts.concurrency }))
    const outcome = await Promise.race([run, crash])
    const requests = db.counters(tag).requests
    perRun.push(notifier.accepted)
    if (outcome === 'crashed') {
      crashed = true
      // The dead run never finishes; give its in-flight requests a moment to land, as they would.
      await new Promise((r) => setTimeout(r, 200))
      ticks.push({ ...emptyReport(), elapsedMs: performance.now() - started, requests })
      continue
    }
    ticks.push({ ...outcome, requests })
    if (outcome.remaining === 0 && outcome.waiting === 0) break
  }
  const elapsedMs = performance.now() - t0
  let duplicates = 0
  for (const c of deliveries.values()) duplicates += c - 1
  const accepted = perRun.reduce((a, b) => a + b, 0)
  const tickMs = ticks.reduce((a, t) => a + t.elapsedMs, 0)
  return {
    recipients: n,
    ticks,
    delivered: deliveries.size,
    duplicates,
    lost: n - deliveries.size,
    perRun,
    crashed,
    elapsedMs,
    maxTickMs: Math.max(...ticks.map((t) => t.elapsedMs)),
    throughputPerSec: Math.round((accepted / Math.max(1, tickMs)) * 1000),
    requestsPerReminder: Math.round((ticks.reduce((a, t) => a + t.requests, 0) / n) * 100) / 100,
  }
}

const emptyReport = (): TickReport => ({
  runId: 'crashed',
  due: 0,
  done: 0,
  waiting: 0,
  deferred: 0,
  processed: 0,
  sent: 0,
  skipped: {},
  refused: 0,
  retry: 0,
  failed: 0,
  unconfirmed: 0,
  remaining: 0,
  waves: 0,
  elapsedMs: 0,
})
