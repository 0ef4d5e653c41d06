/**
 * What is due now, from every source, with its recipients resolved: the branch calendar (主题党日 from the
 * planned meeting, the published plan or the fixed-day rule; 党费 collection day; 政治生日; 换届), meetings
 * starting within 2 hours, 民主评议 voting opening, the 积分 申报 deadline, and reminders other domains
 * scheduled (`reminder_events`). Reads are one query per source over all branches.
 */
import { TOPIC_LABELS, type ReminderTopic } from '@shared/contract/reminders'
import { getProfile, resolveProfile, type Profile } from '@shared/profiles'
import { MEETING_KIND_LABELS } from '@shared/rules/meetings'
import { talkCoverage } from '@shared/rules/workbench-extra'
import { COMMITTEE_ROLES } from '@shared/contract/roles'
import {
  dueReminders,
  duePointsDeadline,
  dueMonthlyTalksReminder,
  dueThemeDayReminders,
  evaluationOpenWindow,
  MEETING_LEAD_MINUTES,
  REMINDER_TOPIC_PRIORITY,
  reminderWindow,
  themeDayRemindersOn,
  type ThemeDayOverride,
} from '@shared/rules/reminders-extra'
import { reminderCalendar, type ReminderKind } from '@shared/rules/reminders'
import { addDays, beijingDate, formatDateCN, monthOf, parseDate, toEpochMs } from '@shared/rules/time'
import type { ReminderAudienceSpec } from '../_kit/collections-reminders'
import type { Log } from '../_kit/log'
import {
  meetingsStartingBetween,
  openEvaluationRounds,
  pointsDeadlineDays,
  reminderAdmins,
  reminderBranches,
  reminderPeople,
  talksOfYear,
  themeDayMeetings,
  themeDayPlanItems,
  type ReminderAdmin,
  type ReminderBranch,
  type ReminderPerson,
} from '../_kit/reminder-reads'
import { recipientIdOf, TODO_NO_END } from '../_kit/todos'
import type { Store } from '../_kit/store'

export interface Recipient {
  recipientId: string
  memberId: string | null
  openid: string | null
  branchId: string | null
  /** Sent even if the recipient switched the topic off (a meeting they are 应到 for). */
  mandatory: boolean
}

export interface MessageValues {
  title: string
  /** `YYYY-MM-DD`. */
  date: string
  time: string | null
  place: string | null
  note: string
}

export interface DueEvent {
  /** Unique per occurrence (and branch): the send log is `${eventKey}_${recipientId}`. */
  eventKey: string
  topic: ReminderTopic
  branchId: string
  dueAt: string
  expiresAt: string
  /** Exempt from the one-push-a-day limit (meetings starting soon). */
  urgent: boolean
  recipients: Recipient[]
  todo: { subject: string; title: string; detail: string | null; link: string | null; dueDate: string | null; until: string }
  message: MessageValues
}

interface PendingEvent extends Omit<DueEvent, 'recipients'> {
  audience: ReminderAudienceSpec
}

export interface DuePlan {
  events: DueEvent[]
  /**
   * Per recipient, the most important topic (lowest priority number) of a calendar reminder still to
   * come later today: a less important one now would use up the day's only push.
   */
  laterToday: Map<string, number>
}

const KIND_TOPIC: Record<ReminderKind, ReminderTopic> = {
  'theme-day-eve': 'theme-day',
  'theme-day': 'theme-day',
  'dues-day': 'dues',
  'political-birthday': 'political-birthday',
  reelection: 'reelection',
  'reelection-overdue': 'reelection',
  'reelection-hard-overdue': 'reelection',
}

const KIND_AUDIENCE: Record<ReminderKind, ReminderAudienceSpec> = {
  'theme-day-eve': { kind: 'branch' },
  'theme-day': { kind: 'branch' },
  'dues-day': { kind: 'branch' },
  'political-birthday': { kind: 'secretary' },
  reelection: { kind: 'secretary-and-admins' },
  'reelection-overdue': { kind: 'secretary-and-admins' },
  'reelection-hard-overdue': { kind: 'secretary-and-admins' },
}

/** Calendar reminders of today that are not due yet: topic and audience only. */
function laterTodayOf(b: ReminderBranch, people: ReminderPerson[], overrides: Record<string, ThemeDayOverride>, now: Date, log: Log): { topic: ReminderTopic; audience: ReminderAudienceSpec }[] {
  const today = beijingDate(now)
  const later = (dueAt: string) => toEpochMs(dueAt) > now.getTime()
  const out: { topic: ReminderTopic; audience: ReminderAudienceSpec }[] = []
  try {
    for (const e of themeDayRemindersOn(b.themeDayRule ?? null, overrides, today)) if (later(e.dueAt)) out.push({ topic: 'theme-day', audience: { kind: 'branch' } })
    const profile = profileOf(b, log)
    const ctx = {
      duesDay: b.duesDay || null,
      members: people.map((p) => ({ id: p.memberId, name: p.name, joinedAt: p.joinedAt })),
      termEndsAt: b.termEndsAt,
      term: profile.term,
      politicalBirthdayLeadDays: profile.reminders.politicalBirthdayLeadDays,
    }
    for (const e of reminderCalendar(ctx, today, today)) if (later(reminderWindow(e).dueAt)) out.push({ topic: KIND_TOPIC[e.kind], audience: KIND_AUDIENCE[e.kind] })
  } catch (e) {
    log.error('branch calendar failed', { branchId: b._id, message: e instanceof Error ? e.message : String(e) })
  }
  return out
}

/** Where a to-do of each topic takes the member (pages other features own are linked when they exist). */
export const TOPIC_LINKS: Partial<Record<ReminderTopic, string>> = {
  'theme-day': '/pages/meetings/index',
  meeting: '/pages/meetings/index',
  dues: '/subpackages/dues/mine/index',
  points: '/subpackages/points/declare/index',
  evaluation: '/subpackages/evaluation/index/index',
  talks: '/subpackages/workbench/talks/index',
}

/** The branch's profile with its overrides (validated once per branch and tick). */
const profiles = new WeakMap<ReminderBranch, Profile>()
const profileOf = (b: ReminderBranch, log: Log): Profile => {
  const hit = profiles.get(b)
  if (hit) return hit
  let p: Profile
  try {
    p = resolveProfile(b.profileId, (b.profileOverrides ?? null) as Parameters<typeof resolveProfile>[1])
  } catch (e) {
    log.error('branch profile overrides invalid; using the base profile', { branchId: b._id, message: e instanceof Error ? e.message : String(e) })
    p = getProfile(b.profileId)
  }
  profiles.set(b, p)
  return p
}

/** The 主题党日 of each month a planned meeting or the published plan fixes, by branch and month. */
async function themeDayOverrides(store: Store, today: string): Promise<Map<string, Record<string, ThemeDayOverride>>> {
  const from = `${monthOf(addDays(today, -40))}-01`
  const to = addDays(today, 40)
  const years = [...new Set([parseDate(from).year, parseDate(to).year])]
  const [meetings, items] = await Promise.all([themeDayMeetings(store, from, to), themeDayPlanItems(store, years, from, to)])
  const out = new Map<string, Record<string, ThemeDayOverride>>()
  const put = (branchId: string, o: ThemeDayOverride, strong: boolean) => {
    const byMonth = out.get(branchId) ?? {}
    const m = monthOf(o.date)
    const cur = byMonth[m]
    // A meeting beats a plan item; within a kind the earlier date wins.
    if (!cur || strong || o.date < cur.date) byMonth[m] = o
    out.set(branchId, byMonth)
  }
  for (const i of [...items].sort((a, b) => (a.date < b.date ? 1 : -1))) put(i.branchId, { date: i.date, time: i.time || null, place: null, topic: i.topic || null }, false)
  for (const m of [...meetings].sort((a, b) => (a.date < b.date ? 1 : -1))) put(m.branchId, { date: m.date, time: m.time || null, place: m.place || null, topic: m.topic || null }, true)
  return out
}

const clip = (s: string, n: number): string => (Array.from(s).length > n ? `${Array.from(s).slice(0, n - 1).join('')}…` : s)

function calendarEvents(b: ReminderBranch, people: ReminderPerson[], overrides: Record<string, ThemeDayOverride>, now: Date, log: Log): PendingEvent[] {
  const profile = profileOf(b, log)
  const out: PendingEvent[] = []
  const base = { branchId: b._id, urgent: false }

  for (const e of dueThemeDayReminders(b.themeDayRule ?? null, overrides, now)) {
    const eve = e.kind === 'theme-day-eve'
    const o = e.override
    const topicLine = o?.topic ? clip(o.topic, 30) : null
    out.push({
      ...base,
      eventKey: `${b._id}:${e.key}`,
      topic: 'theme-day',
      dueAt: e.dueAt,
      expiresAt: e.expiresAt,
      audience: { kind: 'branch' },
      todo: {
        subject: e.subjectDate,
        title: e.title,
        detail: [o?.time ? `${o.time}开始` : null, o?.place ?? null, topicLine].filter(Boolean).join(' · ') || '请按支部通知参加',
        link: TOPIC_LINKS['theme-day'] ?? null,
        dueDate: e.subjectDate,
        until: e.subjectDate,
      },
      message: {
        title: o?.topic ? `主题党日：${o.topic}` : '主题党日',
        date: e.subjectDate,
        time: o?.time ?? null,
        place: o?.place ?? '以支部通知为准',
        note: eve ? '明天是主题党日，请按时参加' : '今天是主题党日，请按时参加',
      },
    })
  }

  const ctx = {
    duesDay: b.duesDay || null,
    members: people.map((p) => ({ id: p.memberId, name: p.name, joinedAt: p.joinedAt })),
    termEndsAt: b.termEndsAt,
    term: profile.term,
    politicalBirthdayLeadDays: profile.reminders.politicalBirthdayLeadDays,
  }
  let calendar: ReturnType<typeof dueReminders> = []
  try {
    calendar = dueReminders(ctx, now)
  } catch (e) {
    log.error('branch calendar failed', { branchId: b._id, message: e instanceof Error ? e.message : String(e) })
  }
  for (const e of calendar) {
    const eventKey = `${b._id}:${e.key}`
    if (e.kind === 'dues-day') {
      out.push({
        ...base,
        eventKey,
        topic: 'dues',
        dueAt: e.dueAt,
        expiresAt: e.expiresAt,
        audience: { kind: 'branch' },
        todo: { subject: `day:${e.subjectDate}`, title: e.title, detail: '请按时交纳党费', link: TOPIC_LINKS.dues ?? null, dueDate: e.subjectDate, until: e.subjectDate },
        message: { title: '党费交纳', date: e.subjectDate, time: null, place: null, note: '今天是本月党费收缴日，请按时交纳' },
      })
    } else if (e.kind === 'political-birthday') {
      out.push({
        ...base,
        eventKey,
        topic: 'political-birthday',
        dueAt: e.dueAt,
        expiresAt: e.expiresAt,
        audience: { kind: 'secretary' },
        todo: {
          subject: `${e.memberId ?? ''}:${e.subjectDate}`,
          title: e.title,
          detail: '可送政治生日贺卡、开展谈心谈话、重温入党誓词',
          link: null,
          dueDate: e.subjectDate,
          until: e.subjectDate,
        },
        message: { title: clip(e.title.replace(/\d{4}年\d{1,2}月\d{1,2}日/, ''), 20), date: e.subjectDate, time: null, place: null, note: `入党${e.years ?? ''}周年，可送贺卡、谈心谈话` },
      })
    } else {
      // 换届: the 书记 and the 上级 admins of the branch.
      out.push({
        ...base,
        eventKey,
        topic: 'reelection',
        dueAt: e.dueAt,
        expiresAt: e.expiresAt,
        audience: { kind: 'secretary-and-admins' },
        todo: { subject: e.key, title: `${b.name}：${e.title}`, detail: null, link: null, dueDate: e.subjectDate, until: e.kind === 'reelection' ? e.subjectDate : TODO_NO_END },
        message: { title: clip(`${b.name}换届`, 20), date: e.subjectDate, time: null, place: null, note: e.title },
      })
    }
  }
  return out
}

/** Everyone an audience of a branch means, resolved against the branch's people and admins. */
function resolveAudience(a: ReminderAudienceSpec, branchId: string, people: ReminderPerson[], admins: ReminderAdmin[]): Recipient[] {
  const member = (p: ReminderPerson, mandatory = false): Recipient => ({ recipientId: p.memberId, memberId: p.memberId, openid: p.openid, branchId: p.branchId, mandatory })
  if (a.kind === 'branch') return people.map((p) => member(p))
  if (a.kind === 'members') {
    const byId = new Map(people.map((p) => [p.memberId, p]))
    return a.memberIds.flatMap((id) => {
      const p = byId.get(id)
      return p ? [member(p, a.mandatory)] : []
    })
  }
  const secretaries = people.filter((p) => p.roles.includes('secretary')).map((p) => member(p))
  if (a.kind === 'secretary') return secretaries
  const seen = new Set(secretaries.map((r) => r.recipientId))
  const out = [...secretaries]
  for (const u of admins) {
    if (!u.adminBranchIds.includes(branchId)) continue
    const id = recipientIdOf({ memberId: u.memberId, openid: u.openid })
    if (!id || seen.has(id)) continue
    seen.add(id)
    out.push({ recipientId: id, memberId: u.memberId, openid: u.openid, branchId: null, mandatory: false })
  }
  return out
}

/** Every reminder due at `now`, recipients resolved, and what is still to come today. */
export async function collectDueEvents(store: Store, now: Date, log: Log): Promise<DuePlan> {
  const nowIso = now.toISOString()
  const today = beijingDate(now)
  const soon = new Date(now.getTime() + MEETING_LEAD_MINUTES * 60_000).toISOString()
  const [branches, overrides, meetings, rounds, pointsDays, feed] = await Promise.all([
    reminderBranches(store),
    themeDayOverrides(store, today),
    meetingsStartingBetween(store, nowIso, soon),
    openEvaluationRounds(store, today),
    pointsDeadlineDays(store),
    store.findAll('reminder_events', { dueAt: store.cmd.lte(nowIso), expiresAt: store.cmd.gt(nowIso), cancelled: false }),
  ])
  const branchIds = branches.map((b) => b._id)
  const people = await reminderPeople(store, branchIds)
  const peopleOf = new Map<string, ReminderPerson[]>()
  for (const p of people) peopleOf.set(p.branchId, [...(peopleOf.get(p.branchId) ?? []), p])
  const known = new Set(branchIds)

  const pending: PendingEvent[] = []
  const upcoming: { branchId: string; topic: ReminderTopic; audience: ReminderAudienceSpec }[] = []
  for (const b of branches) {
    const ps = peopleOf.get(b._id) ?? []
    const os = overrides.get(b._id) ?? {}
    pending.push(...calendarEvents(b, ps, os, now, log))
    for (const u of laterTodayOf(b, ps, os, now, log)) upcoming.push({ branchId: b._id, ...u })
  }

  for (const m of meetings) {
    // The 主题党日 has its own reminders (the day before and that morning): no third one.
    if (m.kind === 'theme-day' || !known.has(m.branchId)) continue
    const leave = new Set(m.leaveIds ?? [])
    const name = m.topic || MEETING_KIND_LABELS[m.kind]
    pending.push({
      eventKey: `meeting:${m._id}:${m.startsAt}`,
      topic: 'meeting',
      branchId: m.branchId,
      dueAt: new Date(toEpochMs(m.startsAt) - MEETING_LEAD_MINUTES * 60_000).toISOString(),
      expiresAt: m.startsAt,
      urgent: true,
      audience: { kind: 'members', memberIds: (m.rosterIds ?? []).filter((id) => !leave.has(id)), mandatory: true },
      todo: { subject: m._id, title: `${m.time}${MEETING_KIND_LABELS[m.kind]}：${clip(name, 20)}`, detail: m.place || null, link: TOPIC_LINKS.meeting ?? null, dueDate: m.date, until: m.date },
      message: { title: name, date: m.date, time: m.time, place: m.place || '以会议通知为准', note: '会议将于2小时内开始，请准时参加' },
    })
  }

  for (const r of rounds) {
    if (!known.has(r.branchId)) continue
    const w = evaluationOpenWindow(r.votingFrom, r.votingTo)
    if (!(toEpochMs(w.dueAt) <= now.getTime() && now.getTime() < toEpochMs(w.expiresAt))) continue
    pending.push({
      eventKey: `evaluation-open:${r._id}`,
      topic: 'evaluation',
      branchId: r.branchId,
      ...w,
      urgent: false,
      audience: { kind: 'members', memberIds: r.voterIds ?? [], mandatory: false },
      todo: { subject: r._id, title: `${r.title || '民主评议'}：请在${formatDateCN(r.votingTo)}前投票`, detail: null, link: TOPIC_LINKS.evaluation ?? null, dueDate: r.votingTo, until: r.votingTo },
      message: { title: r.title || '民主评议党员', date: r.votingTo, time: null, place: null, note: '民主测评已开始，请在截止前完成投票' },
    })
  }

  for (const p of pointsDays) {
    if (!known.has(p.branchId)) continue
    const d = duePointsDeadline(p.deadlineDay, now)
    if (!d) continue
    const m = Number(d.month.slice(5))
    pending.push({
      eventKey: `points-deadline:${p.branchId}:${d.month}`,
      topic: 'points',
      branchId: p.branchId,
      dueAt: d.dueAt,
      expiresAt: d.expiresAt,
      urgent: false,
      audience: { kind: 'branch' },
      todo: { subject: d.month, title: `${m}月积分申报${formatDateCN(d.deadline)}截止`, detail: null, link: TOPIC_LINKS.points ?? null, dueDate: d.deadline, until: d.deadline },
      message: { title: `${m}月积分申报`, date: d.deadline, time: null, place: null, note: `${m}月积分申报即将截止，请及时申报` },
    })
  }

  const talksDue = dueMonthlyTalksReminder(now)
  if (talksDue) {
    const year = parseDate(today).year
    const talks = await talksOfYear(store, branchIds, year)
    for (const b of branches) {
      const ps = peopleOf.get(b._id) ?? []
      const secretaryId = ps.find((p) => p.roles.includes('secretary'))?.memberId ?? null
      if (!secretaryId) continue
      const rows = talkCoverage({
        talks: talks.filter((t) => t.branchId === b._id),
        frequencies: profileOf(b, log).talks,
        secretaryId,
        committeeIds: ps.filter((p) => p.roles.some((r) => COMMITTEE_ROLES.includes(r))).map((p) => p.memberId),
        members: ps.map((p) => ({ id: p.memberId, name: p.name })),
        year,
        today,
      }).filter((r) => r.status === 'missing' || r.status === 'overdue')
      const owed = rows.reduce((n, r) => n + r.missing.length, 0)
      if (owed === 0) continue
      const first = rows[0] as (typeof rows)[number]
      pending.push({
        eventKey: `talks-gaps:${b._id}:${talksDue.month}`,
        topic: 'talks',
        branchId: b._id,
        dueAt: talksDue.dueAt,
        expiresAt: talksDue.expiresAt,
        urgent: false,
        audience: { kind: 'secretary' },
        todo: {
          subject: talksDue.month,
          title: `谈心谈话还有${owed}项未完成`,
          detail: rows.map((r) => `${r.label}（${r.periodLabel}）${r.missing.length}项`).join('；'),
          link: TOPIC_LINKS.talks ?? null,
          dueDate: today,
          until: addDays(today, 30),
        },
        message: { title: '谈心谈话提醒', date: today, time: null, place: null, note: `${first.label}等还有${owed}项未谈` },
      })
    }
  }

  for (const f of feed) {
    if (!known.has(f.branchId)) continue
    pending.push({
      eventKey: f._id,
      topic: f.topic,
      branchId: f.branchId,
      dueAt: f.dueAt,
      expiresAt: f.expiresAt,
      urgent: f.urgent,
      audience: f.audience,
      todo: f.todo,
      message: { ...f.message, title: f.message.title || TOPIC_LABELS[f.topic] },
    })
  }

  const adminBranches = [...new Set([...pending, ...upcoming].filter((e) => e.audience.kind === 'secretary-and-admins').map((e) => e.branchId))]
  const admins = adminBranches.length ? await reminderAdmins(store, adminBranches) : []
  const laterToday = new Map<string, number>()
  for (const u of upcoming) {
    const p = REMINDER_TOPIC_PRIORITY[u.topic]
    for (const r of resolveAudience(u.audience, u.branchId, peopleOf.get(u.branchId) ?? [], admins)) {
      if (p < (laterToday.get(r.recipientId) ?? Infinity)) laterToday.set(r.recipientId, p)
    }
  }
  const events = pending.map(({ audience, ...e }) => ({ ...e, recipients: resolveAudience(audience, e.branchId, peopleOf.get(e.branchId) ?? [], admins) }))
  return { events, laterToday }
}
