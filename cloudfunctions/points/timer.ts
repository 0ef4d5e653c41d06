/**
 * The timer trigger (every 10 minutes, config.json): consume new domain events into automatic entries for
 * every branch that has a points head document, in bounded batches within a time budget.
 */
import type { Log } from '../_kit/log'
import type { Store } from '../_kit/store'
import { consumeEvents } from './engine'

const BATCH = 200
const BUDGET_MS = 15_000

export const consumeAll = async (store: Store, now: Date, log: Log): Promise<{ branches: number; processed: number; credited: number }> => {
  const started = performance.now()
  const heads = await store.findAll('points_branches', { branchId: store.cmd.exists(true) })
  let processed = 0
  let credited = 0
  for (const head of heads) {
    if (!head.current) continue
    for (;;) {
      const r = await consumeEvents(store, head, now, BATCH, log)
      processed += r.processed
      credited += r.credited
      if (!r.more || performance.now() - started > BUDGET_MS) break
    }
    if (performance.now() - started > BUDGET_MS) break
  }
  return { branches: heads.length, processed, credited }
}
