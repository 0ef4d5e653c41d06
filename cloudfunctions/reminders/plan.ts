/**
 * What is due now, from every source, with its recipients resolved. Each domain plans its own reminders
 * (`<domain>/public/reminders.ts`, one `ReminderPlan` signature in `_kit/reminder-plan.ts`): meetings (主题党日
 * from the planned meeting, the published plan or the fixed-day rule; meetings starting within 2 hours), dues
 * (党费收缴日), org (政治生日, 换届), evaluation (民主评议 voting opening), points (积分 申报 deadline), workbench
 * (谈心谈话 gaps); this module reads the branches, their people and the reminders other domains scheduled
 * (`reminder_events`), computes each branch's calendar once, combines the plans and resolves audiences.
 * Reads are one query per source over all branches.
 */
import { TOPIC_LABELS, type ReminderTopic } from '@shared/contract/reminders'
import { getProfile, resolveProfile, type Profile } from '@shared/profiles'
import { REMINDER_TOPIC_PRIORITY } from '@shared/rules/reminders/push'
import { reminderCalendar, type ReminderEvent } from '@shared/rules/reminders/calendar'
import { dueReminders, reminderWindow, type DueReminder } from '@shared/rules/reminders/schedule'
import { beijingDate, toEpochMs } from '@shared/rules/time'
import type { ReminderAudienceSpec } from '../_kit/documents'
import type { Log } from '../_kit/log'
import type { BranchPlanInput, PlannedReminder, ReminderPlan, ReminderPlanContext } from '../_kit/reminder-plan'
import type { Store } from '../_kit/store'
import { recipientIdOf } from '../_kit/todos'
import { planDuesReminders } from '../dues/public/reminders'
import { planEvaluationReminders } from '../evaluation/public/reminders'
import { planMeetingReminders } from '../meetings/public/reminders'
import { planOrgReminders } from '../org/public/reminders'
import { reminderAdmins, reminderBranches, reminderPeople, type ReminderAdmin, type ReminderBranch, type ReminderPerson } from '../org/public/recipients'
import { planPointsReminders } from '../points/public/reminders'
import { planWorkbenchReminders } from '../workbench/public/reminders'

export type { MessageValues } from '../_kit/reminder-plan'

export interface Recipient {
  recipientId: string
  memberId: string | null
  openid: string | null
  branchId: string | null
  /** Sent even if the recipient switched the topic off (a meeting they are 应到 for). */
  mandatory: boolean
}

export interface DueEvent extends Omit<PlannedReminder, 'audience'> {
  recipients: Recipient[]
}

export interface DuePlan {
  events: DueEvent[]
  /**
   * Per recipient, the most important topic (lowest priority number) of a calendar reminder still to
   * come later today: a less important one now would use up the day's only push.
   */
  laterToday: Map<string, number>
}

/** Every domain's planning, in the order their reminders are listed. */
const PLANS: readonly ReminderPlan[] = [planMeetingReminders, planDuesReminders, planOrgReminders, planEvaluationReminders, planPointsReminders, planWorkbenchReminders]

/** The branch's profile with its overrides (validated once per branch and tick). */
function profileOf(b: ReminderBranch, log: Log): Profile {
  try {
    return resolveProfile(b.profileId, (b.profileOverrides ?? null) as Parameters<typeof resolveProfile>[1])
  } catch (e) {
    log.error('branch profile overrides invalid; using the base profile', { branchId: b._id, message: e instanceof Error ? e.message : String(e) })
    return getProfile(b.profileId)
  }
}

/** The branch calendar (党费收缴日, 政治生日, 换届): what is due now and what of today is still to come. */
function calendarOf(b: ReminderBranch, people: readonly ReminderPerson[], profile: Profile, now: Date, log: Log): Pick<BranchPlanInput, 'calendar' | 'calendarLater'> {
  const today = beijingDate(now)
  const ctx = {
    duesDay: b.duesDay || null,
    members: people.map((p) => ({ id: p.memberId, name: p.name, joinedAt: p.joinedAt })),
    termEndsAt: b.termEndsAt,
    term: profile.term,
    politicalBirthdayLeadDays: profile.reminders.politicalBirthdayLeadDays,
  }
  const failed = (e: unknown) => log.error('branch calendar failed', { branchId: b._id, message: e instanceof Error ? e.message : String(e) })
  let calendar: DueReminder[] = []
  try {
    calendar = dueReminders(ctx, now)
  } catch (e) {
    failed(e)
  }
  let calendarLater: ReminderEvent[] = []
  try {
    calendarLater = reminderCalendar(ctx, today, today).filter((e) => toEpochMs(reminderWindow(e).dueAt) > now.getTime())
  } catch (e) {
    failed(e)
  }
  return { calendar, calendarLater }
}

/** Everyone an audience of a branch means, resolved against the branch's people and admins. */
function resolveAudience(a: ReminderAudienceSpec, branchId: string, people: readonly ReminderPerson[], admins: ReminderAdmin[]): Recipient[] {
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
  const [branches, feed, ...steps] = await Promise.all([
    reminderBranches(store),
    store.findAll('reminder_events', { dueAt: store.cmd.lte(nowIso), expiresAt: store.cmd.gt(nowIso), cancelled: false }),
    ...PLANS.map((plan) => plan(store, now)),
  ])
  const branchIds = branches.map((b) => b._id)
  const people = await reminderPeople(store, branchIds)
  const peopleOf = new Map<string, ReminderPerson[]>()
  for (const p of people) peopleOf.set(p.branchId, [...(peopleOf.get(p.branchId) ?? []), p])
  const known = new Set(branchIds)

  const ctx: ReminderPlanContext = {
    now,
    today,
    log,
    known,
    branches: branches.map((b) => {
      const ps = peopleOf.get(b._id) ?? []
      const profile = profileOf(b, log)
      return { branch: b, people: ps, profile, ...calendarOf(b, ps, profile, now, log) }
    }),
  }
  const pending: PlannedReminder[] = []
  const upcoming: { branchId: string; topic: ReminderTopic; audience: ReminderAudienceSpec }[] = []
  for (const step of steps) {
    const planned = await step(ctx)
    pending.push(...planned.pending)
    upcoming.push(...planned.later)
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
