/**
 * "Done when acted on": a to-do a reminder added closes when the member does the thing — signs in at the
 * 主题党日 (`attendance.present` of a theme-day meeting), pays the month's 党费 by the collection day
 * (`dues.paid-on-time`). Each tick reads the events of the last hour (ticks are 10 minutes apart; closing a
 * to-do twice changes nothing). Other features close their own to-dos with `_kit/todos.ts` `completeTodo`.
 */
import { duesDayOf } from '@shared/rules/dues/months'
import { beijingDate } from '@shared/rules/time'
import type { EventDoc } from '../_kit/documents'
import type { Store } from '../_kit/store'
import { completeTodo } from '../_kit/todos'

const LOOKBACK_MS = 60 * 60_000

/** Closes the to-dos the recent events settle; returns how many were closed. */
export async function completeActedOn(store: Store, now: Date): Promise<number> {
  const since = new Date(now.getTime() - LOOKBACK_MS).toISOString()
  const events = (await store.find(
    'events',
    { type: store.cmd.in(['attendance.present', 'dues.paid-on-time']), createdAt: store.cmd.gt(since) },
    { orderBy: [['createdAt', 'asc']], limit: 1000, fields: { type: true, branchId: true, memberId: true, occurredAt: true, data: true } },
  )) as Pick<EventDoc, 'type' | 'branchId' | 'memberId' | 'occurredAt' | 'data'>[]
  if (events.length === 0) return 0
  const paid = events.filter((e) => e.type === 'dues.paid-on-time')
  const duesDays = new Map<string, number>()
  if (paid.length) {
    const orgs = await store.find('orgs', { _id: store.cmd.in([...new Set(paid.map((e) => e.branchId))]) }, { fields: { _id: true, duesDay: true }, limit: 1000 })
    for (const o of orgs) duesDays.set(o._id, o.duesDay)
  }
  const closes: Promise<boolean>[] = []
  for (const e of events) {
    if (e.type === 'attendance.present' && e.data.kind === 'theme-day') {
      closes.push(completeTodo(store, 'theme-day', beijingDate(e.occurredAt), e.memberId, now))
    } else if (e.type === 'dues.paid-on-time' && typeof e.data.month === 'string' && duesDays.get(e.branchId)) {
      closes.push(completeTodo(store, 'dues', `day:${duesDayOf(e.data.month, duesDays.get(e.branchId) as number)}`, e.memberId, now))
    }
  }
  return (await Promise.all(closes)).filter(Boolean).length
}
