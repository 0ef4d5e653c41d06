/**
 * Bench plumbing: one function call under its own invocation tag with the local backend's counters
 * (database requests and documents read — what CloudBase bills per call), its time, and small stats helpers.
 */
import { withInvocationTag } from '../../local/db'
import { fabricateContext } from '../../local/host/context'
import { loadMain } from '../../local/host/functions'
import type { Reply, TestCloud } from '../support/cloud'

export interface Measured {
  reply: Reply
  requests: number
  docsRead: number
  ms: number
}

let seq = 0

export const measure = async (cloud: TestCloud, fn: string, action: string, input: unknown, openid: string | null): Promise<Measured> => {
  const tag = `bench-${fn}.${action}#${++seq}`
  const t0 = performance.now()
  const reply = (await withInvocationTag(tag, () => loadMain(fn, 'source')({ action, input }, fabricateContext(fn, openid)))) as Reply
  const ms = Math.round(performance.now() - t0)
  const c = cloud.db.counters(tag)
  return { reply, requests: c.requests, docsRead: c.docsRead, ms }
}

/** The value at the p-th percentile (nearest rank) of `xs`, rounded to a millisecond. */
export const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  if (s.length === 0) return 0
  return Math.round(s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number)
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  if (s.length === 0) return 0
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}
