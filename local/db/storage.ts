/**
 * The durable document store behind the local database: collections in memory, every change appended to
 * a journal and fsync'd before it is acknowledged (concurrent writes share one fsync — group commit), and
 * on start the journal replayed over the last snapshot, then compacted into a new snapshot (also done while
 * running once the journal grows past COMPACT_AFTER_BYTES).
 */
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import { fromEjson, toEjson, type Doc } from './ejson'

/** One change. A journal line holds the ops of one request, so a request's changes land all or none. */
export type StoreOp =
  | { t: 'put'; c: string; d: Doc }
  | { t: 'del'; c: string; id: unknown }
  | { t: 'coll'; c: string }
  | { t: 'wipe' }

const SNAPSHOT = 'snapshot.json'
const JOURNAL = 'journal.ndjson'
const LOCK = 'LOCK'
/** Journal size that triggers a compaction while running (between two group commits). */
const COMPACT_AFTER_BYTES = 32 * 1024 * 1024

export interface StoreOptions {
  /** Compact once the journal exceeds this many bytes (default 32 MiB). */
  compactAfterBytes?: number
}

/** Map key for an `_id` (CloudBase ids are strings; numbers are allowed and must not collide with them). */
export function idKey(id: unknown): string {
  return typeof id === 'string' ? id : `\u0000${JSON.stringify(id)}`
}

export class DocStore {
  private readonly collections = new Map<string, Map<string, Doc>>()
  /** Commit sequence number of the last change to each document (kept after deletes, for conflict checks). */
  private readonly versions = new Map<string, number>()
  private seqNo = 0
  private journal: Journal | undefined

  private constructor(readonly dir: string) {}

  /** Opens (creating if needed) the store in `dir`, recovering from snapshot + journal. */
  static async open(dir: string, options: StoreOptions = {}): Promise<DocStore> {
    await fsp.mkdir(dir, { recursive: true })
    acquireLock(dir)
    const store = new DocStore(dir)
    try {
      await store.recover(options.compactAfterBytes ?? COMPACT_AFTER_BYTES)
    } catch (error) {
      releaseLock(dir)
      throw error
    }
    return store
  }

  /** The current commit sequence number; every applied op advances it. */
  get seq(): number {
    return this.seqNo
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name)
  }

  collectionNames(): string[] {
    return [...this.collections.keys()]
  }

  /** Live documents of a collection in insertion order. Callers must not mutate them. */
  docs(collection: string): Doc[] {
    const docs = this.collections.get(collection)
    return docs ? [...docs.values()] : []
  }

  /** A live document (do not mutate) or undefined. */
  get(collection: string, id: unknown): Doc | undefined {
    return this.collections.get(collection)?.get(idKey(id))
  }

  /** Sequence number of the last change to a document, 0 if never written. */
  version(collection: string, id: unknown): number {
    return this.versions.get(`${collection}\u0000${idKey(id)}`) ?? 0
  }

  /**
   * Applies ops to memory now (so later requests see them) and resolves once they are on disk.
   * Docs passed in `put` are taken over by the store: the caller must not touch them afterwards.
   */
  apply(ops: readonly StoreOp[]): Promise<void> {
    if (!this.journal) return Promise.reject(new Error('database store is closed'))
    if (ops.length === 0) return Promise.resolve()
    for (const op of ops) this.applyInMemory(op)
    return this.journal.append(JSON.stringify({ ops: ops.map(encodeOp) }) + '\n')
  }

  /** Waits for pending journal writes, then closes the files and releases the directory. */
  async close(): Promise<void> {
    const journal = this.journal
    if (!journal) return
    this.journal = undefined
    await journal.close()
    releaseLock(this.dir)
  }

  private applyInMemory(op: StoreOp): void {
    this.seqNo += 1
    switch (op.t) {
      case 'coll':
        if (!this.collections.has(op.c)) this.collections.set(op.c, new Map())
        return
      case 'wipe':
        this.collections.clear()
        // Versions stay: a transaction that read a wiped document must still see it changed.
        for (const key of this.versions.keys()) this.versions.set(key, this.seqNo)
        return
      case 'put': {
        let docs = this.collections.get(op.c)
        if (!docs) {
          docs = new Map()
          this.collections.set(op.c, docs)
        }
        docs.set(idKey(op.d._id), op.d)
        this.versions.set(`${op.c}\u0000${idKey(op.d._id)}`, this.seqNo)
        return
      }
      case 'del':
        this.collections.get(op.c)?.delete(idKey(op.id))
        this.versions.set(`${op.c}\u0000${idKey(op.id)}`, this.seqNo)
        return
    }
  }

  private async recover(compactAfterBytes: number): Promise<void> {
    const snapshotPath = path.join(this.dir, SNAPSHOT)
    const journalPath = path.join(this.dir, JOURNAL)
    if (fs.existsSync(snapshotPath)) {
      const snapshot = JSON.parse(await fsp.readFile(snapshotPath, 'utf8')) as { collections: Record<string, unknown[]> }
      for (const [name, docs] of Object.entries(snapshot.collections)) {
        const map = new Map<string, Doc>()
        for (const raw of docs) {
          const doc = fromEjson(raw) as Doc
          map.set(idKey(doc._id), doc)
        }
        this.collections.set(name, map)
      }
    }
    let replayed = 0
    if (fs.existsSync(journalPath)) {
      const lines = (await fsp.readFile(journalPath, 'utf8')).split('\n')
      for (let i = 0; i < lines.length; i += 1) {
        const line = lines[i] as string
        if (line.trim() === '') continue
        let record: { ops: unknown[] }
        try {
          record = JSON.parse(line) as { ops: unknown[] }
        } catch {
          // Only the last line can be torn (the process died mid-append); its request was never acknowledged.
          if (i < lines.length - 1) console.warn(`[local/db] skipping unreadable journal line ${i + 1} in ${journalPath}`)
          continue
        }
        for (const op of record.ops) this.applyInMemory(decodeOp(op))
        replayed += 1
      }
    }
    const journal = await Journal.open(journalPath, () => this.writeSnapshot(), compactAfterBytes)
    if (replayed > 0 || !fs.existsSync(snapshotPath)) await journal.compact()
    this.journal = journal
  }

  /**
   * Writes the whole in-memory state as the new snapshot (atomically, via rename). The state may include
   * ops still queued for the journal; they are appended after the journal is emptied, and replaying an op
   * over a snapshot that already contains it is harmless (every op sets a final value), so a crash at any
   * point loses nothing that was acknowledged.
   */
  private async writeSnapshot(): Promise<void> {
    const collections: Record<string, unknown[]> = {}
    for (const [name, docs] of this.collections) collections[name] = [...docs.values()].map(toEjson)
    const tmp = path.join(this.dir, `${SNAPSHOT}.tmp`)
    await writeDurably(tmp, JSON.stringify({ format: 1, collections }))
    await fsp.rename(tmp, path.join(this.dir, SNAPSHOT))
    await syncDir(this.dir)
  }
}

function encodeOp(op: StoreOp): unknown {
  return op.t === 'put' ? { t: 'put', c: op.c, d: toEjson(op.d) } : op.t === 'del' ? { t: 'del', c: op.c, id: toEjson(op.id) } : op
}

function decodeOp(raw: unknown): StoreOp {
  const op = raw as StoreOp
  if (op.t === 'put') return { t: 'put', c: op.c, d: fromEjson(op.d) as Doc }
  if (op.t === 'del') return { t: 'del', c: op.c, id: fromEjson(op.id) }
  return op
}

async function writeDurably(file: string, content: string): Promise<void> {
  const handle = await fsp.open(file, 'w')
  try {
    await handle.writeFile(content)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r')
  try {
    await handle.sync()
  } catch {
    // Some file systems refuse fsync on directories; the rename is still atomic there.
  } finally {
    await handle.close()
  }
}

/** Append-only file with group commit: lines queued while an fsync runs go out together in the next one. */
class Journal {
  private queue: { data: string; resolve: () => void; reject: (error: unknown) => void }[] = []
  private flushing: Promise<void> | undefined
  private size: number

  private constructor(
    private readonly handle: fsp.FileHandle,
    private readonly snapshot: () => Promise<void>,
    private readonly compactAfterBytes: number,
    size: number,
  ) {
    this.size = size
  }

  static async open(file: string, snapshot: () => Promise<void>, compactAfterBytes: number): Promise<Journal> {
    const handle = await fsp.open(file, 'a')
    return new Journal(handle, snapshot, compactAfterBytes, (await handle.stat()).size)
  }

  /** Snapshot, then empty the journal. Only called when no append is in flight. */
  async compact(): Promise<void> {
    await this.snapshot()
    await this.handle.truncate(0)
    await this.handle.sync()
    this.size = 0
  }

  append(data: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ data, resolve, reject })
      if (!this.flushing) this.flushing = this.flush()
    })
  }

  async close(): Promise<void> {
    while (this.flushing) await this.flushing
    await this.handle.close()
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue
      this.queue = []
      const data = batch.map((entry) => entry.data).join('')
      try {
        await this.handle.appendFile(data)
        await this.handle.datasync()
        this.size += Buffer.byteLength(data)
        for (const entry of batch) entry.resolve()
      } catch (error) {
        for (const entry of batch) entry.reject(error)
      }
      if (this.size > this.compactAfterBytes) {
        try {
          await this.compact()
        } catch (error) {
          // The journal is still complete, so nothing is lost; try again after the next batch.
          console.error('[local/db] compaction failed', error)
        }
      }
    }
    this.flushing = undefined
  }
}

/** One process per data directory: two writers appending to one journal would corrupt it. */
function acquireLock(dir: string): void {
  const lockPath = path.join(dir, LOCK)
  try {
    fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' })
    openDirs.add(dir)
    return
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  const holder = Number(fs.readFileSync(lockPath, 'utf8'))
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
    throw new Error(`local database directory ${dir} is in use by process ${holder}`)
  }
  if (holder === process.pid && openDirs.has(dir)) {
    throw new Error(`local database directory ${dir} is already open in this process`)
  }
  // A stale lock left by a killed process.
  fs.writeFileSync(lockPath, String(process.pid))
  openDirs.add(dir)
}

const openDirs = new Set<string>()

function releaseLock(dir: string): void {
  openDirs.delete(dir)
  try {
    fs.unlinkSync(path.join(dir, LOCK))
  } catch {
    // Already gone.
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
