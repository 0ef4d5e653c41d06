/**
 * The `/admin` database actions of `@cloudbase/database` 1.4 (the version inside `@cloudbase/node-sdk`
 * 3.18.3), evaluated with mingo over the durable store: documents, queries, counts, aggregates and
 * transactions with first-writer-wins conflict detection, answering with CloudBase's shapes and codes.
 */
import crypto from 'node:crypto'
import { Query, update as mingoUpdate } from 'mingo'
import { Aggregator } from 'mingo/aggregator'
import { Context, evalExpr } from 'mingo/core'
import * as accumulatorOperators from 'mingo/operators/accumulator'
import * as expressionOperators from 'mingo/operators/expression'
import * as pipelineOperators from 'mingo/operators/pipeline'
import * as projectionOperators from 'mingo/operators/projection'
import * as queryOperators from 'mingo/operators/query'
import * as windowOperators from 'mingo/operators/window'
import type { AnyObject, Options } from 'mingo/types'
import { cloneValue, isDate, isRegExp, parseEjsonField, stringifyEjson, type Doc } from './ejson'
import { DbError, collectionNotExist, duplicateWrite, transactionConflict, transactionExpired } from './errors'
import { idKey, type DocStore, type StoreOp } from './storage'

/** CloudBase's query limits: `get()` returns 100 documents unless told otherwise, never more than 1000. */
export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000
/**
 * An aggregate pipeline without a `limit` stage answers with at most 20 documents in the cloud; the local
 * backend does the same so code that forgets `.limit()` fails here first.
 */
export const DEFAULT_AGGREGATE_LIMIT = 20
/**
 * How long a transaction may live, from its start: CloudBase requires a transaction to commit or abort
 * within 30 s ("transaction must be commit or abort in 30 seconds", docs.cloudbase.net/error-code/
 * DATABASE_TRANSACTION_FAIL; docs/PITFALLS.md "Verified 2026-12-07"). After that every operation on it, and its
 * commit, fails with DATABASE_TRANSACTION_FAIL and its writes are rolled back. Measured in real elapsed
 * time (`performance.now()`), never the stack's clock, which tests move. Injectable for tests
 * (`createDbService({ transactionLifetimeMs })`).
 */
export const TRANSACTION_LIFETIME_MS = 30_000

export interface EngineOptions {
  /** Test-only override of TRANSACTION_LIFETIME_MS. */
  transactionLifetimeMs?: number
}

/** What one invocation cost the database. */
export interface DbCounters {
  /** HTTP requests to the service (every SDK call is one; a transaction is start + ops + commit). */
  requests: number
  /** Documents returned by get() / doc().get(), plus the documents entering an aggregate pipeline. */
  docsRead: number
  /** Documents inserted, actually changed, or removed (transaction writes count at commit). */
  docsWritten: number
}

/**
 * A query as the engine evaluated it (outside transactions, whose operations name one `_id`): for the index
 * coverage check, which asks whether an index in `cloudfunctions/_kit/indexes.ts` serves it. `lookup` is the
 * `$lookup` stage of an aggregate, reported against the joined collection with its `foreignField`.
 */
export interface QueryShape {
  tag: string
  collection: string
  op: 'get' | 'count' | 'update' | 'remove' | 'aggregate' | 'lookup'
  /** The parsed MongoDB filter (treat as read-only). */
  filter: AnyObject
  sort: [field: string, direction: 1 | -1][]
}

/** Opt-in observer of every query (local-only; tests use it for the index coverage check). */
export type QueryHook = (shape: QueryShape) => void

/** Where the engine reports documents read and written, per invocation tag. */
export type CountFn = (tag: string, field: 'docsRead' | 'docsWritten', n: number) => void

type Params = Record<string, unknown>
type Reply = Record<string, unknown>

interface Transaction {
  id: string
  startSeq: number
  /** `performance.now()` at its start: the lifetime is real elapsed time, whatever the stack's clock says. */
  startedAt: number
  state: 'active' | 'committed' | 'aborted'
  abortReason?: DbError
  /** Pending writes by document key; `doc: null` is a delete. */
  writes: Map<string, { c: string; id: unknown; doc: Doc | null }>
  /**
   * The snapshot: a document's committed state as of the transaction's start, kept when someone else changes
   * it afterwards (`null`: it did not exist). Reads inside the transaction see this, as in CloudBase.
   */
  before: Map<string, Doc | null>
  /** Resolves when the transaction ends (committed, aborted or expired): plain writes to its documents wait for it. */
  ended: Promise<void>
  end: () => void
}

/** Thrown inside the engine: a plain write met a document an active transaction holds; `run` waits and retries. */
class WaitForTransaction {
  constructor(readonly tx: Transaction) {}
}

export class DbEngine {
  private readonly transactions = new Map<string, Transaction>()
  /** Document key → the active transaction that has written it (first writer wins). */
  private readonly locks = new Map<string, Transaction>()

  constructor(
    private readonly store: DocStore,
    private readonly count: CountFn,
    private readonly onQuery?: QueryHook,
    opts: EngineOptions = {},
  ) {
    this.lifetimeMs = opts.transactionLifetimeMs ?? TRANSACTION_LIFETIME_MS
  }

  private readonly lifetimeMs: number

  /** Past its lifetime: CloudBase no longer knows the transaction. */
  private expired(tx: Transaction): boolean {
    return performance.now() - tx.startedAt > this.lifetimeMs
  }

  /** Reports a query to the hook; an observer's failure never fails the request. */
  private observe(tag: string, collection: string, op: QueryShape['op'], filter: AnyObject, order?: Record<string, unknown>): void {
    if (!this.onQuery) return
    const sort = Object.entries(order ?? {}).map(([field, dir]): [string, 1 | -1] => [field, dir === -1 || dir === 'desc' ? -1 : 1])
    try {
      this.onQuery({ tag, collection, op, filter, sort })
    } catch {
      // ignored: observation only
    }
  }

  /**
   * Runs one action; resolves with the reply body (without `requestId`) once its writes are durable. A plain
   * write to a document an active transaction has written waits until that transaction ends (MongoDB and
   * CloudBase block it; they do not let it through to fail the transaction), then runs on the new state.
   */
  async run(action: string, params: Params, tag: string): Promise<Reply> {
    for (;;) {
      try {
        return await this.runOnce(action, params, tag)
      } catch (error) {
        if (!(error instanceof WaitForTransaction)) throw error
        const left = error.tx.startedAt + this.lifetimeMs - performance.now()
        let timer: ReturnType<typeof setTimeout> | undefined
        await Promise.race([error.tx.ended, new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, left) + 5)))])
        clearTimeout(timer)
      }
    }
  }

  private async runOnce(action: string, params: Params, tag: string): Promise<Reply> {
    const now = Date.now()
    switch (action) {
      case 'database.addCollection':
        return this.addCollection(params)
      case 'database.insertDocument':
        return this.insertDocument(params, tag, now)
      case 'database.getDocument':
        return this.getDocument(params, tag, now)
      case 'database.calculateDocument':
        return this.calculateDocument(params, tag, now)
      case 'database.modifyDocument':
        return this.modifyDocument(params, tag, now, false)
      case 'database.modifyAndReturnDoc':
        return this.modifyDocument(params, tag, now, true)
      case 'database.removeDocument':
        return this.removeDocument(params, tag, now)
      case 'database.aggregateDocuments':
        return this.aggregateDocuments(params, tag, now)
      case 'database.startTransaction':
        return this.startTransaction()
      case 'database.commitTransaction':
        return this.commitTransaction(params, tag)
      case 'database.abortTransaction':
        return this.abortTransaction(params)
      default:
        throw new DbError('INVALID_ACTION', `action ${action} is not supported by the local database`)
    }
  }

  /** Drops every transaction (used by wipe): their snapshots no longer exist. */
  abortAllTransactions(reason: string): void {
    for (const tx of this.transactions.values()) {
      if (tx.state === 'active') this.abort(tx, new DbError('DATABASE_TRANSACTION_FAIL', reason))
    }
  }

  // ---------------------------------------------------------------- collections and documents

  private async addCollection(params: Params): Promise<Reply> {
    const name = collectionName(params)
    if (this.store.hasCollection(name)) {
      throw new DbError('DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse] Table exist: ${name}`)
    }
    await this.store.apply([{ t: 'coll', c: name }])
    return {}
  }

  private async insertDocument(params: Params, tag: string, now: number): Promise<Reply> {
    const name = this.existingCollection(params)
    const raw = Array.isArray(params.data) ? params.data : [params.data]
    if (raw.length === 0) throw new DbError('INVALID_PARAM', 'data must not be empty')
    const docs = raw.map((item) => {
      const doc = parseEjsonField(item, now)
      if (!isPlainObject(doc)) throw new DbError('INVALID_PARAM', 'each document must be an object')
      return doc
    })
    for (const doc of docs) {
      if (doc._id === undefined || doc._id === null) doc._id = newId()
      assertNoOperatorKeys(doc)
    }
    const tx = this.transactionOf(params)
    if (tx) {
      for (const doc of docs) {
        this.txWrite(tx, name, doc._id, (current) => {
          if (current) throw duplicateWrite(name, doc._id)
          return doc
        })
      }
      return { data: { insertedIds: docs.map((doc) => doc._id) } }
    }
    this.waitForHolders(name, docs.map((doc) => doc._id))
    const seen = new Set<string>()
    for (const doc of docs) {
      const key = idKey(doc._id)
      if (seen.has(key) || this.store.get(name, doc._id)) throw duplicateWrite(name, doc._id)
      seen.add(key)
    }
    await this.applyOps(docs.map((doc) => ({ t: 'put', c: name, d: doc })))
    this.count(tag, 'docsWritten', docs.length)
    return { data: { insertedIds: docs.map((doc) => doc._id) } }
  }

  private async getDocument(params: Params, tag: string, now: number): Promise<Reply> {
    const name = this.existingCollection(params)
    const criteria = queryOf(params, now)
    const projection = parseEjsonField(params.projection, now) as AnyObject | undefined
    const tx = this.transactionOf(params)
    if (tx) {
      const id = singleId(criteria)
      if (id === undefined) throw onlySingleDocument()
      const doc = this.txView(tx, name, id)
      const list = doc ? project([doc], projection) : []
      this.count(tag, 'docsRead', list.length)
      return { data: { list: list.map(stringifyEjson) } }
    }
    let docs = this.match(name, criteria)
    const order = parseEjsonField(params.order, now) as Record<string, 1 | -1> | undefined
    this.observe(tag, name, 'get', criteria, order)
    const offset = toCount(params.offset, 0)
    const limit = Math.min(toCount(params.limit, DEFAULT_LIMIT) || DEFAULT_LIMIT, MAX_LIMIT)
    if (params.queryType === 'DOC' && params.multi === false) docs = docs.slice(0, 1)
    let cursor = new Query({}).find<Doc>(docs, projection && Object.keys(projection).length > 0 ? projection : undefined)
    if (order && Object.keys(order).length > 0) cursor = cursor.sort(order)
    const list = cursor.skip(offset).limit(limit).all()
    this.count(tag, 'docsRead', list.length)
    return { data: { list: list.map(stringifyEjson) } }
  }

  private async calculateDocument(params: Params, tag: string, now: number): Promise<Reply> {
    const name = this.existingCollection(params)
    if (params.transactionId) throw onlySingleDocument()
    this.observe(tag, name, 'count', queryOf(params, now))
    return { data: { total: this.match(name, queryOf(params, now)).length } }
  }

  private async modifyDocument(params: Params, tag: string, now: number, returnDoc: boolean): Promise<Reply> {
    const name = this.existingCollection(params)
    const criteria = queryOf(params, now)
    const data = parseEjsonField(params.data, now)
    if (!isPlainObject(data)) throw new DbError('INVALID_PARAM', 'data must be an object')
    const replace = params.merge === false
    const upsert = params.upsert === true
    const multi = returnDoc ? false : params.multi !== false
    const change = replace ? replacement(data) : modifierOf(data)

    const tx = this.transactionOf(params)
    if (tx) {
      const id = singleId(criteria)
      if (id === undefined || returnDoc) throw onlySingleDocument()
      let updated = 0
      let upserted: unknown
      this.txWrite(tx, name, id, (current) => {
        if (!current) {
          if (!upsert) return undefined
          upserted = id
          return change({ _id: id }, true) ?? { _id: id }
        }
        const next = change(current, false)
        if (next) updated = 1
        return next
      })
      return { data: { updated, upsert_id: upserted } }
    }

    this.observe(tag, name, 'update', criteria)
    let targets = this.match(name, criteria)
    if (!multi) targets = targets.slice(0, 1)
    this.waitForHolders(name, targets.length === 0 && upsert && singleId(criteria) !== undefined ? [singleId(criteria)] : targets.map((doc) => doc._id))
    const ops: StoreOp[] = []
    let lastDoc: Doc | undefined
    for (const current of targets) {
      const next = change(current, false)
      if (next) ops.push({ t: 'put', c: name, d: next })
      lastDoc = next ?? current
    }
    let upsertId: unknown
    if (targets.length === 0 && upsert) {
      const id = singleId(criteria) ?? newId()
      const next = change({ _id: id }, true) ?? { _id: id }
      ops.push({ t: 'put', c: name, d: next })
      upsertId = id
      lastDoc = next
    }
    await this.applyOps(ops)
    this.count(tag, 'docsWritten', ops.length)
    const updated = upsertId === undefined ? ops.length : 0
    if (returnDoc) return { data: { updated, doc: lastDoc ? stringifyEjson(lastDoc) : null } }
    return { data: { updated, upsert_id: upsertId } }
  }

  private async removeDocument(params: Params, tag: string, now: number): Promise<Reply> {
    const name = this.existingCollection(params)
    const criteria = queryOf(params, now)
    const tx = this.transactionOf(params)
    if (tx) {
      const id = singleId(criteria)
      if (id === undefined) throw onlySingleDocument()
      let deleted = 0
      this.txWrite(tx, name, id, (current) => {
        if (!current) return undefined
        deleted = 1
        return null
      })
      return { data: { deleted } }
    }
    this.observe(tag, name, 'remove', criteria)
    let targets = this.match(name, criteria)
    if (params.multi === false) targets = targets.slice(0, 1)
    this.waitForHolders(name, targets.map((doc) => doc._id))
    await this.applyOps(targets.map((doc) => ({ t: 'del', c: name, id: doc._id })))
    this.count(tag, 'docsWritten', targets.length)
    return { data: { deleted: targets.length } }
  }

  private async aggregateDocuments(params: Params, tag: string, now: number): Promise<Reply> {
    const name = this.existingCollection(params)
    const stages = Array.isArray(params.stages) ? (params.stages as { stageKey?: unknown; stageValue?: unknown }[]) : []
    const pipeline: AnyObject[] = stages.map((stage) => {
      if (typeof stage.stageKey !== 'string') throw new DbError('INVALID_PARAM', 'stageKey must be a string')
      return { [stage.stageKey]: parseEjsonField(stage.stageValue, now) }
    })
    // A leading $match uses the same matcher (and _id shortcut) as queries; the rest is mingo's.
    let source: Doc[]
    const first = pipeline[0]
    if (this.onQuery) {
      const hasMatch = !!first && '$match' in first
      const next = pipeline[hasMatch ? 1 : 0]
      const sort = next && '$sort' in next ? (next.$sort as Record<string, unknown>) : undefined
      this.observe(tag, name, 'aggregate', hasMatch ? (first.$match as AnyObject) : {}, sort)
      for (const stage of pipeline) {
        const lookup = stage.$lookup as { from?: unknown; foreignField?: unknown } | undefined
        if (lookup && typeof lookup.from === 'string' && typeof lookup.foreignField === 'string') {
          this.observe(tag, lookup.from, 'lookup', { [lookup.foreignField]: { $in: [] } })
        }
      }
    }
    if (first && '$match' in first) {
      source = this.match(name, first.$match as AnyObject)
      pipeline.shift()
    } else {
      source = this.store.docs(name)
    }
    this.count(tag, 'docsRead', source.length)
    if (!pipeline.some((stage) => '$limit' in stage)) pipeline.push({ $limit: DEFAULT_AGGREGATE_LIMIT })
    let result: AnyObject[]
    try {
      result = new Aggregator(pipeline, {
        collectionResolver: (from: string) => cloneValue(this.store.docs(from)),
        context: AGGREGATE_CONTEXT,
      }).run(cloneValue(source)) as AnyObject[]
    } catch (error) {
      // An expression error fails the whole aggregate, as in the cloud (nothing partial is answered).
      if (error instanceof DbError) throw error
      throw new DbError('DATABASE_REQUEST_FAILED', `[FailedOperation] aggregate failed: ${(error as Error)?.message ?? String(error)}`)
    }
    return { data: { list: result.map(stringifyEjson) } }
  }

  // ---------------------------------------------------------------- transactions

  private startTransaction(): Reply {
    this.pruneTransactions()
    const tx: Transaction = {
      id: `local-tx-${crypto.randomBytes(12).toString('hex')}`,
      startSeq: this.store.seq,
      startedAt: performance.now(),
      state: 'active',
      writes: new Map(),
      before: new Map(),
      ended: Promise.resolve(),
      end: () => undefined,
    }
    tx.ended = new Promise<void>((resolve) => (tx.end = resolve))
    this.transactions.set(tx.id, tx)
    return { transactionId: tx.id }
  }

  private async commitTransaction(params: Params, tag: string): Promise<Reply> {
    const tx = this.transactionOf(params)
    if (!tx) throw new DbError('INVALID_PARAM', 'transactionId is required')
    const ops: StoreOp[] = []
    for (const write of tx.writes.values()) {
      // A plain (non-transactional) write landed on a document this transaction wrote: it loses.
      if (this.store.version(write.c, write.id) > tx.startSeq) {
        throw this.abort(tx, transactionConflict(`document ${JSON.stringify(write.id)} in ${write.c} changed during the transaction`))
      }
      if (!this.store.hasCollection(write.c)) throw this.abort(tx, collectionNotExist(write.c))
      ops.push(write.doc ? { t: 'put', c: write.c, d: write.doc } : { t: 'del', c: write.c, id: write.id })
    }
    tx.state = 'committed'
    this.releaseLocks(tx)
    tx.before.clear()
    try {
      await this.applyOps(ops)
    } finally {
      tx.end()
    }
    this.count(tag, 'docsWritten', ops.length)
    return {}
  }

  private abortTransaction(params: Params): Reply {
    const tx = this.transactions.get(String(params.transactionId ?? ''))
    if (!tx) throw new DbError('DATABASE_TRANSACTION_FAIL', `transaction ${String(params.transactionId)} not found`)
    if (tx.state === 'committed') throw new DbError('DATABASE_TRANSACTION_FAIL', 'transaction has already been committed')
    // Aborting twice (e.g. after a conflict already aborted it) is fine, as in MongoDB.
    if (tx.state === 'active') this.abort(tx, new DbError('DATABASE_TRANSACTION_FAIL', 'transaction has been aborted'))
    return {}
  }

  /** The active transaction named by `params.transactionId`, or undefined when there is none. */
  private transactionOf(params: Params): Transaction | undefined {
    const id = params.transactionId
    if (id === undefined || id === null || id === '') return undefined
    const tx = this.transactions.get(String(id))
    if (!tx) throw new DbError('DATABASE_TRANSACTION_FAIL', `transaction ${String(id)} not found`)
    if (tx.state === 'active' && this.expired(tx)) this.abort(tx, transactionExpired())
    if (tx.state === 'aborted') throw tx.abortReason ?? new DbError('DATABASE_TRANSACTION_FAIL', 'transaction has been aborted')
    if (tx.state === 'committed') throw new DbError('DATABASE_TRANSACTION_FAIL', 'transaction has already been committed')
    return tx
  }

  /** What a transaction sees: its own pending writes over its snapshot (the committed state as of its start). */
  private txView(tx: Transaction, name: string, id: unknown): Doc | undefined {
    const key = docKey(name, id)
    const pending = tx.writes.get(key)
    if (pending) return pending.doc ?? undefined
    if (tx.before.has(key)) return tx.before.get(key) ?? undefined
    return this.store.get(name, id)
  }

  /**
   * Applies committed changes, first keeping each changed document's previous state in the snapshot of every
   * active transaction that has not seen it change yet (so its reads keep answering the state at its start).
   */
  private applyOps(ops: StoreOp[]): Promise<void> {
    const active = [...this.transactions.values()].filter((tx) => tx.state === 'active')
    if (active.length > 0) {
      for (const op of ops) {
        if (op.t !== 'put' && op.t !== 'del') continue
        const id = op.t === 'put' ? op.d._id : op.id
        const key = docKey(op.c, id)
        const current = this.store.get(op.c, id) ?? null
        for (const tx of active) if (!tx.before.has(key)) tx.before.set(key, current)
      }
    }
    return this.store.apply(ops)
  }

  /** A plain write to documents an active transaction has written waits for it (WaitForTransaction). */
  private waitForHolders(name: string, ids: readonly unknown[]): void {
    if (this.locks.size === 0) return
    for (const id of ids) {
      const holder = this.locks.get(docKey(name, id))
      if (!holder || holder.state !== 'active') continue
      if (this.expired(holder)) {
        this.abort(holder, transactionExpired())
        continue
      }
      throw new WaitForTransaction(holder)
    }
  }

  /**
   * One write inside a transaction. `compute` gets the transaction's view of the document and returns the
   * new document, `null` to delete it, or `undefined` for no change. The first transaction to write a
   * document holds it until it ends; a second writer, or a writer whose snapshot predates a committed change
   * to the document, gets DATABASE_TRANSACTION_CONFLICT and its transaction is aborted (MongoDB semantics).
   */
  private txWrite(tx: Transaction, name: string, id: unknown, compute: (current: Doc | undefined) => Doc | null | undefined): void {
    const key = docKey(name, id)
    const holder = this.locks.get(key)
    if (holder && holder !== tx) {
      if (holder.state === 'active' && this.expired(holder)) {
        this.abort(holder, transactionExpired())
      } else if (holder.state === 'active') {
        throw this.abort(tx, transactionConflict(`document ${JSON.stringify(id)} in ${name} is being written by another transaction`))
      }
    }
    if (this.store.version(name, id) > tx.startSeq) {
      throw this.abort(tx, transactionConflict(`document ${JSON.stringify(id)} in ${name} changed after the transaction started`))
    }
    let next: Doc | null | undefined
    try {
      next = compute(this.txView(tx, name, id))
    } catch (error) {
      // In MongoDB a failed write inside a transaction aborts the whole transaction.
      throw this.abort(tx, error instanceof DbError ? error : new DbError('DATABASE_REQUEST_FAILED', String(error)))
    }
    this.locks.set(key, tx)
    if (next !== undefined) tx.writes.set(key, { c: name, id, doc: next })
  }

  private abort(tx: Transaction, reason: DbError): DbError {
    tx.state = 'aborted'
    tx.abortReason = reason
    tx.writes.clear()
    tx.before.clear()
    this.releaseLocks(tx)
    tx.end()
    return reason
  }

  private releaseLocks(tx: Transaction): void {
    for (const [key, holder] of this.locks) if (holder === tx) this.locks.delete(key)
  }

  private pruneTransactions(): void {
    if (this.transactions.size < 1000) return
    const now = performance.now()
    for (const [id, tx] of this.transactions) {
      if (now - tx.startedAt > 10 * this.lifetimeMs) {
        if (tx.state === 'active') this.abort(tx, transactionExpired())
        this.transactions.delete(id)
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private existingCollection(params: Params): string {
    const name = collectionName(params)
    if (!this.store.hasCollection(name)) throw collectionNotExist(name)
    return name
  }

  /** Committed documents matching a MongoDB query, in insertion order. */
  private match(name: string, criteria: AnyObject): Doc[] {
    const ids = idCandidates(criteria)
    const candidates = ids !== undefined ? ids.map((id) => this.store.get(name, id)).filter((doc): doc is Doc => !!doc) : this.store.docs(name)
    if (Object.keys(criteria).length === 0) return candidates
    let query: Query
    try {
      query = new Query(criteria)
    } catch (error) {
      throw new DbError('DATABASE_REQUEST_FAILED', `invalid query: ${(error as Error).message}`)
    }
    return candidates.filter((doc) => query.test(doc))
  }
}

/** MongoDB's name for a value's type in its error messages (`missing` for an absent field). */
function bsonTypeName(value: unknown): string {
  if (value === undefined) return 'missing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (isDate(value)) return 'date'
  if (isRegExp(value)) return 'regex'
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double'
  if (typeof value === 'object') return 'object'
  return typeof value === 'boolean' ? 'bool' : typeof value
}

/**
 * Expression operators where MongoDB (so CloudBase) is stricter than mingo. `$size` of a missing or null
 * field fails the whole aggregate in MongoDB ("The argument to $size must be an array. Type is: missing",
 * code 17124); mingo answers null. Guard optional arrays with `{ $size: { $ifNull: ['$field', []] } }`.
 */
const STRICT_OPERATORS = Context.init({
  expression: {
    $size: (obj: AnyObject, expr: unknown, options: Options) => {
      const value = evalExpr(obj, expr, options)
      if (Array.isArray(value)) return value.length
      throw new DbError(
        'DATABASE_REQUEST_FAILED',
        `[FailedOperation] PlanExecutor error during aggregation :: caused by :: The argument to $size must be an array. Type is: ${bsonTypeName(value)}`,
      )
    },
  },
})
/**
 * mingo's operators with the strict ones in front (`Context.from` lets the first context win; the `aggregate()`
 * helper would put mingo's defaults first, so the engine runs mingo's `Aggregator` with this context itself).
 */
const AGGREGATE_CONTEXT = Context.from(
  STRICT_OPERATORS,
  Context.init({
    accumulator: accumulatorOperators,
    expression: expressionOperators,
    pipeline: pipelineOperators,
    projection: projectionOperators,
    query: queryOperators,
    window: windowOperators,
  }),
)

function collectionName(params: Params): string {
  const name = params.collectionName
  if (typeof name !== 'string' || name === '') throw new DbError('INVALID_PARAM', 'collectionName is required')
  return name
}

function queryOf(params: Params, now: number): AnyObject {
  const query = parseEjsonField(params.query, now)
  if (query === undefined) return {}
  if (!isPlainObject(query)) throw new DbError('INVALID_PARAM', 'query must be an object')
  return query
}

/** The `_id` of a query that names exactly one document by equality, else undefined. */
function singleId(criteria: AnyObject): unknown {
  const id = criteria._id
  return typeof id === 'string' || typeof id === 'number' ? id : undefined
}

/**
 * The `_id`s a query is limited to — one by equality, or a `$in` list — read by key like a primary-key
 * lookup instead of testing every document (the reminders timer asks for hundreds at a time).
 */
function idCandidates(criteria: AnyObject): unknown[] | undefined {
  const id = singleId(criteria)
  if (id !== undefined) return [id]
  const cond = criteria._id
  if (!isPlainObject(cond) || Object.keys(cond).length !== 1 || !Array.isArray(cond.$in)) return undefined
  const list = cond.$in as unknown[]
  if (!list.every((v) => typeof v === 'string' || typeof v === 'number')) return undefined
  return [...new Set(list)]
}

function docKey(name: string, id: unknown): string {
  return `${name}\u0000${idKey(id)}`
}

function onlySingleDocument(): DbError {
  return new DbError('INVALID_PARAM', '事务中只支持单文档操作（doc().get/set/update/remove 与 add）')
}

/** A new `_id` like the cloud's: 32 lowercase hex characters. */
function newId(): string {
  return crypto.randomBytes(16).toString('hex')
}

function toCount(value: unknown, fallback: number): number {
  const n = typeof value === 'string' ? Number(value) : value
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : fallback
}

function isPlainObject(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isDate(value) && !isRegExp(value)
}

function assertNoOperatorKeys(doc: Doc): void {
  for (const key of Object.keys(doc)) {
    if (key.startsWith('$')) throw new DbError('DATABASE_REQUEST_FAILED', `field names cannot start with '$': ${key}`)
  }
}

function project(docs: Doc[], projection: AnyObject | undefined): Doc[] {
  if (!projection || Object.keys(projection).length === 0) return docs
  try {
    return new Query({}).find<Doc>(docs, projection).all()
  } catch (error) {
    throw new DbError('DATABASE_REQUEST_FAILED', (error as Error).message)
  }
}

/** A change computes the next document from the current one; undefined means "nothing changed". */
type Change = (current: Doc, inserting: boolean) => Doc | undefined

/** `doc().set(data)`: the document becomes `data` (keeping its `_id`). */
function replacement(data: Doc): Change {
  if (Object.keys(data).some((key) => key.startsWith('$'))) {
    throw new DbError('DATABASE_REQUEST_FAILED', 'set() takes a plain document, not update operators')
  }
  return (current, inserting) => {
    const { _id: ignored, ...fields } = data
    void ignored
    const next: Doc = { _id: current._id, ...cloneValue(fields) }
    if (!inserting && sameValue(current, next)) return undefined
    return next
  }
}

/** `update(data)`: MongoDB update operators (a plain object means `$set` of each field). */
function modifierOf(data: Doc): Change {
  const keys = Object.keys(data)
  const modifier: AnyObject = keys.length > 0 && keys.every((key) => key.startsWith('$')) ? data : { $set: data }
  for (const op of ['$inc', '$mul'] as const) {
    const fields = modifier[op]
    if (fields && typeof fields === 'object') {
      for (const [path, amount] of Object.entries(fields)) {
        if (typeof amount !== 'number') throw new DbError('DATABASE_REQUEST_FAILED', `Cannot ${op} with non-numeric argument: {${path}: ${JSON.stringify(amount)}}`)
      }
    }
  }
  return (current) => {
    const next = cloneValue(current)
    // MongoDB refuses arithmetic on non-numbers; mingo would silently skip the field.
    for (const op of ['$inc', '$mul'] as const) {
      const fields = modifier[op] as Record<string, unknown> | undefined
      for (const path of Object.keys(fields ?? {})) {
        const value = getPath(next, path)
        if (value !== undefined && value !== null && typeof value !== 'number') {
          throw new DbError('DATABASE_REQUEST_FAILED', `Cannot apply ${op} to a value of non-numeric type. {_id: ${JSON.stringify(current._id)}} has the field '${path}' of non-numeric type ${typeof value}`)
        }
      }
    }
    let changed: string[]
    try {
      changed = mingoUpdate(next, modifier as Parameters<typeof mingoUpdate>[1], undefined, undefined, { cloneMode: 'deep' })
    } catch (error) {
      throw new DbError('DATABASE_REQUEST_FAILED', (error as Error).message)
    }
    if (!sameValue(next._id, current._id)) {
      throw new DbError('DATABASE_REQUEST_FAILED', "Performing an update on the path '_id' would modify the immutable field '_id'")
    }
    return changed.length > 0 && !sameValue(current, next) ? next : undefined
  }
}

function getPath(doc: Doc, path: string): unknown {
  let value: unknown = doc
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

function sameValue(a: unknown, b: unknown): boolean {
  return stringifyEjson(a) === stringifyEjson(b)
}
