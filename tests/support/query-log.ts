/**
 * Optional query log for the index coverage check: with `ZHIBU_QUERY_LOG=<dir>` every test cloud appends the
 * shape of each query its functions issue (collection, filter, sort, `fn.action`) to `<dir>/queries-<pid>.ndjson`;
 * `node scripts/check-indexes.mjs <dir>` then checks each against `cloudfunctions/_kit/indexes.ts`.
 */
import { appendFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { DbService } from '../../local/db'

export interface QueryLog {
  /** Names the invocation a tag stands for (`org.listMembers`). */
  name(tag: string, source: string): void
}

/** Regexes become `{ $regex }` (a range to the checker); dates become strings (values). */
const replacer = (_key: string, value: unknown): unknown => (value instanceof RegExp ? { $regex: value.source } : value)

export function attachQueryLog(db: DbService, dir: string | undefined = process.env.ZHIBU_QUERY_LOG): QueryLog | null {
  if (!dir) return null
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `queries-${process.pid}.ndjson`)
  const sources = new Map<string, string>()
  db.onQuery = (q) => {
    // Only queries a function issued (inside an invocation); test code's own reads are not the app's.
    if (!q.tag) return
    const source = sources.get(q.tag) ?? q.tag
    appendFileSync(file, JSON.stringify({ source, collection: q.collection, op: q.op, filter: q.filter, sort: q.sort }, replacer) + '\n')
  }
  return {
    name(tag, source) {
      sources.set(tag, source)
    },
  }
}
