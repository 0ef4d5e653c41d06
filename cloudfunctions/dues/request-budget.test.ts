/**
 * Database requests per dues call (benchmarked): member views ≤ 2, 支委 views ≤ 4, each call counted inside its own
 * invocation tag.
 */
import { withInvocationTag } from '../../local/db'
import { fabricateContext } from '../../local/host/context'
import { loadMain } from '../../local/host/functions'
import { DEMO, type Reply } from '../../tests/support/cloud'
import { MONTH, formal, mgr, sec, duesCloud } from './handlers/test-setup'

const NOW = '2026-11-22T04:00:00.000Z' // 12:00 Beijing, before the collection day 26th
const { cloud } = duesCloud(NOW)

let seq = 0
/** Calls an action inside our own invocation tag and answers the reply with its database request count. */
const counted = async (action: string, input: unknown, openid: string): Promise<{ r: Reply; requests: number }> => {
  const tag = `dues-count#${++seq}`
  const r = (await withInvocationTag(tag, () => loadMain('dues', 'source')({ action, input }, fabricateContext('dues', openid)))) as Reply
  return { r, requests: cloud.db.counters(tag).requests }
}

describe('database requests per call (members ≤2, 支委 views ≤4)', () => {
  test.each([
    ['memberDues', {}, 2, formal],
    ['todos', {}, 2, formal],
    ['listPublications', {}, 2, formal],
    ['getPublication', { publicationId: `${DEMO.branch}_2026-H1` }, 2, formal],
    ['collection', { month: MONTH }, 4, mgr],
    ['todos', { asSecretary: true }, 4, sec],
    ['arrears', {}, 3, mgr],
    ['baseReview', {}, 3, mgr],
    ['pendingReports', {}, 3, mgr],
  ] as const)('%s %j: ≤ %i requests', async (action, shown, max, openid) => {
    const input = 'asSecretary' in shown ? {} : shown
    const { r, requests } = await counted(action, input, openid)
    expect(r.ok).toBe(true)
    expect(requests).toBeLessThanOrEqual(max)
    expect(requests).toBeGreaterThan(0)
  })
})
