/**
 * In-process local cloud for tests: a fresh database service in a temp folder, the real SDK pointed at
 * it, the demo seed, and `call(fn, action, input, openid)` invoking the functions' real `main` from source
 * with a fabricated SCF context. Each test file gets its own cloud (jest runs files in separate workers).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Envelope } from '../../shared/src/contract/errors'
import { createDbService, pointSdkAt, withInvocationTag, type DbService } from '../../local/db'
import { fabricateContext } from '../../local/host/context'
import { loadMain } from '../../local/host/functions'
import { clock } from '../../local/clock'
import { seedDemo, SEED_PARTS, type SeedPart } from '../../local/seed'
import { attachQueryLog } from './query-log'

export { DEMO, devOpenid } from '../../local/seed'
export { clock }

// Results are compared structurally in tests; `any` keeps assertions on nested data terse.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Reply = Envelope<any>

export interface TestCloud {
  db: DbService
  call(fn: string, action: string, input: unknown, openid: string | null): Promise<Reply>
  /** Same, with the raw event (for malformed-event tests). */
  raw(fn: string, event: unknown, openid: string | null): Promise<Reply>
  /** Every collection's documents, for "nothing was written" assertions. */
  snapshot(except?: string[]): Record<string, Record<string, unknown>[]>
  /** Wipe and reseed. */
  reset(): Promise<void>
  close(): Promise<void>
}

let seq = 0

export const startTestCloud = async (opts: { seed?: boolean; parts?: SeedPart[] } = {}): Promise<TestCloud> => {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhibu-test-'))
  const db = await createDbService({ dataDir })
  const url = await db.listen(0)
  pointSdkAt(url)
  // Off unless ZHIBU_QUERY_LOG is set (the index coverage check of `npm test`).
  const queryLog = attachQueryLog(db)
  const seed = async () => {
    if (opts.seed !== false) await seedDemo(db, new Date().toISOString(), opts.parts ?? SEED_PARTS)
  }
  await seed()
  const raw = async (fn: string, event: unknown, openid: string | null) => {
    const tag = `${fn}#${++seq}`
    const e = (event ?? {}) as { action?: unknown; Type?: unknown; TriggerName?: unknown }
    queryLog?.name(tag, e.Type === 'Timer' ? `${fn} timer ${String(e.TriggerName ?? '')}` : `${fn}.${String(e.action ?? '?')}`)
    return (await withInvocationTag(tag, () => loadMain(fn, 'source')(event, fabricateContext(fn, openid)))) as Reply
  }
  return {
    db,
    raw,
    call: (fn, action, input, openid) => raw(fn, { action, input }, openid),
    snapshot(except = ['rate_limits']) {
      const all = db.dumpAll()
      for (const k of except) delete all[k]
      return all
    },
    async reset() {
      await db.wipe()
      await seed()
    },
    async close() {
      await db.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Unwraps an ok reply or fails the test with the error it carried. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const ok = (r: Reply): any => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`)
  return r.data
}

export const errCode = (r: Reply): string | null => (r.ok ? null : r.error.code)
