/**
 * Domain events between functions (which never import each other): a producer writes an event with a
 * deterministic id — `${type}_${sourceId}` — in the same step as its own record, so a retried or
 * concurrent producer yields one event; consumers (积分 auto-credits, reminders) read events after a
 * cursor and make their own records idempotently (their ids derive from the event id).
 */
import type { EventDoc, EventType } from './documents'
import { isDuplicate, type Store, type Tx } from './store'

export const eventId = (type: EventType, sourceId: string): string => `${type.replace(/\./g, '-')}_${sourceId}`

export interface EmitInput {
  type: EventType
  /** The record that caused it (attendance id, dues month id …): the event's identity. */
  sourceId: string
  branchId: string
  memberId: string
  /** When it happened (ISO instant); consumers score by the Beijing month of this. */
  occurredAt: string
  data?: Record<string, unknown>
}

const toDoc = (e: EmitInput, now: Date): Omit<EventDoc, '_id'> => ({
  type: e.type,
  sourceId: e.sourceId,
  branchId: e.branchId,
  memberId: e.memberId,
  occurredAt: e.occurredAt,
  data: e.data ?? {},
  createdAt: now.toISOString(),
})

/** Emit once: a second emit of the same (type, sourceId) is a no-op. Returns false when it already existed. */
export const emitEvent = async (store: Store, e: EmitInput, now: Date): Promise<boolean> => {
  try {
    await store.add('events', { _id: eventId(e.type, e.sourceId), ...toDoc(e, now) })
    return true
  } catch (err) {
    if (isDuplicate(err)) return false
    throw err
  }
}

/** Emit inside a transaction together with the record that causes it. */
export const emitEventTx = async (tx: Tx, e: EmitInput, now: Date): Promise<boolean> => {
  const id = eventId(e.type, e.sourceId)
  if (await tx.get('events', id)) return false
  await tx.set('events', id, toDoc(e, now))
  return true
}

/** Events of a branch created after `afterCreatedAt` (exclusive), oldest first. */
export const eventsAfter = (store: Store, branchId: string, afterCreatedAt: string, limit = 500): Promise<EventDoc[]> =>
  store.find('events', { branchId, createdAt: store.cmd.gt(afterCreatedAt) }, { orderBy: [['createdAt', 'asc']], limit })
