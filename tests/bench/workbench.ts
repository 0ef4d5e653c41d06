/**
 * Workbench figures for `npm run bench`: database requests (and time) of the branch dashboard for a
 * 50-member branch with a year of data, and of the 上级 overview over 100 branches / 5,000 members —
 * on the generated organisation of tests/support/big-org.ts.
 */
import { withInvocationTag } from '../../local/db'
import { fabricateContext } from '../../local/host/context'
import { loadMain } from '../../local/host/functions'
import type { Reply, TestCloud } from '../support/cloud'
import { BIG_ORG } from '../support/big-org'

let seq = 0
const invoke = async (cloud: TestCloud, action: string, input: unknown, openid: string): Promise<{ reply: Reply; requests: number; docsRead: number; ms: number }> => {
  const tag = `bench-workbench#${++seq}`
  const t0 = performance.now()
  const reply = (await withInvocationTag(tag, () => loadMain('workbench', 'source')({ action, input }, fabricateContext('workbench', openid)))) as Reply
  const ms = Math.round(performance.now() - t0)
  const c = cloud.db.counters(tag)
  return { reply, requests: c.requests, docsRead: c.docsRead, ms }
}

export interface WorkbenchBench {
  dbRequests: Record<string, number>
  docsRead: Record<string, number>
  ms: Record<string, number>
  overviewRows: number
  overviewMembers: number
}

/** Runs against a cloud seeded with `bigOrg(...)`; `dashboardBranch` is the index of a branch to open. */
export async function benchWorkbench(cloud: TestCloud, dashboardBranch = 0): Promise<WorkbenchBench> {
  const data = (r: Reply) => {
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
    return r.data as { rows?: { members: number }[] }
  }
  const dash = await invoke(cloud, 'dashboard', {}, BIG_ORG.secretaryOpenid(dashboardBranch))
  data(dash.reply)
  const over = await invoke(cloud, 'overview', {}, BIG_ORG.adminOpenid)
  const rows = data(over.reply).rows ?? []
  return {
    dbRequests: { 'workbench.dashboard': dash.requests, 'workbench.overview': over.requests },
    docsRead: { 'workbench.dashboard': dash.docsRead, 'workbench.overview': over.docsRead },
    ms: { 'workbench.dashboard': dash.ms, 'workbench.overview': over.ms },
    overviewRows: rows.length,
    overviewMembers: rows.reduce((s, r) => s + r.members, 0),
  }
}
