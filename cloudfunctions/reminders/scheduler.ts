/**
 * One timer tick: find what is due (plan.ts), then deliver it in waves of `concurrency` recipients within a
 * time budget below the function timeout; what is left waits for the next tick. Idempotent through the
 * send log `${eventKey}_${recipientId}`: it is created before anything is sent (a duplicate means another
 * run has it), marked `sending` just before the WeChat call and `sent` after — a crashed run's `sending`
 * entries are never sent again (at most once), its `queued` ones are taken over once its lease ends.
 * Every reminder also lands on the recipient's to-do list first; WeChat is the extra channel, spent only
 * with an accept banked (`reminder_subs`), once a day per member except meetings starting soon.
 * The steps of a wave are in wave.ts (send log: send-log.ts, accepts: accepts.ts, whether to push:
 * push-decision.ts); this file finds the work, orders it and runs the waves within the budget.
 */
import { TOPIC_TEMPLATE, type TemplateKey } from '@shared/contract/reminders'
import { REMINDER_TOPIC_PRIORITY } from '@shared/rules/reminders/push'
import { beijingDate } from '@shared/rules/time'
import type { ReminderLogDoc, ReminderLogStatus } from './documents'
import { newId } from '../_kit/ids'
import type { Log } from '../_kit/log'
import type { Notifier } from '../_kit/notifier'
import { miniprogramState, templateConfigs, type TemplateConfig } from '../_kit/reminder-config'
import type { Store } from '../_kit/store'
import { completeActedOn } from './acted'
import { collectDueEvents } from './plan'
import type { Item, Snapshot, TickReport, TickRun } from './tick-run'
import { runWave } from './wave'

/** The function's timeout is 60 s (config.json); new waves start only within the first 45 s. */
export const RUN_BUDGET_MS = 45_000
/** WeChat calls in flight at once per run. */
export const CONCURRENCY = 10
/** Recipients per wave: their to-dos, log entries, accepts and results are written in a few batched requests. */
export const BATCH = 50
/** A run's claim on its log entries; longer than any run (budget + one wave), shorter than a tick (10 min). */
export const LEASE_MS = 3 * 60_000
export { MAX_ATTEMPTS, retryDelayMs } from './wave'
export type { TickReport } from './tick-run'

export interface TickOptions {
  store: Store
  now: Date
  notifier: Notifier
  log: Log
  budgetMs?: number
  concurrency?: number
  batch?: number
  /** Template ids and keywords (default: from the environment). */
  templates?: Record<TemplateKey, TemplateConfig>
}

/** The send log id of a reminder occurrence and recipient. */
export const sendLogId = (eventKey: string, recipientId: string): string => `${eventKey.replace(/[^A-Za-z0-9_-]/g, '-')}_${recipientId}`

const FINAL: ReadonlySet<ReminderLogStatus> = new Set(['sent', 'skipped', 'refused', 'failed', 'unconfirmed'])
const IN_CHUNK = 500

async function findByIds<T>(store: Store, c: 'reminder_log' | 'reminder_subs', ids: readonly string[], fields: Record<string, boolean>): Promise<Map<string, T>> {
  const out = new Map<string, T>()
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const rows = await store.find(c, { _id: store.cmd.in(ids.slice(i, i + IN_CHUNK)) }, { fields: { _id: true, ...fields }, limit: 1000 })
    for (const r of rows) out.set(r._id, r as T)
  }
  return out
}

/** Entries of runs that died: a `sending` one may have reached WeChat (never again); expired ones end. */
async function endDeadRuns(store: Store, nowIso: string): Promise<void> {
  const cmd = store.cmd
  await store.updateWhere('reminder_log', { status: 'sending', leaseUntil: cmd.lte(nowIso) }, { status: 'unconfirmed', reason: 'run-ended', updatedAt: nowIso })
  await store.updateWhere('reminder_log', { status: cmd.in(['retry', 'queued']), leaseUntil: cmd.lte(nowIso), expiresAt: cmd.lte(nowIso) }, { status: 'failed', reason: 'expired', updatedAt: nowIso })
}

/** The items this run may take: new ones, retries due and entries a dead run left `queued`; the rest are counted. */
async function findWork(store: Store, byId: Map<string, Item>, nowIso: string, report: TickReport): Promise<Item[]> {
  const existing = await findByIds<Pick<ReminderLogDoc, 'status' | 'attempts' | 'runId' | 'leaseUntil' | 'nextAt'>>(store, 'reminder_log', [...byId.keys()], {
    status: true,
    attempts: true,
    runId: true,
    leaseUntil: true,
    nextAt: true,
  })
  const work: Item[] = []
  for (const item of byId.values()) {
    const e = existing.get(item.logId)
    if (!e) work.push(item)
    else if (FINAL.has(e.status)) report.done++
    else if ((e.status === 'retry' && (e.nextAt ?? '') <= nowIso) || (e.status === 'queued' && e.leaseUntil <= nowIso)) work.push({ ...item, prior: e })
    else report.waiting++
  }
  return work
}

/**
 * One item per recipient per wave, most important first: a member's second reminder of the day comes
 * in a later wave, after the first has (or has not) used the day's push. Sorts `work`; answers each item's rank.
 */
function rankWork(work: Item[]): Map<Item, number> {
  const rankOf = new Map<Item, number>()
  const perRecipient = new Map<string, Item[]>()
  for (const w of work) perRecipient.set(w.recipient.recipientId, [...(perRecipient.get(w.recipient.recipientId) ?? []), w])
  const order = (a: Item, b: Item) =>
    REMINDER_TOPIC_PRIORITY[a.event.topic] - REMINDER_TOPIC_PRIORITY[b.event.topic] || (a.event.dueAt < b.event.dueAt ? -1 : a.event.dueAt > b.event.dueAt ? 1 : 0)
  for (const list of perRecipient.values()) list.sort(order).forEach((w, i) => rankOf.set(w, i))
  work.sort((a, b) => (rankOf.get(a) ?? 0) - (rankOf.get(b) ?? 0) || order(a, b) || (a.logId < b.logId ? -1 : 1))
  return rankOf
}

export async function runTick(opts: TickOptions): Promise<TickReport> {
  const { store, now, log } = opts
  const budgetMs = opts.budgetMs ?? RUN_BUDGET_MS
  const batch = Math.max(1, opts.batch ?? BATCH)
  const runId = newId('run')
  const started = performance.now()
  const elapsed = () => performance.now() - started
  const nowIso = now.toISOString()
  const report: TickReport = { runId, due: 0, done: 0, waiting: 0, deferred: 0, processed: 0, sent: 0, skipped: {}, refused: 0, retry: 0, failed: 0, unconfirmed: 0, remaining: 0, waves: 0, elapsedMs: 0 }
  const templates = opts.templates ?? templateConfigs()
  const mpState = miniprogramState()

  await endDeadRuns(store, nowIso)
  await completeActedOn(store, now)
  const { events, laterToday } = await collectDueEvents(store, now, log)
  const byId = new Map<string, Item>()
  for (const event of events) {
    for (const recipient of event.recipients) {
      const logId = sendLogId(event.eventKey, recipient.recipientId)
      if (!byId.has(logId)) byId.set(logId, { event, recipient, logId, template: TOPIC_TEMPLATE[event.topic], prior: null })
    }
  }
  report.due = byId.size
  const work = await findWork(store, byId, nowIso, report)
  const subs = await findByIds<Snapshot>(store, 'reminder_subs', [...new Set(work.map((w) => w.recipient.recipientId))], {
    openid: true,
    quota: true,
    off: true,
    lastPushDate: true,
  })
  const rankOf = rankWork(work)

  const run: TickRun = {
    store,
    now,
    notifier: opts.notifier,
    log,
    runId,
    today: beijingDate(now),
    concurrency: Math.max(1, opts.concurrency ?? CONCURRENCY),
    templates,
    mpState,
    at: () => new Date(now.getTime() + elapsed()).toISOString(),
    lease: () => new Date(now.getTime() + elapsed() + LEASE_MS).toISOString(),
    subs,
    laterToday,
    report,
  }
  let i = 0
  while (i < work.length) {
    // At least one wave per run, so that even a slow start makes progress; then only within the budget.
    if (report.waves > 0 && elapsed() >= budgetMs) break
    const rank = rankOf.get(work[i] as Item)
    const wave: Item[] = []
    while (i < work.length && wave.length < batch && rankOf.get(work[i] as Item) === rank) wave.push(work[i++] as Item)
    await runWave(run, wave)
  }
  report.remaining = work.length - i
  report.elapsedMs = elapsed()
  log.info('reminders tick', { ...report })
  return report
}
