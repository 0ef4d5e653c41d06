/**
 * The send log (`reminder_log`, one entry per reminder occurrence and recipient): a run claims an entry by
 * creating it, or by taking over one a dead run left `queued` or one due for a retry; after that it changes
 * only the entries it holds (`runId`), in grouped requests.
 */
import type { ReminderLogDoc, ReminderLogStatus } from './documents'
import { isDuplicate } from '../_kit/store'
import type { Item, TickRun } from './tick-run'

export type LogEntry = { w: Item; doc: Omit<ReminderLogDoc, '_id'> }

/** A new log entry of this run for `w`. */
export const logDoc = (run: Pick<TickRun, 'runId' | 'at' | 'lease'>, w: Item, status: ReminderLogStatus, reason: string | null): Omit<ReminderLogDoc, '_id'> => ({
  eventKey: w.event.eventKey,
  topic: w.event.topic,
  branchId: w.event.branchId,
  recipientId: w.recipient.recipientId,
  memberId: w.recipient.memberId,
  template: w.template,
  status,
  reason,
  attempts: 0,
  runId: run.runId,
  leaseUntil: run.lease(),
  nextAt: null,
  dueAt: w.event.dueAt,
  expiresAt: w.event.expiresAt,
  sentAt: null,
  createdAt: run.at(),
  updatedAt: run.at(),
})

/** Takes over a log entry left `queued` by a dead run, or due for a retry; false when another run got it. */
export async function takeOver(run: TickRun, w: Item, status: ReminderLogStatus, reason: string | null, nextAt: string | null): Promise<boolean> {
  const prior = w.prior as NonNullable<Item['prior']>
  const where: Record<string, unknown> = { _id: w.logId, status: prior.status, attempts: prior.attempts }
  if (prior.status === 'queued') where.runId = prior.runId
  const n = await run.store.updateWhere('reminder_log', where, { status, reason, nextAt, runId: run.runId, leaseUntil: run.lease(), updatedAt: run.at() })
  return n > 0
}

/**
 * Creates the log entries of a wave (one request): they are this run's from now on. A duplicate means
 * another run has some: then one by one, and those are left to it.
 */
export async function createLogs(run: TickRun, entries: LogEntry[]): Promise<Set<Item>> {
  const { store, runId } = run
  const mine = new Set<Item>()
  try {
    await store.addMany('reminder_log', entries.map((e) => ({ _id: e.w.logId, ...e.doc })))
    for (const e of entries) mine.add(e.w)
  } catch (err) {
    if (!isDuplicate(err)) throw err
    await Promise.all(
      entries.map(async (e) => {
        try {
          await store.add('reminder_log', { _id: e.w.logId, ...e.doc })
          mine.add(e.w)
        } catch (err2) {
          // Already there: written just now by the batch, or by another run (whose lease then protects it).
          if (!isDuplicate(err2)) throw err2
          const cur = await store.get('reminder_log', e.w.logId)
          if (cur?.runId === runId) mine.add(e.w)
        }
      }),
    )
  }
  return mine
}

/** Updates this run's log entries `ids` with one patch (one request). */
export async function setMany(run: TickRun, ids: string[], patch: Record<string, unknown>): Promise<void> {
  if (ids.length) await run.store.updateWhere('reminder_log', { _id: run.store.cmd.in(ids), runId: run.runId }, { ...patch, updatedAt: run.at() })
}

/** Updates this run's log entries, grouped so that equal changes are one request. */
export async function setGrouped(run: TickRun, changes: { id: string; patch: Record<string, unknown> }[]): Promise<void> {
  const groups = new Map<string, { ids: string[]; patch: Record<string, unknown> }>()
  for (const c of changes) {
    const key = JSON.stringify(c.patch)
    const g = groups.get(key) ?? { ids: [], patch: c.patch }
    g.ids.push(c.id)
    groups.set(key, g)
  }
  await Promise.all([...groups.values()].map((g) => setMany(run, g.ids, g.patch)))
}
