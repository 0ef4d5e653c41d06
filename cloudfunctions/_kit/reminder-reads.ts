/**
 * What the reminders timer reads from other domains' collections, each as one query over every branch
 * (never a query per member): branches and their people, planned meetings and the published plans
 * (主题党日 dates, meetings 2 h ahead), open 民主评议 rounds and each branch's 积分 申报 deadline day.
 * Owners of those collections: keep these projections in step with your documents.
 */
import type { MeetingKind } from '@shared/rules/meetings'
import type { BranchRole } from '@shared/contract/roles'
import type { OrgDoc } from './collections'
import type { Store } from './store'

export type ReminderBranch = Pick<OrgDoc, '_id' | 'name' | 'profileId' | 'profileOverrides' | 'themeDayRule' | 'termEndsAt' | 'duesDay'>

export interface ReminderPerson {
  memberId: string
  branchId: string
  name: string
  openid: string | null
  roles: BranchRole[]
  joinedAt: string
}

export interface ReminderAdmin {
  openid: string
  memberId: string | null
  adminBranchIds: string[]
}

export interface ReminderMeeting {
  _id: string
  branchId: string
  kind: MeetingKind
  topic: string
  date: string
  time: string
  startsAt: string
  place: string
  status: 'planned' | 'held' | 'cancelled'
  rosterIds: string[]
  leaveIds: string[]
}

export interface ReminderPlanItem {
  branchId: string
  kind: MeetingKind
  date: string
  time: string
  topic: string
}

const IN_CHUNK = 500

const chunks = <T>(xs: readonly T[], n = IN_CHUNK): T[][] => {
  const out: T[][] = []
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n))
  return out
}

/** Every 党支部 (branch settings only). */
export const reminderBranches = async (store: Store): Promise<ReminderBranch[]> =>
  store.findAll('orgs', { kind: 'branch' }, { fields: { _id: true, name: true, profileId: true, profileOverrides: true, themeDayRule: true, termEndsAt: true, duesDay: true } })

/** Active members of these branches (one request per 1000 members). */
export const reminderPeople = async (store: Store, branchIds: readonly string[]): Promise<ReminderPerson[]> => {
  const out: ReminderPerson[] = []
  for (const ids of chunks(branchIds)) {
    const rows = await store.findAll(
      'members',
      { branchId: store.cmd.in(ids), active: true },
      { fields: { _id: true, branchId: true, name: true, openid: true, roles: true, joinedAt: true } },
    )
    for (const m of rows) out.push({ memberId: m._id, branchId: m.branchId, name: m.name, openid: m.openid ?? null, roles: m.roles ?? [], joinedAt: m.joinedAt })
  }
  return out
}

/** 上级 admins over any of these branches. */
export const reminderAdmins = async (store: Store, branchIds: readonly string[]): Promise<ReminderAdmin[]> => {
  const out: ReminderAdmin[] = []
  for (const ids of chunks(branchIds)) {
    const rows = await store.findAll('users', { adminBranchIds: store.cmd.in(ids) }, { fields: { _id: true, memberId: true, adminBranchIds: true } })
    for (const u of rows) out.push({ openid: u._id, memberId: u.memberId ?? null, adminBranchIds: u.adminBranchIds ?? [] })
  }
  return out
}

const MEETING_FIELDS = { _id: true, branchId: true, kind: true, topic: true, date: true, time: true, startsAt: true, place: true, status: true, rosterIds: true, leaveIds: true }

/** Planned meetings starting in `(fromIso, toIso]`. */
export const meetingsStartingBetween = async (store: Store, fromIso: string, toIso: string): Promise<ReminderMeeting[]> =>
  (await store.findAll(
    'meetings',
    { status: 'planned', startsAt: store.cmd.gt(fromIso).and(store.cmd.lte(toIso)) },
    { fields: MEETING_FIELDS },
  )) as ReminderMeeting[]

/** 主题党日 meetings (planned or held) dated within `[from, to]` (Beijing dates). */
export const themeDayMeetings = async (store: Store, from: string, to: string): Promise<ReminderMeeting[]> =>
  (await store.findAll(
    'meetings',
    { kind: 'theme-day', status: store.cmd.neq('cancelled'), date: store.cmd.gte(from).and(store.cmd.lte(to)) },
    { fields: MEETING_FIELDS },
  )) as ReminderMeeting[]

/** 主题党日 items of the published plans of these years dated within `[from, to]`. */
export const themeDayPlanItems = async (store: Store, years: readonly number[], from: string, to: string): Promise<ReminderPlanItem[]> => {
  const plans = await store.findAll('meeting_plans', { status: 'published', year: store.cmd.in([...years]) }, { fields: { branchId: true, items: true } })
  const out: ReminderPlanItem[] = []
  for (const p of plans) {
    for (const i of p.items ?? []) {
      if (i.kind === 'theme-day' && i.date >= from && i.date <= to) out.push({ branchId: p.branchId, kind: i.kind, date: i.date, time: i.time, topic: i.topic })
    }
  }
  return out
}

/** Open 民主评议 rounds whose voting runs on `today`. */
export const openEvaluationRounds = async (store: Store, today: string): Promise<{ _id: string; branchId: string; title: string; votingFrom: string; votingTo: string; voterIds: string[] }[]> =>
  store.findAll(
    'eval_rounds',
    { status: 'open', votingFrom: store.cmd.lte(today), votingTo: store.cmd.gte(today) },
    { fields: { _id: true, branchId: true, title: true, votingFrom: true, votingTo: true, voterIds: true } },
  )

/** Each branch with a published 积分 scheme, and its monthly 申报 deadline day. */
export const pointsDeadlineDays = async (store: Store): Promise<{ branchId: string; deadlineDay: number }[]> => {
  // One document per branch: read them all (a deliberate scan) rather than index an object field.
  const rows = await store.findAll('points_branches', {}, { fields: { branchId: true, current: true } })
  return rows
    .map((r) => ({ branchId: r.branchId, deadlineDay: r.current?.scheme?.declareDeadlineDay ?? 0 }))
    .filter((r) => r.deadlineDay >= 1 && r.deadlineDay <= 28)
}

/** The year's 谈心谈话 records of these branches (removed ones left out). */
export const talksOfYear = async (store: Store, branchIds: readonly string[], year: number): Promise<{ branchId: string; date: string; byId: string; withId: string }[]> => {
  const out: { branchId: string; date: string; byId: string; withId: string }[] = []
  for (const ids of chunks(branchIds)) {
    const rows = await store.findAll('talks', { branchId: store.cmd.in(ids), year }, { fields: { branchId: true, date: true, byId: true, withId: true, removedAt: true } })
    for (const t of rows) if (!t.removedAt) out.push({ branchId: t.branchId, date: t.date, byId: t.byId, withId: t.withId })
  }
  return out
}
