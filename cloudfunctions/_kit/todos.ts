/**
 * The in-app to-do list (首页), the reminder channel that always works. Any domain adds a to-do with
 * `upsertTodo` and closes it with `completeTodo` when the member acts (pays the dues, signs in …). Ids are
 * deterministic per (topic, subject, recipient), so a repeat or a race yields one to-do.
 */
import type { TodoDoc } from './documents'
import { stableId } from './ids'
import { isDuplicate, type Store } from './store'

/** A to-do that never expires by date stays until done. */
export const TODO_NO_END = '9999-12-31'

/** Who a reminder goes to: a member by id, or a 上级 admin who is not a member by openid. */
export const recipientIdOf = (who: { memberId: string | null; openid: string | null }): string | null =>
  who.memberId ?? (who.openid ? `u-${who.openid}` : null)

/** `todos` id of (topic, subject, recipient): e.g. ('theme-day', '2024-05-26', 'm_1'). */
export const todoId = (topic: string, subject: string, recipientId: string): string => stableId('td', topic, subject, recipientId)

export interface TodoInput {
  topic: string
  /** What it is about within the topic (a date, a meeting id, a month …). */
  subject: string
  recipientId: string
  memberId: string | null
  branchId: string | null
  title: string
  detail?: string | null
  /** The page to act on, `/pages/…` or `/subpackages/…` (null: a notice). */
  link?: string | null
  /** The Beijing date it is about (shown, and the list's order). */
  dueDate?: string | null
  /** Last Beijing date to show it (default: until done). */
  until?: string | null
}

/**
 * Adds the to-do, or refreshes its text if it exists (1 request, 2 when it existed). A to-do already
 * done stays done. Returns its id.
 */
export async function upsertTodo(store: Store, input: TodoInput, now: Date): Promise<string> {
  const id = todoId(input.topic, input.subject, input.recipientId)
  const at = now.toISOString()
  const fields = {
    title: input.title,
    detail: input.detail ?? null,
    link: input.link ?? null,
    dueDate: input.dueDate ?? null,
    until: input.until ?? TODO_NO_END,
    updatedAt: at,
  }
  const doc: Omit<TodoDoc, '_id'> = {
    recipientId: input.recipientId,
    memberId: input.memberId,
    branchId: input.branchId,
    topic: input.topic,
    subject: input.subject,
    ...fields,
    done: false,
    doneAt: null,
    createdAt: at,
  }
  try {
    await store.add('todos', { _id: id, ...doc })
  } catch (e) {
    if (!isDuplicate(e)) throw e
    await store.update('todos', id, fields)
  }
  return id
}

/** Several `upsertTodo`s: one request when none exists yet (the usual case), else one by one. */
export async function upsertTodos(store: Store, inputs: TodoInput[], now: Date): Promise<void> {
  if (inputs.length === 0) return
  const at = now.toISOString()
  const docs = inputs.map((input) => ({
    _id: todoId(input.topic, input.subject, input.recipientId),
    recipientId: input.recipientId,
    memberId: input.memberId,
    branchId: input.branchId,
    topic: input.topic,
    subject: input.subject,
    title: input.title,
    detail: input.detail ?? null,
    link: input.link ?? null,
    dueDate: input.dueDate ?? null,
    until: input.until ?? TODO_NO_END,
    done: false,
    doneAt: null,
    createdAt: at,
    updatedAt: at,
  }))
  try {
    await store.addMany('todos', docs)
  } catch (e) {
    if (!isDuplicate(e)) throw e
    await Promise.all(inputs.map((input) => upsertTodo(store, input, now)))
  }
}

/**
 * Marks the to-do of (topic, subject, recipient) done, if it exists and is open; true when it changed.
 * `now` null records no time (`doneAt` null): a 民主评议 to-do must not date its member's vote.
 */
export async function completeTodo(store: Store, topic: string, subject: string, recipientId: string, now: Date | null): Promise<boolean> {
  const n = await store.updateWhere('todos', { _id: todoId(topic, subject, recipientId), done: false }, { done: true, doneAt: now ? now.toISOString() : null })
  return n > 0
}

/** A recipient's open to-dos shown on `today` (Beijing), soonest first (1 request). */
export const openTodos = (store: Store, recipientId: string, today: string, limit = 50): Promise<TodoDoc[]> =>
  store.find('todos', { recipientId, done: false, until: store.cmd.gte(today) }, { orderBy: [['dueDate', 'asc'], ['createdAt', 'asc']], limit })
