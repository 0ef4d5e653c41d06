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
import { REMINDER_TOPIC_PRIORITY } from '@shared/rules/reminders/push'
import { TASK_REMINDER_TIME } from '@shared/rules/reminders/schedule'
import { addDays, beijingDate, beijingDateTime } from '@shared/rules/time'
import type { ReminderLogDoc, ReminderLogStatus, ReminderSubsDoc } from './documents'
import { newId } from '../_kit/ids'
import type { Log } from '../_kit/log'
import type { Notifier, SendOutcome, SubscribeMessage } from '../_kit/notifier'
import { miniprogramState, templateConfigs, type TemplateConfig } from '../_kit/reminder-config'
import { isDuplicate, type Store } from '../_kit/store'
import { upsertTodos } from '../_kit/todos'
import { completeActedOn } from './acted'
import { MESSAGE_PAGE, messageData } from './messages'
import { collectDueEvents, type DueEvent, type Recipient } from './plan'

/** The function's timeout is 60 s (config.json); new waves start only within the first 45 s. */
export const RUN_BUDGET_MS = 45_000
/** WeChat calls in flight at once per run. */
export const CONCURRENCY = 10
/** Recipients per wave: their to-dos, log entries, accepts and results are written in a few batched requests. */
export const BATCH = 50
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
  batch?: number
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
  const batch = Math.max(1, opts.batch ?? BATCH)
  const templates = opts.templates ?? templateConfigs()
  const mpState = miniprogramState()
  const runId = newId('run')
  const started = performance.now()
  const elapsed = () => performance.now() - started
  const at = () => new Date(now.getTime() + elapsed()).toISOString()
  const lease = () => new Date(now.getTime() + elapsed() + LEASE_MS).toISOString()
  const nowIso = now.toISOString()
  const today = beijingDate(now)
  const report: TickReport = { runId, due: 0, done: 0, waiting: 0, deferred: 0, processed: 0, sent: 0, skipped: {}, refused: 0, retry: 0, failed: 0, unconfirmed: 0, remaining: 0, waves: 0, elapsedMs: 0 }

  // Entries of runs that died: a `sending` one may have reached WeChat (never again); expired ones end.
  const cmd = store.cmd
  await store.updateWhere('reminder_log', { status: 'sending', leaseUntil: cmd.lte(nowIso) }, { status: 'unconfirmed', reason: 'run-ended', updatedAt: nowIso })
  await store.updateWhere('reminder_log', { status: cmd.in(['retry', 'queued']), leaseUntil: cmd.lte(nowIso), expiresAt: cmd.lte(nowIso) }, { status: 'failed', reason: 'expired', updatedAt: nowIso })

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
    leaseUntil: lease(),
    nextAt: null,
    dueAt: w.event.dueAt,
    expiresAt: w.event.expiresAt,
    sentAt: null,
    createdAt: at(),
    updatedAt: at(),
  })

  /** Takes over a log entry left `queued` by a dead run, or due for a retry; false when another run got it. */
  const takeOver = async (w: Item, status: ReminderLogStatus, reason: string | null, nextAt: string | null): Promise<boolean> => {
    const prior = w.prior as NonNullable<Item['prior']>
    const where: Record<string, unknown> = { _id: w.logId, status: prior.status, attempts: prior.attempts }
    if (prior.status === 'queued') where.runId = prior.runId
    const n = await store.updateWhere('reminder_log', where, { status, reason, nextAt, runId, leaseUntil: lease(), updatedAt: at() })
    return n > 0
  }

  /**
   * Creates the log entries of a wave (one request): they are this run's from now on. A duplicate means
   * another run has some: then one by one, and those are left to it.
   */
  const createLogs = async (entries: { w: Item; doc: Omit<ReminderLogDoc, '_id'> }[]): Promise<Set<Item>> => {
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

  /**
   * Spends one accept each (and, unless urgent, the day's push) with one conditional update per template:
   * a recipient with no accept left, or whose push today is used, is not matched. A per-wave token on the
   * matched documents tells which ones were (one more read).
   */
  const spendAll = async (items: Item[], token: string): Promise<Set<Item>> => {
    const groups = new Map<string, Item[]>()
    for (const w of items) groups.set(`${w.template}|${w.event.urgent}`, [...(groups.get(`${w.template}|${w.event.urgent}`) ?? []), w])
    await Promise.all(
      [...groups.values()].map((g) => {
        const w0 = g[0] as Item
        const cond: Record<string, unknown> = { _id: cmd.in(g.map((w) => w.recipient.recipientId)), [`quota.${w0.template}`]: cmd.gt(0) }
        const patch: Record<string, unknown> = { [`quota.${w0.template}`]: cmd.inc(-1), spendToken: token, updatedAt: at() }
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

  /** Updates this run's log entries, grouped so that equal changes are one request. */
  const setMany = async (ids: string[], patch: Record<string, unknown>) => {
    if (ids.length) await store.updateWhere('reminder_log', { _id: cmd.in(ids), runId }, { ...patch, updatedAt: at() })
  }
  const setGrouped = async (changes: { id: string; patch: Record<string, unknown> }[]) => {
    const groups = new Map<string, { ids: string[]; patch: Record<string, unknown> }>()
    for (const c of changes) {
      const key = JSON.stringify(c.patch)
      const g = groups.get(key) ?? { ids: [], patch: c.patch }
      g.ids.push(c.id)
      groups.set(key, g)
    }
    await Promise.all([...groups.values()].map((g) => setMany(g.ids, g.patch)))
  }

  /** At most `concurrency` calls to WeChat at a time. */
  const sendAll = async (messages: SubscribeMessage[]): Promise<SendOutcome[]> => {
    const out: SendOutcome[] = new Array(messages.length)
    let next = 0
    const worker = async () => {
      while (next < messages.length) {
        const i = next++
        out[i] = await notifier.send(messages[i] as SubscribeMessage).catch((e: unknown): SendOutcome => ({ status: 'unknown', message: e instanceof Error ? e.message : String(e) }))
      }
    }
    await Promise.all(Array.from({ length: Math.min(concurrency, messages.length) }, worker))
    return out
  }

  const runWave = async (wave: Item[]) => {
    const token = `${runId}_${++report.waves}`
    // 1. The to-do first: the channel that always works (a takeover's was written by the first run).
    const fresh = wave.filter((w) => !w.prior)
    const todos = fresh.map((w) => ({ topic: w.event.topic, ...w.event.todo, recipientId: w.recipient.recipientId, memberId: w.recipient.memberId, branchId: w.recipient.branchId ?? w.event.branchId }))
    await upsertTodos(store, todos, new Date(at()))

    // 2. Decide and claim: one log entry each; a reminder that will not be pushed is recorded as such now.
    const decisions = new Map<Item, Decision>()
    const entries: { w: Item; doc: Omit<ReminderLogDoc, '_id'> }[] = []
    const takeovers: Promise<Item | null>[] = []
    for (const w of wave) {
      const d = decide(w)
      if ('defer' in d) {
        // No log entry: a later tick decides again (the to-do is there already).
        report.deferred++
        continue
      }
      decisions.set(w, d)
      const later = d.push ? null : notNow(w, d.reason)
      const status: ReminderLogStatus = later ? later.status : 'queued'
      const reason = later ? later.reason : null
      const nextAt = later ? later.nextAt : null
      if (w.prior) takeovers.push(takeOver(w, status, reason, nextAt).then((ok) => (ok ? w : null)))
      else entries.push({ w, doc: { ...logDoc(w, status, reason), nextAt } })
    }
    const [created, taken] = await Promise.all([createLogs(entries), Promise.all(takeovers)])
    const claimed = [...wave.filter((w) => created.has(w)), ...taken.filter((w): w is Item => w !== null)]
    const toSpend: Item[] = []
    for (const w of claimed) {
      report.processed++
      const d = decisions.get(w) as Decision
      if (d.push) toSpend.push(w)
      else bump(report.skipped, d.reason)
    }

    // 3. Spend the accepts; without one (or with today's push used) only the to-do remains.
    const before = new Map(toSpend.map((w) => [w.logId, subs.get(w.recipient.recipientId)?.lastPushDate ?? null]))
    const spent = toSpend.length ? await spendAll(toSpend, token) : new Set<Item>()
    const notSpent = toSpend.filter((w) => !spent.has(w))
    await setGrouped(
      notSpent.map((w) => {
        // The snapshot tells which condition failed (a concurrent change at worst mislabels the reason).
        const reason = !w.event.urgent && (subs.get(w.recipient.recipientId)?.quota?.[w.template] ?? 0) > 0 ? 'daily-limit' : 'no-quota'
        const later = notNow(w, reason)
        bump(report.skipped, reason)
        return { id: w.logId, patch: { status: later.status, reason, nextAt: later.nextAt } }
      }),
    )

    // 4. The messages; one that cannot be made valid fails without a send.
    const toSend: { w: Item; msg: SubscribeMessage }[] = []
    for (const w of toSpend) {
      if (!spent.has(w)) continue
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

    // 5. `sending` is on record before any call: from here on a crash never leads to a second message.
    await setMany(
      toSend.map((s) => s.w.logId),
      { status: 'sending', attempts: cmd.inc(1), leaseUntil: lease() },
    )
    const outcomes = await sendAll(toSend.map((s) => s.msg))

    // 6. What happened.
    const sentAt = at()
    const changes: { id: string; patch: Record<string, unknown> }[] = []
    await Promise.all(
      toSend.map(async ({ w }, i) => {
        const o = outcomes[i] as SendOutcome
        const attempts = (w.prior?.attempts ?? 0) + 1
        if (o.status === 'sent') {
          report.sent++
          changes.push({ id: w.logId, patch: { status: 'sent', reason: null, sentAt } })
        } else if (o.status === 'unknown') {
          report.unconfirmed++
          changes.push({ id: w.logId, patch: { status: 'unconfirmed', reason: 'no-answer' } })
        } else if (o.status === 'refused') {
          // 43101: WeChat says no accept is left; our count was wrong — it becomes 0.
          report.refused++
          await refund(w, before.get(w.logId) ?? null, true)
          changes.push({ id: w.logId, patch: { status: 'refused', reason: String(o.code) } })
        } else if (o.status === 'rejected') {
          // Ours to fix (template id, field data, the deployment's permissions.openapi): nothing reached the
          // member, so the accept stays theirs; no retry, and the log says why.
          report.failed++
          log.error('reminder send rejected', { logId: w.logId, code: o.code, message: o.message })
          await refund(w, before.get(w.logId) ?? null, false)
          changes.push({ id: w.logId, patch: { status: 'failed', reason: String(o.code) } })
        } else if (o.status === 'retry' && attempts < MAX_ATTEMPTS) {
          report.retry++
          await refund(w, before.get(w.logId) ?? null, false)
          changes.push({ id: w.logId, patch: { status: 'retry', reason: String(o.code ?? o.message).slice(0, 60), nextAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString() } })
        } else {
          report.failed++
          await refund(w, before.get(w.logId) ?? null, false)
          changes.push({ id: w.logId, patch: { status: 'failed', reason: String(o.code ?? o.message).slice(0, 60) } })
        }
      }),
    )
    await setGrouped(changes)
  }

  let i = 0
  while (i < work.length) {
    // At least one wave per run, so that even a slow start makes progress; then only within the budget.
    if (report.waves > 0 && elapsed() >= budgetMs) break
    const rank = rankOf.get(work[i] as Item)
    const wave: Item[] = []
    while (i < work.length && wave.length < batch && rankOf.get(work[i] as Item) === rank) wave.push(work[i++] as Item)
    await runWave(wave)
  }
  report.remaining = work.length - i
  report.elapsedMs = elapsed()
  log.info('reminders tick', { ...report })
  return report
}
