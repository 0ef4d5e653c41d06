/**
 * One bench scenario per process (`node -r tests/bench/register.cjs tests/bench/scenario.ts <name> <out.json>`),
 * so each gets a fresh local cloud in its own temp folder and an SDK pointed at it alone. run.mjs runs them
 * in turn and merges their JSON into bench/results.json.
 */
import { writeFileSync } from 'node:fs'
import { setDemoExtraMembers } from '../../local/seed/demo-org'
import { createHost } from '../../local/host/server'
import { functionNames } from '../../local/host/functions'
import { DEMO, devOpenid, startTestCloud } from '../support/cloud'
import { bigOrg } from '../support/big-org'
import { runFanout } from '../support/reminder-fanout'
import { benchActions, figure } from './actions'
import { benchVotes } from './votes'
import { benchWorkbench } from './workbench'
import { benchBundles } from './bundles'
import { H5_DIR, h5FirstRender, h5InitialJs, weappSizes, WEAPP_PACKAGE_LIMIT } from './frontend'

/** The demo 第一党支部 grown from 30 to this many members for the bench. */
export const BENCH_BRANCH_MEMBERS = 50

/** The instant every bench stack lives at (10:00 Beijing, Friday 2026-11-20): figures do not depend on the run's date. */
export const BENCH_AT = '2026-11-20T02:00:00.000Z'

const scenarios: Record<string, () => Promise<Record<string, unknown>>> = {
  /** Requests per action on the demo branch of 50 with a year of records; the sign-in and vote bursts. */
  async demo() {
    setDemoExtraMembers(BENCH_BRANCH_MEMBERS - 30)
    const cloud = await startTestCloud({ at: BENCH_AT })
    try {
      const members = cloud.db.dump('members').filter((m) => m.branchId === DEMO.branch).length
      const actions = await benchActions(cloud, Number(process.env.BENCH_SIGNIN_BURST ?? 300))
      const voteBurst = await benchVotes(cloud, 50, 5)
      return { branchMembers: members, actions: actions.rows, home: actions.home, signinBurst: actions.signinBurst, voteBurst }
    } finally {
      await cloud.close()
    }
  },

  /** The 上级 overview over 100 branches / 5,000 members, and a 50-member branch's dashboard in that org. */
  async org() {
    const cloud = await startTestCloud({ at: BENCH_AT, parts: [bigOrg({ branches: 100, membersPerBranch: 50 })] })
    try {
      const b = await benchWorkbench(cloud)
      const row = (action: 'overview' | 'dashboard', view: string, audience: 'overview' | 'dashboard') =>
        figure('workbench', action, view, audience, { requests: b.dbRequests[`workbench.${action}`] ?? 0, docsRead: b.docsRead[`workbench.${action}`] ?? 0, ms: b.ms[`workbench.${action}`] ?? 0 })
      return {
        org: { branches: b.overviewRows, members: b.overviewMembers },
        actions: [row('overview', '上级党委 · 支部概览（100个支部 / 5000名党员）', 'overview'), { ...row('dashboard', '支部工作台（100个支部的党委中的一个支部）', 'dashboard'), key: 'dashboardInBigOrg' }],
      }
    } finally {
      await cloud.close()
    }
  },

  /** 5,000 reminders due at once, WeChat answering in 20 ms. */
  async fanout() {
    const cloud = await startTestCloud({ at: BENCH_AT, seed: false })
    try {
      const r = await runFanout(cloud.db, { recipients: 5000, latencyMs: 20 })
      const sent = r.ticks.reduce((a, t) => a + t.sent, 0)
      return {
        reminderFanout: {
          due: r.recipients,
          seconds: Math.round(r.elapsedMs / 100) / 10,
          sent,
          delivered: r.delivered,
          duplicates: r.duplicates,
          lost: r.lost,
          sendsPerSecond: Math.round(sent / (r.elapsedMs / 1000)),
          ticks: r.ticks.length,
          longestTickMs: r.maxTickMs,
          requestsPerReminder: r.requestsPerReminder,
        },
      }
    } finally {
      await cloud.close()
    }
  },

  /** Bundle size and cold start, bundled vs transpiled file by file with node_modules. */
  async bundles() {
    const figures = benchBundles(functionNames())
    const pick = (k: keyof (typeof figures)[string]) => Object.fromEntries(Object.entries(figures).map(([fn, f]) => [fn, f[k]]))
    const ratio = (a: keyof (typeof figures)[string], b: keyof (typeof figures)[string]) =>
      Object.fromEntries(Object.entries(figures).map(([fn, f]) => [fn, Math.round(((f[a] as number) / (f[b] as number)) * 10) / 10]))
    return {
      bundleBytes: pick('bundleBytes'),
      unbundledBytes: pick('unbundledBytes'),
      unbundledLoadedBytes: pick('unbundledLoadedBytes'),
      unbundledFiles: pick('unbundledFiles'),
      bytesRatio: ratio('unbundledBytes', 'bundleBytes'),
      coldStartMs: pick('coldStartMs'),
      unbundledColdStartMs: pick('unbundledColdStartMs'),
      coldStartRatio: ratio('unbundledColdStartMs', 'coldStartMs'),
    }
  },

  /** WeChat package sizes, H5 initial JS, and 首页's first render in throttled Chromium. */
  async frontend() {
    const weapp = weappSizes()
    const initial = h5InitialJs()
    const cloud = await startTestCloud({ at: BENCH_AT })
    const host = await createHost({ db: cloud.db, mode: 'bundle', h5Dir: H5_DIR })
    try {
      const url = await host.listen(0)
      const render = await h5FirstRender(url, devOpenid(DEMO.m.formal))
      return {
        ...weapp,
        weappPackageLimitBytes: WEAPP_PACKAGE_LIMIT,
        h5InitialJsBytes: initial.bytes,
        h5InitialJsGzipBytes: initial.gzipBytes,
        h5InitialJsFiles: initial.files,
        ...render,
      }
    } finally {
      await host.close()
      await cloud.close()
    }
  },
}

const [name, out] = process.argv.slice(2)
const scenario = name ? scenarios[name] : undefined
if (!scenario || !out) {
  console.error(`usage: scenario.ts <${Object.keys(scenarios).join('|')}> <out.json>`)
  process.exit(2)
}
// The SDK warns on every request slower than 3 s; under a burst that is expected noise.
process.env.SILENCE = 'true'
scenario().then(
  (r) => {
    writeFileSync(out, JSON.stringify(r, null, 2))
    process.exit(0)
  },
  (e: unknown) => {
    console.error(e)
    process.exit(1)
  },
)
