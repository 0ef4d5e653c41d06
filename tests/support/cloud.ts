/**
 * In-process local cloud for tests: a fresh database service in a temp folder, the real SDK pointed at
 * it, the demo seed made at the instant the test names, and callers that invoke the functions' real `main`
 * from source with a fabricated SCF context. Each test file gets its own cloud (jest runs files in
 * separate workers). A test never reads the machine's date: `startTestCloud({ at })` puts the whole stack
 * at `at`, and `clock.reset()` returns there.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { domains, type Domains } from '../../shared/src/contract'
import type { Domain, InputOf, OutputOf } from '../../shared/src/contract/define'
import type { Envelope } from '../../shared/src/contract/errors'
import { ApiError, createClient } from '../../miniprogram/src/services/client'
import { createDbService, pointSdkAt, type DbService, type DbServiceOptions } from '../../local/db'
import { loadMain } from '../../local/host/functions'
import { abandonedRunsSettled, invokeFunction } from '../../local/host/invoke'
import { clock as stackClock } from '../../local/clock'
import { seedDemo, SEED_PARTS, type SeedPart } from '../../local/seed'
import { attachQueryLog } from './query-log'

export { DEMO, devOpenid } from '../../local/seed'

// Results are compared structurally in tests; `any` keeps assertions on nested data terse.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Reply = Envelope<any>

let startedAt: string | null = null

/**
 * The stack's clock, as tests move it. It keeps running from where it is set; `reset()` goes back to
 * the instant the test cloud started at (never to the machine's date).
 */
export const clock = {
  set: (iso: string | Date): void => stackClock.set(iso),
  advance: (ms: number): void => stackClock.advance(ms),
  reset(): void {
    if (startedAt === null) throw new Error('clock.reset() before startTestCloud({ at })')
    stackClock.reset()
  },
  /** The stack's current instant. */
  now: (): Date => new Date(stackClock.now()),
}

/** A typed caller: `cloud.as(openid).meetings.signIn(input)` answers the action's typed envelope. */
export type EnvelopeClient<Ds extends Record<string, Domain>> = {
  [K in keyof Ds]: { [A in keyof Ds[K]['actions']]: (input: InputOf<Ds[K]['actions'][A]>) => Promise<Envelope<OutputOf<Ds[K]['actions'][A]>>> }
}

export interface TestCloud {
  db: DbService
  /** The instant the stack was started and seeded at. */
  at: string
  call(fn: string, action: string, input: unknown, openid: string | null): Promise<Reply>
  /** Same, with the raw event (for malformed-event and timer tests). */
  raw(fn: string, event: unknown, openid: string | null): Promise<Reply>
  /** The app's own client (`createClient` over the contract) over an in-process transport, as `openid`. */
  as(openid: string | null): EnvelopeClient<Domains>
  /** One call and the database requests it made (what CloudBase counts per invocation). */
  counted(fn: string, action: string, input: unknown, openid: string | null): Promise<{ reply: Reply; requests: number }>
  /** Every collection's documents, for "nothing was written" assertions. */
  snapshot(except?: string[]): Record<string, Record<string, unknown>[]>
  /** Wipe, go back to `at` and reseed. */
  reset(): Promise<void>
  close(): Promise<void>
}

let seq = 0

export interface TestCloudOptions {
  /** The instant the stack lives at (ISO); the demo seed is made relative to it. Required: tests state their instant. */
  at: string
  seed?: boolean
  parts?: SeedPart[]
  /** Database service options for limit tests (`requestDelayMs`, `transactionLifetimeMs`). */
  db?: Omit<DbServiceOptions, 'dataDir'>
  /** Test-only: a function's timeout in ms instead of its `config.json` "timeout". */
  timeoutMs?: (fn: string) => number | undefined
}

export const startTestCloud = async (opts: TestCloudOptions): Promise<TestCloud> => {
  if (typeof opts?.at !== 'string' || Number.isNaN(Date.parse(opts.at))) throw new Error('startTestCloud needs { at: <ISO instant> }')
  const at = new Date(Date.parse(opts.at)).toISOString()
  startedAt = at
  stackClock.start(at)
  const dataDir = mkdtempSync(join(tmpdir(), 'zhibu-test-'))
  const db = await createDbService({ ...opts.db, dataDir })
  const url = await db.listen(0)
  pointSdkAt(url)
  // Off unless ZHIBU_QUERY_LOG is set (the index coverage check of `npm test`).
  const queryLog = attachQueryLog(db)
  const seed = async () => {
    if (opts.seed !== false) await seedDemo(db, at, opts.parts ?? SEED_PARTS)
  }
  await seed()
  const invoke = async (fn: string, event: unknown, openid: string | null) => {
    const tag = `${fn}#${++seq}`
    const e = (event ?? {}) as { action?: unknown; Type?: unknown; TriggerName?: unknown }
    queryLog?.name(tag, e.Type === 'Timer' ? `${fn} timer ${String(e.TriggerName ?? '')}` : `${fn}.${String(e.action ?? '?')}`)
    // Under the function's configured timeout, as the host runs it: past it the call rejects (FUNCTIONS_TIME_LIMIT_EXCEEDED).
    const reply = (await invokeFunction({ fn, main: loadMain(fn, 'source'), event, openid, tag, timeoutMs: opts.timeoutMs?.(fn) })) as Reply
    return { reply, tag }
  }
  const raw = async (fn: string, event: unknown, openid: string | null) => (await invoke(fn, event, openid)).reply
  const as = (openid: string | null): EnvelopeClient<Domains> => {
    const client = createClient(domains, (fn, payload) => raw(fn, payload, openid))
    return toEnvelopes(domains, client as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>) as EnvelopeClient<Domains>
  }
  return {
    db,
    at,
    raw,
    as,
    call: (fn, action, input, openid) => raw(fn, { action, input }, openid),
    async counted(fn, action, input, openid) {
      const { reply, tag } = await invoke(fn, { action, input }, openid)
      return { reply, requests: db.counters(tag).requests }
    },
    snapshot(except = ['rate_limits']) {
      const all = db.dumpAll()
      for (const k of except) delete all[k]
      return all
    },
    async reset() {
      await db.wipe()
      stackClock.start(at)
      await seed()
    },
    async close() {
      // A run that timed out may still be making requests (SCF would have frozen it): let it end first.
      await abandonedRunsSettled()
      await db.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** The app's client throws `ApiError`; a test wants the envelope back to assert on its code. */
function toEnvelopes(ds: Record<string, Domain>, client: Record<string, Record<string, (input: unknown) => Promise<unknown>>>) {
  const out: Record<string, Record<string, (input: unknown) => Promise<Envelope<unknown>>>> = {}
  for (const [key, domain] of Object.entries(ds)) {
    out[key] = {}
    for (const action of Object.keys(domain.actions) as (keyof typeof domain.actions & string)[]) {
      const fn = client[key]?.[action]
      if (!fn) throw new Error(`no client for ${key}.${action}`)
      out[key][action] = (input) =>
        fn(input).then(
          (data): Envelope<unknown> => ({ ok: true, data }),
          (e: unknown): Envelope<unknown> => {
            if (e instanceof ApiError) return { ok: false, error: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } }
            throw e
          },
        )
    }
  }
  return out
}

/** Unwraps an ok reply or fails the test with the error it carried. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ok = (r: Reply): any => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`)
  return r.data
}

/** Unwraps a typed envelope (from `cloud.as(...)`) or fails the test. */
export const okData = <T>(r: Envelope<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`)
  return r.data
}

export const errCode = (r: Envelope<unknown>): string | null => (r.ok ? null : r.error.code)

