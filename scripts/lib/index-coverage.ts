/**
 * Index coverage: is every query the functions issue served by an index in `cloudfunctions/_kit/indexes.ts`
 * (which `npm run provision` creates)? Queries come from the local backend's `onQuery` observer.
 *
 * What "covered" means here (MongoDB's equality–sort–range rule, applied to index prefixes):
 * - a query naming `_id` by equality (or `$in`) is always covered (the primary key);
 * - otherwise some index on the collection must start with exactly the query's equality fields (literal
 *   values, `$eq`, `$in`, `$all`; any order), followed by its sort fields in order (all in the index's
 *   directions or all reversed). Then no sort happens in memory and the scan stays inside the equality group, so
 *   range fields (`$gt`, `$ne`, `$exists`, regex …) are filtered from what the index selects. A query with range
 *   fields and no sort must have one of them as the very next key, so the index bounds the scan. Extra trailing
 *   index keys are fine (a prefix serves). A trailing `_id` in a sort is a real sort key too: add `_id` to the
 *   index for a stable order.
 * - a query with no filter and no sort reads the whole collection on purpose: reported, not failed.
 * `$or` is checked branch by branch (each with the fields outside it); `$expr` and `$nor` are residual filters.
 */
import type { IndexSpec } from '../../cloudfunctions/_kit/indexes'

export interface QueryShape {
  collection: string
  op: string
  filter: Record<string, unknown>
  sort: [string, 1 | -1][]
}

/** One way the database can answer a query: equality fields, range fields, sort. */
export interface AccessPath {
  collection: string
  eq: string[]
  range: string[]
  sort: [string, 1 | -1][]
}

const isOperatorObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith('$'))

const EQUALITY_OPS = new Set(['$eq', '$in', '$all'])

interface Conds {
  eq: string[]
  range: string[]
}

const merge = (a: Conds, b: Conds): Conds => ({ eq: [...a.eq, ...b.eq], range: [...a.range, ...b.range] })

/** The alternatives a filter stands for (one unless it has `$or`). */
function alternatives(filter: Record<string, unknown>): Conds[] {
  let alts: Conds[] = [{ eq: [], range: [] }]
  const cross = (next: Conds[]) => {
    alts = alts.flatMap((a) => next.map((n) => merge(a, n)))
  }
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const sub of value) cross(alternatives(sub as Record<string, unknown>))
    } else if (key === '$or' && Array.isArray(value)) {
      cross(value.flatMap((sub) => alternatives(sub as Record<string, unknown>)))
    } else if (key.startsWith('$')) {
      // $expr, $nor, $comment …: evaluated on the documents the rest of the filter selects.
      continue
    } else if (value instanceof RegExp) {
      cross([{ eq: [], range: [key] }])
    } else if (isOperatorObject(value)) {
      const ops = Object.keys(value)
      cross([ops.some((op) => EQUALITY_OPS.has(op)) ? { eq: [key], range: [] } : { eq: [], range: [key] }])
    } else {
      cross([{ eq: [key], range: [] }])
    }
  }
  return alts
}

const unique = (xs: string[]): string[] => [...new Set(xs)]

export function accessPaths(q: QueryShape): AccessPath[] {
  return alternatives(q.filter).map((c) => {
    const eq = unique(c.eq)
    // Sorting on a field fixed by equality is free.
    const sort = q.sort.filter(([f]) => !eq.includes(f))
    return { collection: q.collection, eq, range: unique(c.range).filter((f) => !eq.includes(f)), sort }
  })
}

export type Coverage = { kind: 'primary' } | { kind: 'scan' } | { kind: 'index'; index: IndexSpec } | { kind: 'none' }

const sameDirections = (idx: IndexSpec['keys'], sort: [string, 1 | -1][]): boolean =>
  sort.every(([, d], i) => idx[i]!.direction === d) || sort.every(([, d], i) => idx[i]!.direction === -d)

/** Does `index` serve `path` under the rule in the header? */
export function indexServes(index: IndexSpec, path: AccessPath): boolean {
  if (index.collection !== path.collection) return false
  const keys = index.keys
  const n = path.eq.length
  if (keys.length < n) return false
  const head = keys.slice(0, n).map((k) => k.field)
  if (head.some((f) => !path.eq.includes(f))) return false
  const sortKeys = keys.slice(n, n + path.sort.length)
  if (sortKeys.length < path.sort.length) return false
  if (sortKeys.some((k, i) => k.field !== path.sort[i]![0])) return false
  if (path.sort.length && !sameDirections(sortKeys, path.sort)) return false
  if (path.range.length === 0 || path.sort.length > 0) return true
  const next = keys[n]?.field
  return path.range.some((f) => f === next)
}

export function coverage(path: AccessPath, indexes: readonly IndexSpec[]): Coverage {
  if (path.eq.includes('_id')) return { kind: 'primary' }
  if (path.eq.length === 0 && path.range.length === 0 && path.sort.length === 0) return { kind: 'scan' }
  if (path.eq.length === 0 && path.range.every((f) => f === '_id') && path.sort.every(([f]) => f === '_id')) return { kind: 'primary' }
  const index = indexes.find((i) => indexServes(i, path))
  return index ? { kind: 'index', index } : { kind: 'none' }
}

const short = (field: string): string => field.replace(/Id$/, '').replace(/[^A-Za-z0-9]+/g, '_').replace(/_+$/, '')

/** The index that would serve `path`: equality fields, then the sort, then one range field. */
export function suggestIndex(path: AccessPath, serves: string): string {
  const sortFields = path.sort.map(([f]) => f)
  const range = path.range.filter((f) => !sortFields.includes(f)).slice(0, 1)
  const keys = [...path.eq.map((f) => `'${f}'`), ...path.sort.map(([f, d]) => `'${d === -1 ? '-' : ''}${f}'`), ...range.map((f) => `'${f}'`)]
  const name = [...path.eq, ...sortFields, ...range].map(short).join('_')
  return `{ collection: '${path.collection}', name: '${name}', keys: k(${keys.join(', ')}), serves: '${serves}' }`
}

export const describePath = (p: AccessPath): string => {
  const parts = [`${p.collection} where {${[...p.eq.map((f) => `${f}: =`), ...p.range.map((f) => `${f}: range`)].join(', ')}}`]
  if (p.sort.length) parts.push(`sorted by ${p.sort.map(([f, d]) => `${f} ${d === -1 ? 'desc' : 'asc'}`).join(', ')}`)
  return parts.join(' ')
}

export interface CoverageReport {
  /** Distinct access paths seen. */
  total: number
  uncovered: { path: AccessPath; sources: string[]; suggestion: string; extend: string | null }[]
  scans: { collection: string; sources: string[] }[]
}

/** Checks every query; `source` names who issued it (e.g. `org.listMembers`). */
export function checkCoverage(queries: readonly (QueryShape & { source: string })[], indexes: readonly IndexSpec[]): CoverageReport {
  const byKey = new Map<string, { path: AccessPath; sources: Set<string> }>()
  for (const q of queries) {
    for (const path of accessPaths(q)) {
      const key = JSON.stringify([path.collection, [...path.eq].sort(), [...path.range].sort(), path.sort])
      const entry = byKey.get(key) ?? { path, sources: new Set<string>() }
      entry.sources.add(q.source)
      byKey.set(key, entry)
    }
  }
  const report: CoverageReport = { total: byKey.size, uncovered: [], scans: [] }
  for (const { path, sources } of byKey.values()) {
    const c = coverage(path, indexes)
    const src = [...sources].sort()
    if (c.kind === 'scan') report.scans.push({ collection: path.collection, sources: src })
    if (c.kind !== 'none') continue
    // An index that already starts with the equality fields could simply be extended.
    const near = indexes.find((i) => i.collection === path.collection && i.keys.length >= path.eq.length && i.keys.slice(0, path.eq.length).every((k) => path.eq.includes(k.field)) && path.eq.length > 0)
    const extend = near ? `or extend '${near.name}' (${near.keys.map((k) => k.field).join(', ')}) so its keys continue with the sort/range fields` : null
    report.uncovered.push({ path, sources: src, suggestion: suggestIndex(path, src.join(', ')), extend })
  }
  return report
}

/** The failure text: each uncovered query, who issued it, and the line to add to INDEXES. */
export function formatUncovered(report: CoverageReport): string {
  const lines = [`${report.uncovered.length} of ${report.total} query shapes are not served by an index in cloudfunctions/_kit/indexes.ts:`]
  for (const u of report.uncovered) {
    lines.push(``, `• ${describePath(u.path)}`, `  issued by: ${u.sources.join(', ')}`, `  add to INDEXES:  ${u.suggestion}`)
    if (u.extend) lines.push(`  ${u.extend}`)
  }
  lines.push('', 'Covered = an index whose first keys are the equality fields, then the sort fields in order (with no sort: then a range field). See scripts/lib/index-coverage.ts.')
  return lines.join('\n')
}
