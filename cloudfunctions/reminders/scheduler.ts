/**
 * One timer tick: find what is due (plan.ts), then deliver it in waves of `concurrency` recipients within a
 * time budget below the function timeout; what is left waits for the next tick. Idempotent through the
 * send log `${eventKey}_${recipientId}`: it is created before anything is sent (a duplicate means another
 * run has it), marked `sending` just before the WeChat call and `sent` after — a crashed run's `sending`
 * entries are never sent again (at most once), its `queued` ones are taken over once its lease ends.
 * Every reminder also lands on the recipient's to-do list first; WeChat is the extra channel, spent only
 * with an accept banked (`reminder_subs`), once a day per member except meetings starting soon.
 */
import { TOPIC_TEMPLATE, type TemplateKey } from '@shared/contract/reminders'
import { REMINDER_TOPIC_PRIORITY, TASK_REMINDER_TIME } from '@shared/rules/reminders-extra'
import { addDays, beijingDate, beijingDateTime } from '@shared/rules/time'
import type { ReminderLogDoc, ReminderLogStatus, ReminderSubsDoc } from '../_kit/collections-reminders'
import { newId } from '../_kit/ids'
import type { Log } from '../_kit/log'
import type { Notifier, SendOutcome, SubscribeMessage } from '../_kit/notifier'
import { miniprogramState, templateConfigs, type TemplateConfig } from '../_kit/reminder-config'
import { isDuplicate, type Store } from '../_kit/store'
import { upsertTodo } from '../_kit/todos'
import { MESSAGE_PAGE, messageData } from './messages'
import { collectDueEvents, type DueEvent, type Recipient } from './plan'

/** The function's timeout is 60 s (config.json); new waves start only within the first 45 s. */
export const RUN_BUDGET_MS = 45_000
/** Recipients handled at once: WeChat calls and database writes in flight per run. */
export const CONCURRENCY = 10
/** A run's claim on its log entries; longer than any run (budget + one wave), shorter than a tick (10 min). */
export const LEASE_MS = 3 * 60_000
/** Sends answered "busy" are retried on later ticks this many times in all, then recorded as failed. */
export const MAX_ATTEMPTS = 3
/**
 * Backoff before retry n: the tick 10 min later, then 20 min, 40 min … A minute is taken off so that a
 * tick starting a little earlier in its minute than this one did still counts.
 */
export const retryDelayMs = (attempts: number): number => 10 * 60_000 * 2 ** Math.max(0, attempts - 1) - 60_000

export interface TickOptions {
  store: Store
  now: Date
  notifier: Notifier
  log: Log
  budgetMs?: number
  concurrency?: number
  /** Template ids and keywords (default: from the environment). */
  templates?: Record<TemplateKey, TemplateConfig>
}

export interface TickReport {
  runId: string
  /** (reminder, recipient) pairs due now. */
  due: number
  /** Finished by earlier runs (sent, skipped, refused, failed, unconfirmed). */
  done: number
  /** Held by another live run, or waiting for a retry time. */
  waiting: number
  /** Held back (to-do only for now): something more important reaches the recipient later today. */
  deferred: number
  /** Claimed and finished by this run. */
  processed: number
  sent: number
  skipped: Record<string, number>
  refused: number
  retry: number
  failed: number
  unconfirmed: number
  /** Due but not reached before the budget ran out: the next tick continues. */
  remaining: number
  waves: number
  elapsedMs: number
}

/** The send log id of a reminder occurrence and recipient. */
export const sendLogId = (eventKey: string, recipientId: string): string => `${eventKey.replace(/[^A-Za-z0-9_-]/g, '-')}_${recipientId}`

interface Item {
  event: DueEvent
  recipient: Recipient
  logId: string
  template: TemplateKey
  /** The log entry found (for a retry or a takeover), or null for a new one. */
  prior: Pick<ReminderLogDoc, 'status' | 'attempts' | 'runId'> | null
}

type Snapshot = Pick<ReminderSubsDoc, 'openid' | 'quota' | 'off' | 'lastPushDate'>

type Decision = { push: true } | { push: false; reason: string } | { push: false; reason: 'later-today'; defer: true }

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

const bump = (m: Record<string, number>, k: string, n = 1) => {
  m[k] = (m[k] ?? 0) + n
}

export async function runTick(opts: TickOptions): Promise<TickReport> {
  const { store, now, notifier, log } = opts
  const budgetMs = opts.budgetMs ?? RUN_BUDGET_MS
  const concurrency = Math.max(1, opts.concurrency ?? CONCURRENCY)
  const templates = opts.templates ?? templateConfigs()
  const mpState = miniprogramState()
  const runId = newId('run')
  const started = Date.now()
  const elapsed = () => Date.now() - started
  const at = () => new Date(now.getTime() + elapsed()).toISOString()
  const nowIso = now.toISOString()
  const today = beijingDate(now)
  const report: TickReport = { runId, due: 0, done: 0, waiting: 0, deferred: 0, processed: 0, sent: 0, skipped: {}, refused: 0, retry: 0, failed: 0, unconfirmed: 0, remaining: 0, waves: 0, elapsedMs: 0 }

  // Entries of runs that died: a `sending` one may have reached WeChat (never again); expired ones end.
  const cmd = store.cmd
  await store.updateWhere('reminder_log', { status: 'sending', leaseUntil: cmd.lte(nowIso) }, { status: 'unconfirmed', reason: 'run-ended', updatedAt: nowIso })
  await store.updateWhere('reminder_log', { status: cmd.in(['retry', 'queued']), leaseUntil: cmd.lte(nowIso), expiresAt: cmd.lte(nowIso) }, { status: 'failed', reason: 'expired', updatedAt: nowIso })

  const { events, laterToday } = await collectDueEvents(store, now, log)
  const byId = new Map<string, Item>()
  for (const event of events) {
    for (const recipient of event.recipients) {
      const logId = sendLogId(event.eventKey, recipient.recipientId)
      if (!byId.has(logId)) byId.set(logId, { event, recipient, logId, template: TOPIC_TEMPLATE[event.topic], prior: null })
    }
  }
  report.due = byId.size
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

  const subs = await findByIds<Snapshot>(store, 'reminder_subs', [...new Set(work.map((w) => w.recipient.recipientId))], {
    openid: true,
    quota: true,
    off: true,
    lastPushDate: true,
  })

  // One item per recipient per wave, most important first: a member's second reminder of the day comes
  // in a later wave, after the first has (or has not) used the day's push.
  const rankOf = new Map<Item, number>()
  const perRecipient = new Map<string, Item[]>()
  for (const w of work) perRecipient.set(w.recipient.recipientId, [...(perRecipient.get(w.recipient.recipientId) ?? []), w])
  const order = (a: Item, b: Item) =>
    REMINDER_TOPIC_PRIORITY[a.event.topic] - REMINDER_TOPIC_PRIORITY[b.event.topic] || (a.event.dueAt < b.event.dueAt ? -1 : a.event.dueAt > b.event.dueAt ? 1 : 0)
  for (const list of perRecipient.values()) list.sort(order).forEach((w, i) => rankOf.set(w, i))
  work.sort((a, b) => (rankOf.get(a) ?? 0) - (rankOf.get(b) ?? 0) || order(a, b) || (a.logId < b.logId ? -1 : 1))

  const decide = (w: Item): Decision => {
    const r = w.recipient
    if (!r.openid) return { push: false, reason: 'no-openid' }
    const s = subs.get(r.recipientId)
    if (!r.mandatory && s?.off?.includes(w.event.topic)) return { push: false, reason: 'off' }
    if (!s || s.openid !== r.openid || (s.quota?.[w.template] ?? 0) <= 0) return { push: false, reason: 'no-quota' }
    if (w.event.urgent) return { push: true }
    if ((laterToday.get(r.recipientId) ?? Infinity) < REMINDER_TOPIC_PRIORITY[w.event.topic]) return { push: false, reason: 'later-today', defer: true }
    if (s.lastPushDate === today) return { push: false, reason: 'daily-limit' }
    return { push: true }
  }

  /** A reminder the day's push went to waits for tomorrow 09:00 if it is still valid then; else it ends here. */
  const tomorrow = beijingDateTime(addDays(today, 1), TASK_REMINDER_TIME)
  const notNow = (w: Item, reason: string): { status: 'skipped' | 'retry'; reason: string; nextAt: string | null } =>
    reason === 'daily-limit' && tomorrow < w.event.expiresAt ? { status: 'retry', reason, nextAt: tomorrow } : { status: 'skipped', reason, nextAt: null }

  const logDoc = (w: Item, status: ReminderLogStatus, reason: string | null): Omit<ReminderLogDoc, '_id'> => ({
    eventKey: w.event.eventKey,
    topic: w.event.topic,
    branchId: w.event.branchId,
    recipientId: w.recipient.recipientId,
    memberId: w.recipient.memberId,
    template: w.template,
    status,
    reason,
    attempts: 0,
    runId,
    leaseUntil: new Date(now.getTime() + elapsed() + LEASE_MS).toISOString(),
    nextAt: null,
    dueAt: w.event.dueAt,
    expiresAt: w.event.expiresAt,
    sentAt: null,
    createdAt: at(),
    updatedAt: at(),
  })

  /** Creates (or takes over) the log entry; false when another run holds it. */
  const claim = async (w: Item, status: 'queued' | 'skipped' | 'retry', reason: string | null, nextAt: string | null = null): Promise<boolean> => {
    if (!w.prior) {
      try {
        await store.add('reminder_log', { _id: w.logId, ...logDoc(w, status, reason), nextAt })
        return true
      } catch (e) {
        if (isDuplicate(e)) return false
        throw e
      }
    }
    const where: Record<string, unknown> = { _id: w.logId, status: w.prior.status, attempts: w.prior.attempts }
    if (w.prior.status === 'queued') where.runId = w.prior.runId
    const n = await store.updateWhere('reminder_log', where, { status, reason, nextAt, runId, leaseUntil: new Date(now.getTime() + elapsed() + LEASE_MS).toISOString(), updatedAt: at() })
    return n > 0
  }

  /** Spends one accept (and, unless urgent, the day's push) in one conditional update. */
  const spend = async (w: Item): Promise<boolean> => {
    const cond: Record<string, unknown> = { _id: w.recipient.recipientId, openid: w.recipient.openid, [`quota.${w.template}`]: cmd.gt(0) }
    const patch: Record<string, unknown> = { [`quota.${w.template}`]: cmd.inc(-1), updatedAt: at() }
    if (!w.event.urgent) {
      cond.lastPushDate = cmd.neq(today)
      patch.lastPushDate = today
    }
    const ok = (await store.updateWhere('reminder_subs', cond, patch)) > 0
    const s = subs.get(w.recipient.recipientId)
    if (ok && s) {
      s.quota = { ...s.quota, [w.template]: (s.quota?.[w.template] ?? 1) - 1 }
      if (!w.event.urgent) s.lastPushDate = today
    }
    return ok
  }

  /** Gives the accept (and the day's push) back after a send that certainly did not go out. */
  const refund = async (w: Item, previousPushDate: string | null, zero: boolean): Promise<void> => {
    const s = subs.get(w.recipient.recipientId)
    const patch: Record<string, unknown> = { [`quota.${w.template}`]: zero ? 0 : cmd.inc(1), updatedAt: at() }
    if (!w.event.urgent) patch.lastPushDate = previousPushDate
    await store.updateWhere('reminder_subs', { _id: w.recipient.recipientId }, patch)
    if (s) {
      s.quota = { ...s.quota, [w.template]: zero ? 0 : (s.quota?.[w.template] ?? 0) + 1 }
      if (!w.event.urgent) s.lastPushDate = previousPushDate
    }
  }

  const setMany = async (ids: string[], patch: Record<string, unknown>) => {
    if (ids.length) await store.updateWhere('reminder_log', { _id: cmd.in(ids), runId }, { ...patch, updatedAt: at() })
  }

  const runWave = async (wave: Item[]) => {
    report.waves++
    // 1. The to-do first: the channel that always works (idempotent; a takeover wrote it already).
    await Promise.all(
      wave
        .filter((w) => !w.prior)
        .map((w) =>
          upsertTodo(
            store,
            { topic: w.event.topic, ...w.event.todo, recipientId: w.recipient.recipientId, memberId: w.recipient.memberId, branchId: w.recipient.branchId ?? w.event.branchId },
            new Date(at()),
          ),
        ),
    )
    // 2. Claim each entry; a reminder that will not be pushed is recorded as skipped right away.
    const decided = await Promise.all(
      wave.map(async (w) => {
        const d = decide(w)
        if ('defer' in d) {
          // No log entry yet: a later tick decides again (the to-do is there already).
          report.deferred++
          return null
        }
        const later = d.push ? null : notNow(w, d.reason)
        const mine = later ? await claim(w, later.status, later.reason, later.nextAt) : await claim(w, 'queued', null)
        if (!mine) return null
        report.processed++
        if (later) bump(report.skipped, later.reason)
        return d.push ? w : null
      }),
    )
    const claimed = decided.filter((w): w is Item => w !== null)
    // 3. Spend an accept; without one (or with today's push used) only the to-do remains.
    const before = new Map(claimed.map((w) => [w.logId, subs.get(w.recipient.recipientId)?.lastPushDate ?? null]))
    const spent = await Promise.all(claimed.map(async (w) => ((await spend(w)) ? w : null)))
    const noSpend = claimed.filter((_, i) => spent[i] === null)
    await Promise.all(
      noSpend.map((w) => {
        // The snapshot tells which condition failed (a concurrent change at worst mislabels the reason).
        const reason = !w.event.urgent && (subs.get(w.recipient.recipientId)?.quota?.[w.template] ?? 0) > 0 ? 'daily-limit' : 'no-quota'
        const later = notNow(w, reason)
        bump(report.skipped, reason)
        return setMany([w.logId], { status: later.status, reason, nextAt: later.nextAt })
      }),
    )
    // 4. Build each message; one that cannot be made valid fails without a send.
    const toSend: { w: Item; msg: SubscribeMessage }[] = []
    for (const w of spent) {
      if (!w) continue
      try {
        const tmpl = templates[w.template]
        toSend.push({ w, msg: { touser: w.recipient.openid as string, templateId: tmpl.id, page: MESSAGE_PAGE, data: messageData(tmpl, w.event.message), miniprogramState: mpState } })
      } catch (e) {
        log.error('reminder message invalid', { logId: w.logId, message: e instanceof Error ? e.message : String(e) })
        await refund(w, before.get(w.logId) ?? null, false)
        await setMany([w.logId], { status: 'failed', reason: 'bad-data' })
        report.failed++
      }
    }
    if (toSend.length === 0) return
    // 5. `sending` is on record before any call: a crash from here on never leads to a second send.
    await setMany(
      toSend.map((s) => s.w.logId),
      { status: 'sending', attempts: cmd.inc(1), leaseUntil: new Date(now.getTime() + elapsed() + LEASE_MS).toISOString() },
    )
    const outcomes: SendOutcome[] = await Promise.all(
      toSend.map(({ msg }) => notifier.send(msg).catch((e: unknown): SendOutcome => ({ status: 'unknown', message: e instanceof Error ? e.message : String(e) }))),
    )
    // 6. Record what happened.
    const sentIds: string[] = []
    const unknownIds: string[] = []
    await Promise.all(
      toSend.map(async ({ w }, i) => {
        const o = outcomes[i] as SendOutcome
        const attempts = (w.prior?.attempts ?? 0) + 1
        if (o.status === 'sent') {
          sentIds.push(w.logId)
          report.sent++
        } else if (o.status === 'unknown') {
          unknownIds.push(w.logId)
          report.unconfirmed++
        } else if (o.status === 'refused') {
          // 43101: WeChat says no accept is left; the count is wrong — set it to 0.
          await refund(w, before.get(w.logId) ?? null, true)
          await setMany([w.logId], { status: 'refused', reason: String(o.code) })
          report.refused++
        } else if (o.status === 'retry' && attempts < MAX_ATTEMPTS) {
          await refund(w, before.get(w.logId) ?? null, false)
          await setMany([w.logId], { status: 'retry', reason: String(o.code ?? o.message), nextAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString() })
          report.retry++
        } else {
          await refund(w, before.get(w.logId) ?? null, false)
          await setMany([w.logId], { status: 'failed', reason: String(o.code ?? o.message) })
          report.failed++
        }
      }),
    )
    await setMany(sentIds, { status: 'sent', reason: null, sentAt: at() })
    await setMany(unknownIds, { status: 'unconfirmed', reason: 'no-answer' })
  }

  let i = 0
  while (i < work.length) {
    if (elapsed() >= budgetMs) break
    const rank = rankOf.get(work[i] as Item)
    const wave: Item[] = []
    while (i < work.length && wave.length < concurrency && rankOf.get(work[i] as Item) === rank) wave.push(work[i++] as Item)
    await runWave(wave)
  }
  report.remaining = work.length - i
  report.elapsedMs = elapsed()
  log.info('reminders tick', { ...report })
  return report
}
