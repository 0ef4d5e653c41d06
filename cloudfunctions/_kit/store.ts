/**
 * The database through the CloudBase SDK (one of four kit modules that touch an SDK, with caller, notifier
 * and files). Handlers read and write through this typed store; locally the same SDK calls reach the local backend (TCB_CONTEXT_CNFG), in the cloud the managed DB.
 */
import tcb from '@cloudbase/node-sdk'
import type { CollectionName, Collections } from './collections'

type AnyDoc = Record<string, unknown>
/** The SDK's database objects are untyped (`any` in @cloudbase/database); we confine them to this file. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SdkAny = any

let app: ReturnType<typeof tcb.init> | null = null
const database = (): SdkAny => {
  // Initialised lazily so the host can point the SDK at the local backend before the first call.
  app ??= tcb.init({ env: tcb.SYMBOL_CURRENT_ENV })
  return app.database()
}

/** An error the database reported, with CloudBase's code (e.g. DATABASE_DUPLICATE_WRITE). */
export class StoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'StoreError'
  }
}

const codeOf = (e: unknown): string | undefined => {
  if (typeof e !== 'object' || e === null) return undefined
  const o = e as { code?: unknown; errCode?: unknown }
  return typeof o.code === 'string' ? o.code : typeof o.errCode === 'string' ? o.errCode : undefined
}

/** The SDK sometimes resolves with `{ code, message }` instead of throwing; turn both into StoreError. */
const check = <T>(res: T): T => {
  const code = codeOf(res)
  if (code) throw new StoreError(code, String((res as { message?: unknown }).message ?? code))
  return res
}
const wrap = async <T>(p: Promise<T>): Promise<T> => {
  try {
    return check(await p)
  } catch (e) {
    if (e instanceof StoreError) throw e
    const code = codeOf(e)
    if (code) throw new StoreError(code, String((e as Error).message ?? code))
    throw e
  }
}

export const isDuplicate = (e: unknown): boolean => codeOf(e) === 'DATABASE_DUPLICATE_WRITE'
export const isTxConflict = (e: unknown): boolean => codeOf(e) === 'DATABASE_TRANSACTION_CONFLICT'

export type Doc<C extends CollectionName> = Collections[C]
export type NewDoc<C extends CollectionName> = Omit<Collections[C], '_id'> & { _id?: string }
export type Patch<C extends CollectionName> = Partial<Omit<Collections[C], '_id'>> | Record<string, unknown>
export type Where = Record<string, unknown>
export interface FindOptions {
  orderBy?: [field: string, dir: 'asc' | 'desc'][]
  skip?: number
  limit?: number
  fields?: Record<string, boolean>
}

/** Single-document operations allowed inside a CloudBase transaction. */
export interface Tx {
  get<C extends CollectionName>(c: C, id: string): Promise<Doc<C> | null>
  create<C extends CollectionName>(c: C, id: string, doc: Omit<Doc<C>, '_id'>): Promise<void>
  set<C extends CollectionName>(c: C, id: string, doc: Omit<Doc<C>, '_id'>): Promise<void>
  /** Documents changed: 0 when the document does not exist (an update never creates one). */
  update<C extends CollectionName>(c: C, id: string, patch: Patch<C>): Promise<number>
  remove(c: CollectionName, id: string): Promise<void>
}

export interface Store {
  /** Query-builder helpers (`cmd.in([...])`, `cmd.inc(1)` …). */
  readonly cmd: SdkAny
  get<C extends CollectionName>(c: C, id: string): Promise<Doc<C> | null>
  find<C extends CollectionName>(c: C, where: Where, opts?: FindOptions): Promise<Doc<C>[]>
  /** Every matching document, paging past the 1000-row limit (each page is one request). */
  findAll<C extends CollectionName>(c: C, where: Where, opts?: Omit<FindOptions, 'skip' | 'limit'>): Promise<Doc<C>[]>
  count(c: CollectionName, where: Where): Promise<number>
  /** Insert; with an `_id`, a second insert fails with DATABASE_DUPLICATE_WRITE (see isDuplicate). */
  add<C extends CollectionName>(c: C, doc: NewDoc<C>): Promise<string>
  /**
   * Insert several documents in one request. A duplicate `_id` fails it with DATABASE_DUPLICATE_WRITE, and
   * the documents before it may or may not have been written: callers fall back to one `add` each.
   */
  addMany<C extends CollectionName>(c: C, docs: NewDoc<C>[]): Promise<void>
  set<C extends CollectionName>(c: C, id: string, doc: Omit<Doc<C>, '_id'>): Promise<void>
  update<C extends CollectionName>(c: C, id: string, patch: Patch<C>): Promise<number>
  updateWhere<C extends CollectionName>(c: C, where: Where, patch: Patch<C>): Promise<number>
  remove(c: CollectionName, id: string): Promise<number>
  aggregate<T = AnyDoc>(c: CollectionName, build: (agg: SdkAny, cmd: SdkAny) => SdkAny): Promise<T[]>
  /**
   * Runs `fn` in a transaction, retried on DATABASE_TRANSACTION_CONFLICT (`attempts` in all, 5 by default:
   * more where many callers write a few hot documents, as 民主测评 votes do their tally shards).
   */
  transaction<T>(fn: (tx: Tx) => Promise<T>, opts?: { attempts?: number }): Promise<T>
  serverDate(): unknown
}

const MAX_PAGE = 1000

const applyFind = (q: SdkAny, opts: FindOptions = {}): SdkAny => {
  let query = q
  for (const [field, dir] of opts.orderBy ?? []) query = query.orderBy(field, dir)
  if (opts.fields) query = query.field(opts.fields)
  if (opts.skip) query = query.skip(opts.skip)
  return query.limit(Math.min(opts.limit ?? 100, MAX_PAGE))
}

const isPlainObject = (v: unknown): v is AnyDoc =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype

/**
 * CloudBase `update` deep-merges nested objects (`{ rule: { n: 2 } }` keeps `rule.day`). A typed patch
 * means "replace these top-level fields", so plain-object values are wrapped in `command.set`.
 * Dotted keys (`'a.b'`) and command values (`cmd.inc(1)`) pass through unchanged.
 */
const replaceObjects = (cmd: SdkAny, patch: AnyDoc): AnyDoc =>
  Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, isPlainObject(v) ? cmd.set(v) : v]))

const stripId = (doc: AnyDoc): AnyDoc => {
  const { _id: _ignored, ...rest } = doc
  return rest
}

/**
 * Wraps an SDK transaction (@cloudbase/database 1.4.3 as bundled by node-sdk 3.18.3):
 * `transaction.collection(c).doc(id)` with get / create / set / update / delete, each carrying the
 * transaction id. Inside a transaction `get` answers `{ data: doc | null }`.
 */
const makeTx = (t: SdkAny, cmd: SdkAny): Tx => {
  const ref = (c: string, id: string): SdkAny => t.collection(c).doc(id)
  return {
    async get(c, id) {
      const res = await wrap<{ data: AnyDoc | AnyDoc[] | null }>(ref(c, id).get())
      const doc = Array.isArray(res.data) ? res.data[0] : res.data
      return (doc ?? null) as never
    },
    async create(c, id, doc) {
      await wrap(ref(c, id).create(stripId(doc as AnyDoc)))
    },
    async set(c, id, doc) {
      await wrap(ref(c, id).set(stripId(doc as AnyDoc)))
    },
    async update(c, id, patch) {
      const res = await wrap<{ updated?: number }>(ref(c, id).update(replaceObjects(cmd, patch as AnyDoc)))
      return res.updated ?? 0
    },
    async remove(c, id) {
      await wrap(ref(c, id).delete())
    },
  }
}

const TX_ATTEMPTS = 5
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * The SDK's own runTransaction retries on any error, drops the callback's result and never rolls back;
 * this one rolls back and rethrows business errors, and retries only on DATABASE_TRANSACTION_CONFLICT.
 */
const runTransaction = async <T>(db: SdkAny, fn: (tx: Tx) => Promise<T>, attempts = TX_ATTEMPTS): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    const t = await wrap<SdkAny>(db.startTransaction())
    try {
      const result = await fn(makeTx(t, db.command))
      await wrap(t.commit())
      return result
    } catch (e) {
      await t.rollback().catch(() => undefined)
      if (!isTxConflict(e) || attempt >= attempts) throw e
      await sleep(5 + Math.random() * 20 * attempt)
    }
  }
}

export const createStore = (): Store => {
  const db = (): SdkAny => database()
  return {
    get cmd() {
      return db().command
    },
    async get(c, id) {
      const res = await wrap<{ data: AnyDoc[] }>(db().collection(c).doc(id).get())
      return (res.data?.[0] ?? null) as never
    },
    async find(c, where, opts) {
      const res = await wrap<{ data: AnyDoc[] }>(applyFind(db().collection(c).where(where), opts).get())
      return res.data as never
    },
    async findAll(c, where, opts = {}) {
      const out: AnyDoc[] = []
      for (let skip = 0; ; skip += MAX_PAGE) {
        const res = await wrap<{ data: AnyDoc[] }>(
          applyFind(db().collection(c).where(where), { ...opts, skip, limit: MAX_PAGE }).get(),
        )
        out.push(...res.data)
        if (res.data.length < MAX_PAGE) return out as never
      }
    },
    async count(c, where) {
      const res = await wrap<{ total: number }>(db().collection(c).where(where).count())
      return res.total
    },
    async add(c, doc) {
      const res = await wrap<{ id?: string; _id?: string }>(db().collection(c).add(doc))
      return String(res.id ?? res._id ?? (doc as AnyDoc)._id)
    },
    async addMany(c, docs) {
      if (docs.length) await wrap(db().collection(c).add(docs))
    },
    async set(c, id, doc) {
      await wrap(db().collection(c).doc(id).set(stripId(doc as AnyDoc)))
    },
    async update(c, id, patch) {
      const d = db()
      const res = await wrap<{ updated?: number }>(d.collection(c).doc(id).update(replaceObjects(d.command, patch as AnyDoc)))
      return res.updated ?? 0
    },
    async updateWhere(c, where, patch) {
      const d = db()
      const res = await wrap<{ updated?: number }>(d.collection(c).where(where).update(replaceObjects(d.command, patch as AnyDoc)))
      return res.updated ?? 0
    },
    async remove(c, id) {
      const res = await wrap<{ deleted?: number }>(db().collection(c).doc(id).remove())
      return res.deleted ?? 0
    },
    async aggregate(c, build) {
      const res = await wrap<{ data: AnyDoc[] }>(build(db().collection(c).aggregate(), db().command).end())
      return res.data as never
    },
    transaction(fn, opts) {
      return runTransaction(db(), fn, opts?.attempts)
    },
    serverDate() {
      return db().serverDate()
    },
  }
}
