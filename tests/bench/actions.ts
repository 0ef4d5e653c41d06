/**
 * Requests per action for `npm run bench`: every member-facing action (首页 and its to-do calls,
 * meeting list, sign-in, leave, 党费, 积分 申报, ballot) and every 支委 view (attendance grid, collection,
 * review queue, tally, dashboard) on the demo branch, counted by the local backend, beside its target.
 */
import { beijingMonth } from '../../shared/src/rules/time'
import { DEMO, clock, devOpenid, type TestCloud } from '../support/cloud'
import { benchMeetings, type MeetingsBench } from './meetings'
import { measure, type Measured } from './measure'

/** Who the call is for, and so its budget of database requests (ARCHITECTURE.md). */
export type Audience = 'member' | 'committee' | 'dashboard' | 'overview'
export const TARGETS: Record<Audience, number> = { member: 2, committee: 4, dashboard: 6, overview: 10 }

export interface ActionFigure {
  fn: string
  /** The action, or the action and a variant (`signInRepeat`). */
  key: string
  /** The screen or step, as a member would name it. */
  view: string
  audience: Audience
  requests: number
  docsRead: number
  ms: number
  target: number
  within: boolean
  /** The error code when the call did not answer ok (the figure is then of a refused call). */
  error: string | null
}

export const figure = (fn: string, key: string, view: string, audience: Audience, m: Pick<Measured, 'requests' | 'docsRead' | 'ms'> & { reply?: Measured['reply'] }): ActionFigure => ({
  fn,
  key,
  view,
  audience,
  requests: m.requests,
  docsRead: m.docsRead,
  ms: m.ms,
  target: TARGETS[audience],
  within: m.requests <= TARGETS[audience],
  error: m.reply && !m.reply.ok ? m.reply.error.code : null,
})

/** The meetings bench's figures (keys `meetings.<action>[ (repeat)]`) as rows. */
const MEETING_ROWS: [string, string, string, Audience][] = [
  ['meetings.myTasks', 'myTasks', '首页 · 组织生活待办', 'member'],
  ['meetings.listMeetings', 'listMeetings', '组织生活 · 会议列表', 'member'],
  ['meetings.getMeeting', 'getMeeting', '组织生活 · 会议详情', 'member'],
  ['meetings.signIn', 'signIn', '扫码签到', 'member'],
  ['meetings.signIn (repeat)', 'signInRepeat', '扫码签到（重复）', 'member'],
  ['meetings.requestLeave', 'requestLeave', '请假', 'member'],
  ['meetings.memberAttendance', 'memberAttendance', '我的出勤', 'member'],
  ['meetings.hostCode', 'hostCode', '主持人 · 签到码', 'committee'],
  ['meetings.meetingAttendance', 'meetingAttendance', '支委 · 会议签到情况', 'committee'],
  ['meetings.attendanceGrid', 'attendanceGrid', '支委 · 出勤总表', 'committee'],
  ['meetings.compliance', 'compliance', '支委 · 组织生活达标', 'committee'],
]

export interface ActionsBench {
  rows: ActionFigure[]
  signinBurst: MeetingsBench['signinBurst']
  /** The member's 首页: every call it makes, and their sum. */
  home: { calls: number; requests: number; docsRead: number }
}

/** Runs on a cloud seeded with the demo (ideally grown to 50 members); `burst` members sign in at once. */
export async function benchActions(cloud: TestCloud, burst = 300): Promise<ActionsBench> {
  const rows: ActionFigure[] = []
  const now = clock.now()
  const month = beijingMonth(now)
  const year = Number(month.slice(0, 4))
  const member = devOpenid(DEMO.m.formal)
  const sec = devOpenid(DEMO.m.secretary)
  const duesManager = devOpenid(DEMO.m.organizer)
  const run = async (fn: string, action: string, input: unknown, openid: string, view: string, audience: Audience, key = action) => {
    const m = await measure(cloud, fn, action, input, openid)
    rows.push(figure(fn, key, view, audience, m))
    return m
  }

  // 首页 of an ordinary member: who am I, then each feature's to-do row (miniprogram/src/pages/index).
  const home: ActionFigure[] = []
  const track = async (...a: Parameters<typeof run>) => {
    await run(...a)
    home.push(rows[rows.length - 1] as ActionFigure)
  }
  await track('org', 'me', {}, member, '首页 · 我的身份', 'member')
  await track('evaluation', 'getRound', {}, member, '首页 · 民主评议（选票页）', 'member')
  await track('dues', 'todos', {}, member, '首页 · 党费待办', 'member')
  await track('points', 'overview', { year }, member, '首页 · 我的积分', 'member')
  await track('reminders', 'listTodos', {}, member, '首页 · 提醒待办', 'member')

  // A member's own pages and writes.
  await run('dues', 'memberDues', {}, member, '我的党费', 'member')
  await run('points', 'listEntries', { month }, member, '我的积分明细', 'member')
  await run('points', 'submitEntry', { branchId: DEMO.branch, clientKey: `bench-${now.getTime()}`, month, itemCode: 'volunteer', description: '参加社区志愿服务（基准测试）' }, member, '积分申报', 'member')
  const round = cloud.db.dump('eval_rounds').find((r) => r._id === `ev_${DEMO.branch}_${year}`) as { gradedIds: string[] } | undefined
  const ballot = (round?.gradedIds ?? []).filter((id) => id !== DEMO.m.formal).map((memberId) => ({ memberId, grade: 'qualified' }))
  await run('evaluation', 'vote', { roundId: `ev_${DEMO.branch}_${year}`, rows: ballot }, member, '民主评议 · 投票', 'member')

  // 支委 views.
  await run('dues', 'collection', { month }, duesManager, '支委 · 党费收缴', 'committee')
  await run('dues', 'arrears', {}, duesManager, '支委 · 党费欠缴', 'committee')
  await run('dues', 'pendingReports', {}, duesManager, '支委 · 待确认的交纳报告', 'committee')
  await run('points', 'reviewQueue', { status: 'pending' }, duesManager, '支委 · 积分审核', 'committee')
  await run('points', 'yearView', { year }, sec, '支委 · 年度积分', 'committee')
  await run('evaluation', 'getRoundAdmin', {}, sec, '支委 · 评议进度', 'committee')
  await run('evaluation', 'getTally', { roundId: `ev_${DEMO.branch}_${year - 1}` }, sec, '支委 · 测评汇总', 'committee')
  await run('org', 'listMembers', {}, sec, '支委 · 党员名册', 'committee')
  await run('workbench', 'dashboard', {}, sec, '支部工作台', 'dashboard')

  // Meetings (their own bench: a meeting created for it, sign-in inside the window, and the burst).
  const mb = await benchMeetings(cloud, burst)
  for (const [src, key, view, audience] of MEETING_ROWS) {
    const requests = mb.dbRequests[src]
    if (requests === undefined) continue
    const f = figure('meetings', key, view, audience, { requests, docsRead: mb.docsRead[src] ?? 0, ms: 0 })
    rows.push(f)
    if (key === 'myTasks') home.push(f)
  }
  return {
    rows,
    signinBurst: mb.signinBurst,
    home: { calls: home.length, requests: home.reduce((s, r) => s + r.requests, 0), docsRead: home.reduce((s, r) => s + r.docsRead, 0) },
  }
}
