/**
 * One wave of a tick (at most one item per recipient): 1. the to-dos, 2. decide and claim the send log
 * entries, 3. spend the accepts, 4. make the messages, 5. mark them `sending`, then send, 6. record what
 * happened — refunding the accept of any send that certainly did not go out.
 */
import type { ReminderLogStatus } from './documents'
import type { SendOutcome, SubscribeMessage } from '../_kit/notifier'
import { upsertTodos } from '../_kit/todos'
import { refund, spendAll } from './accepts'
import { MESSAGE_PAGE, messageData } from './messages'
import { decide, notNow, type Decision } from './push-decision'
import { createLogs, logDoc, setGrouped, setMany, takeOver, type LogEntry } from './send-log'
import { bump, type Item, type TickRun } from './tick-run'

/** Sends answered "busy" are retried on later ticks this many times in all, then recorded as failed. */
export const MAX_ATTEMPTS = 3
/**
 * Backoff before retry n: the tick 10 min later, then 20 min, 40 min … A minute is taken off so that a
 * tick starting a little earlier in its minute than this one did still counts.
 */
export const retryDelayMs = (attempts: number): number => 10 * 60_000 * 2 ** Math.max(0, attempts - 1) - 60_000

/** At most `concurrency` calls to WeChat at a time. */
async function sendAll(run: TickRun, messages: SubscribeMessage[]): Promise<SendOutcome[]> {
  const out: SendOutcome[] = new Array(messages.length)
  let next = 0
  const worker = async () => {
    while (next < messages.length) {
      const i = next++
      out[i] = await run.notifier.send(messages[i] as SubscribeMessage).catch((e: unknown): SendOutcome => ({ status: 'unknown', message: e instanceof Error ? e.message : String(e) }))
    }
  }
  await Promise.all(Array.from({ length: Math.min(run.concurrency, messages.length) }, worker))
  return out
}

/** Steps 1–2: the to-dos, then one log entry claimed per item; answers the claimed items that are to be pushed. */
async function claim(run: TickRun, wave: Item[]): Promise<Item[]> {
  const { store, report } = run
  // 1. The to-do first: the channel that always works (a takeover's was written by the first run).
  const fresh = wave.filter((w) => !w.prior)
  const todos = fresh.map((w) => ({ topic: w.event.topic, ...w.event.todo, recipientId: w.recipient.recipientId, memberId: w.recipient.memberId, branchId: w.recipient.branchId ?? w.event.branchId }))
  await upsertTodos(store, todos, new Date(run.at()))

  // 2. Decide and claim: one log entry each; a reminder that will not be pushed is recorded as such now.
  const decisions = new Map<Item, Decision>()
  const entries: LogEntry[] = []
  const takeovers: Promise<Item | null>[] = []
  for (const w of wave) {
    const d = decide(run, w)
    if ('defer' in d) {
      // No log entry: a later tick decides again (the to-do is there already).
      report.deferred++
      continue
    }
    decisions.set(w, d)
    const later = d.push ? null : notNow(run.today, w, d.reason)
    const status: ReminderLogStatus = later ? later.status : 'queued'
    const reason = later ? later.reason : null
    const nextAt = later ? later.nextAt : null
    if (w.prior) takeovers.push(takeOver(run, w, status, reason, nextAt).then((ok) => (ok ? w : null)))
    else entries.push({ w, doc: { ...logDoc(run, w, status, reason), nextAt } })
  }
  const [created, taken] = await Promise.all([createLogs(run, entries), Promise.all(takeovers)])
  const claimed = [...wave.filter((w) => created.has(w)), ...taken.filter((w): w is Item => w !== null)]
  const toSpend: Item[] = []
  for (const w of claimed) {
    report.processed++
    const d = decisions.get(w) as Decision
    if (d.push) toSpend.push(w)
    else bump(report.skipped, d.reason)
  }
  return toSpend
}

/** Step 6: one send's outcome as a log change (the accept given back when nothing went out). */
async function recordOutcome(run: TickRun, w: Item, o: SendOutcome, previousPushDate: string | null, sentAt: string): Promise<{ id: string; patch: Record<string, unknown> }> {
  const { report, log } = run
  const attempts = (w.prior?.attempts ?? 0) + 1
  if (o.status === 'sent') {
    report.sent++
    return { id: w.logId, patch: { status: 'sent', reason: null, sentAt } }
  }
  if (o.status === 'unknown') {
    report.unconfirmed++
    return { id: w.logId, patch: { status: 'unconfirmed', reason: 'no-answer' } }
  }
  if (o.status === 'refused') {
    // 43101: WeChat says no accept is left; our count was wrong — it becomes 0.
    report.refused++
    await refund(run, w, previousPushDate, true)
    return { id: w.logId, patch: { status: 'refused', reason: String(o.code) } }
  }
  if (o.status === 'rejected') {
    // Ours to fix (template id, field data, the deployment's permissions.openapi): nothing reached the
    // member, so the accept stays theirs; no retry, and the log says why.
    report.failed++
    log.error('reminder send rejected', { logId: w.logId, code: o.code, message: o.message })
    await refund(run, w, previousPushDate, false)
    return { id: w.logId, patch: { status: 'failed', reason: String(o.code) } }
  }
  if (o.status === 'retry' && attempts < MAX_ATTEMPTS) {
    report.retry++
    await refund(run, w, previousPushDate, false)
    return { id: w.logId, patch: { status: 'retry', reason: String(o.code ?? o.message).slice(0, 60), nextAt: new Date(run.now.getTime() + retryDelayMs(attempts)).toISOString() } }
  }
  report.failed++
  await refund(run, w, previousPushDate, false)
  return { id: w.logId, patch: { status: 'failed', reason: String(o.code ?? o.message).slice(0, 60) } }
}

export async function runWave(run: TickRun, wave: Item[]): Promise<void> {
  const { subs, report, log } = run
  const token = `${run.runId}_${++report.waves}`
  const toSpend = await claim(run, wave)

  // 3. Spend the accepts; without one (or with today's push used) only the to-do remains.
  const before = new Map(toSpend.map((w) => [w.logId, subs.get(w.recipient.recipientId)?.lastPushDate ?? null]))
  const spent = toSpend.length ? await spendAll(run, toSpend, token) : new Set<Item>()
  const notSpent = toSpend.filter((w) => !spent.has(w))
  await setGrouped(
    run,
    notSpent.map((w) => {
      // The snapshot tells which condition failed (a concurrent change at worst mislabels the reason).
      const reason = !w.event.urgent && (subs.get(w.recipient.recipientId)?.quota?.[w.template] ?? 0) > 0 ? 'daily-limit' : 'no-quota'
      const later = notNow(run.today, w, reason)
      bump(report.skipped, reason)
      return { id: w.logId, patch: { status: later.status, reason, nextAt: later.nextAt } }
    }),
  )

  // 4. The messages; one that cannot be made valid fails without a send.
  const toSend: { w: Item; msg: SubscribeMessage }[] = []
  for (const w of toSpend) {
    if (!spent.has(w)) continue
    try {
      const tmpl = run.templates[w.template]
      toSend.push({ w, msg: { touser: w.recipient.openid as string, templateId: tmpl.id, page: MESSAGE_PAGE, data: messageData(tmpl, w.event.message), miniprogramState: run.mpState } })
    } catch (e) {
      log.error('reminder message invalid', { logId: w.logId, message: e instanceof Error ? e.message : String(e) })
      await refund(run, w, before.get(w.logId) ?? null, false)
      await setMany(run, [w.logId], { status: 'failed', reason: 'bad-data' })
      report.failed++
    }
  }
  if (toSend.length === 0) return

  // 5. `sending` is on record before any call: from here on a crash never leads to a second message.
  await setMany(
    run,
    toSend.map((s) => s.w.logId),
    { status: 'sending', attempts: run.store.cmd.inc(1), leaseUntil: run.lease() },
  )
  const outcomes = await sendAll(
    run,
    toSend.map((s) => s.msg),
  )

  // 6. What happened.
  const sentAt = run.at()
  const changes = await Promise.all(toSend.map(({ w }, i) => recordOutcome(run, w, outcomes[i] as SendOutcome, before.get(w.logId) ?? null, sentAt)))
  await setGrouped(run, changes)
}
