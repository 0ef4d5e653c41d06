/**
 * The recipients' banked accepts (`reminder_subs`): spent with one conditional update per template before a
 * send, given back after a send that certainly did not go out. The run's snapshot (`run.subs`) follows.
 */
import type { Item, TickRun } from './tick-run'

/**
 * Spends one accept each (and, unless urgent, the day's push) with one conditional update per template:
 * a recipient with no accept left, or whose push today is used, is not matched. A per-wave token on the
 * matched documents tells which ones were (one more read).
 */
export async function spendAll(run: TickRun, items: Item[], token: string): Promise<Set<Item>> {
  const { store, today, subs } = run
  const cmd = store.cmd
  const groups = new Map<string, Item[]>()
  for (const w of items) groups.set(`${w.template}|${w.event.urgent}`, [...(groups.get(`${w.template}|${w.event.urgent}`) ?? []), w])
  await Promise.all(
    [...groups.values()].map((g) => {
      const w0 = g[0] as Item
      const cond: Record<string, unknown> = { _id: cmd.in(g.map((w) => w.recipient.recipientId)), [`quota.${w0.template}`]: cmd.gt(0) }
      const patch: Record<string, unknown> = { [`quota.${w0.template}`]: cmd.inc(-1), spendToken: token, updatedAt: run.at() }
      if (!w0.event.urgent) {
        cond.lastPushDate = cmd.neq(today)
        patch.lastPushDate = today
      }
      return store.updateWhere('reminder_subs', cond, patch)
    }),
  )
  const spent = await store.find('reminder_subs', { _id: cmd.in(items.map((w) => w.recipient.recipientId)), spendToken: token }, { fields: { _id: true }, limit: 1000 })
  const ids = new Set(spent.map((r) => r._id))
  const out = new Set<Item>()
  for (const w of items) {
    if (!ids.has(w.recipient.recipientId)) continue
    out.add(w)
    const s = subs.get(w.recipient.recipientId)
    if (s) {
      s.quota = { ...s.quota, [w.template]: (s.quota?.[w.template] ?? 1) - 1 }
      if (!w.event.urgent) s.lastPushDate = today
    }
  }
  return out
}

/** Gives the accept (and the day's push) back after a send that certainly did not go out; 43101 zeroes it. */
export async function refund(run: TickRun, w: Item, previousPushDate: string | null, zero: boolean): Promise<void> {
  const s = run.subs.get(w.recipient.recipientId)
  const patch: Record<string, unknown> = { [`quota.${w.template}`]: zero ? 0 : run.store.cmd.inc(1), updatedAt: run.at() }
  if (!w.event.urgent) patch.lastPushDate = previousPushDate
  await run.store.updateWhere('reminder_subs', { _id: w.recipient.recipientId }, patch)
  if (s) {
    s.quota = { ...s.quota, [w.template]: zero ? 0 : (s.quota?.[w.template] ?? 0) + 1 }
    if (!w.event.urgent) s.lastPushDate = previousPushDate
  }
}
