/**
 * Meetings figures for `npm run bench` (run against the local backend): DB requests of
 * the member-facing sign-in (first and repeat), the host's poll, and the 300-member concurrent sign-in
 * burst — ok, duplicates, lost, p50 / p99 latency. Uses the in-process test cloud and its demo seed.
 */
import { withInvocationTag } from '../../local/db'
import { fabricateContext } from '../../local/host/context'
import { loadMain } from '../../local/host/functions'
import { addDays, beijingDate } from '../../shared/src/rules/time'
import { addTestBranch } from '../support/branch'
import { DEMO, clock, devOpenid, type Reply, type TestCloud } from '../support/cloud'

let seq = 0
const invoke = async (cloud: TestCloud, action: string, input: unknown, openid: string): Promise<{ reply: Reply; requests: number; docsRead: number; ms: number }> => {
  const tag = `bench-meetings#${++seq}`
  const t0 = performance.now()
  const reply = (await withInvocationTag(tag, () => loadMain('meetings', 'source')({ action, input }, fabricateContext('meetings', openid)))) as Reply
  const ms = performance.now() - t0
  const c = cloud.db.counters(tag)
  return { reply, requests: c.requests, docsRead: c.docsRead, ms }
}

const data = (r: Reply): Record<string, unknown> => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
  return r.data as Record<string, unknown>
}

const percentile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0)
}

export interface MeetingsBench {
  dbRequests: Record<string, number>
  docsRead: Record<string, number>
  signinBurst: { members: number; ok: number; duplicates: number; lost: number; p50Ms: number; p99Ms: number; seconds: number }
}


export const benchMeetings = async (cloud: TestCloud, burst = 300): Promise<MeetingsBench> => {
  const dbRequests: Record<string, number> = {}
  const docsRead: Record<string, number> = {}
  const note = (key: string, r: { requests: number; docsRead: number }) => {
    dbRequests[key] = r.requests
    docsRead[key] = r.docsRead
  }
  const member = devOpenid(DEMO.m.formal)
  const sec = devOpenid(DEMO.m.secretary)
  const tomorrow = addDays(beijingDate(clock.now()), 1)
  const fields = { kind: 'theme-day', topic: '基准测试', date: tomorrow, time: '10:00', place: '会议室', hostId: DEMO.m.secretary, recorderId: DEMO.m.organizer }
  const m = data((await invoke(cloud, 'createMeeting', { fields }, sec)).reply)
  clock.set(new Date(Date.parse(String(m.startsAt)) - 5 * 60_000))
  try {
    note('meetings.listMeetings', await invoke(cloud, 'listMeetings', { when: 'upcoming' }, member))
    note('meetings.getMeeting', await invoke(cloud, 'getMeeting', { meetingId: m.id }, member))
    note('meetings.myTasks', await invoke(cloud, 'myTasks', {}, member))
    const host = await invoke(cloud, 'hostCode', { meetingId: m.id }, sec)
    note('meetings.hostCode', host)
    const code = data(host.reply).code as string
    note('meetings.signIn', await invoke(cloud, 'signIn', { meetingId: m.id, code }, member))
    note('meetings.signIn (repeat)', await invoke(cloud, 'signIn', { meetingId: m.id, code }, member))
    note('meetings.requestLeave', await invoke(cloud, 'requestLeave', { meetingId: m.id, reason: '出差' }, devOpenid('m_b1_15')))
    note('meetings.memberAttendance', await invoke(cloud, 'memberAttendance', { year: Number(tomorrow.slice(0, 4)) }, member))
    note('meetings.meetingAttendance', await invoke(cloud, 'meetingAttendance', { meetingId: m.id }, sec))
    note('meetings.attendanceGrid', await invoke(cloud, 'attendanceGrid', { year: Number(beijingDate(clock.now()).slice(0, 4)) }, sec))
    note('meetings.compliance', await invoke(cloud, 'compliance', { year: Number(beijingDate(clock.now()).slice(0, 4)) }, sec))
  } finally {
    clock.reset()
  }

  // The burst: `burst` distinct members of one branch sign in to one meeting at once.
  const branchId = `br_bench_${++seq}`
  const ids = await addTestBranch(cloud, branchId, { formal: burst + 1, template: DEMO.branch, pad: 3, at: clock.now().toISOString() })
  const hostOpenid = `dev_${ids[0]}`
  const big = data((await invoke(cloud, 'createMeeting', { fields: { ...fields, hostId: ids[0], recorderId: ids[1] } }, hostOpenid)).reply)
  clock.set(new Date(Date.parse(String(big.startsAt))))
  try {
    const code = data((await invoke(cloud, 'hostCode', { meetingId: big.id }, hostOpenid)).reply).code as string
    const t0 = performance.now()
    const results = await Promise.all(ids.slice(1).map((id) => invoke(cloud, 'signIn', { meetingId: big.id, code }, `dev_${id}`)))
    const seconds = (performance.now() - t0) / 1000
    const okCount = results.filter((r) => r.reply.ok).length
    const records = cloud.db.dump('attendance').filter((a) => a.meetingId === big.id)
    const distinct = new Set(records.map((a) => a.memberId)).size
    return {
      dbRequests,
      docsRead,
      signinBurst: {
        members: burst,
        ok: okCount,
        duplicates: records.length - distinct,
        lost: okCount - distinct,
        p50Ms: percentile(results.map((r) => r.ms), 50),
        p99Ms: percentile(results.map((r) => r.ms), 99),
        seconds: Math.round(seconds * 10) / 10,
      },
    }
  } finally {
    clock.reset()
  }
}
