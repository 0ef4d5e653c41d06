/**
 * The annual plan [HN: 年初制定、向全体党员公布]: 支委 draft it from the branch profile (主题党日 on the
 * branch's fixed day, each kind at its required frequency), edit the items, and publish — publishing sets
 * up a meeting per item dated today or later (deterministic ids, so a repeated publish adds nothing) with
 * the 书记 (or the 党小组长) as host and the 组织委员 as recorder; members see the published plan.
 */
import { AppError } from '@shared/contract/errors'
import type { meetings, Plan } from '@shared/contract/meetings'
import { draftAnnualPlan } from '@shared/rules/meetings-extra'
import { MEETING_KIND_LABELS } from '@shared/rules/meetings'
import { beijingDate } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import type { MeetingPlanDoc, MemberDoc, OrgDoc } from '../../_kit/collections'
import { stableId } from '../../_kit/ids'
import { branchMembers, loadBranch } from '../../_kit/org-data'
import { isDuplicate } from '../../_kit/store'
import { isCommitteeCaller, meetingFromFields, newMeetingState, profileOf } from '../model'

export const planId = (branchId: string, year: number): string => `${branchId}_${year}`

const planView = (branchId: string, year: number, doc: MeetingPlanDoc | null): Plan =>
  doc
    ? { id: doc._id, branchId, year, status: doc.status, items: doc.items, publishedAt: doc.publishedAt, updatedAt: doc.updatedAt }
    : { id: planId(branchId, year), branchId, year, status: 'none', items: [], publishedAt: null, updatedAt: null }

export const getPlan: Handler<typeof meetings.actions.getPlan> = async ({ branchId: given, year }, ctx) => {
  const branchId = given ?? ctx.caller.branchId ?? ''
  const grants = ctx.authorize({ branchId })
  const doc = await ctx.store.get('meeting_plans', planId(branchId, year))
  // A draft is the 支委's work in progress; members see the plan once published.
  const mayDraft = grants.includes('org-admin') || (ctx.caller.branchId === branchId && isCommitteeCaller(ctx.caller))
  return planView(branchId, year, doc && (doc.status === 'published' || mayDraft) ? doc : null)
}

export const draftPlan: Handler<typeof meetings.actions.draftPlan> = async ({ branchId: given, year }, ctx) => {
  const branchId = given ?? ctx.caller.branchId ?? ''
  ctx.authorize({ branchId })
  const id = planId(branchId, year)
  const [branch, existing] = await Promise.all([loadBranch(ctx.store, branchId), ctx.store.get('meeting_plans', id)])
  if (existing?.status === 'published') throw new AppError('CONFLICT', `${year}年计划已公布，请直接调整具体会议`)
  const items = draftAnnualPlan({ year, requirements: profileOf(branch).meetings.requirements, themeDayRule: branch.themeDayRule, groups: branch.groups }).map((i) => ({
    ...i,
    meetingId: null,
  }))
  const nowIso = ctx.now.toISOString()
  const doc: Omit<MeetingPlanDoc, '_id'> = { branchId, year, status: 'draft', items, createdAt: existing?.createdAt ?? nowIso, updatedAt: nowIso, publishedAt: null, publishedBy: null }
  await ctx.store.set('meeting_plans', id, doc)
  return planView(branchId, year, { _id: id, ...doc })
}

export const updatePlan: Handler<typeof meetings.actions.updatePlan> = async ({ branchId: given, year, items }, ctx) => {
  const branchId = given ?? ctx.caller.branchId ?? ''
  ctx.authorize({ branchId })
  const id = planId(branchId, year)
  const [branch, existing] = await Promise.all([loadBranch(ctx.store, branchId), ctx.store.get('meeting_plans', id)])
  if (!existing) throw new AppError('NOT_FOUND', '请先生成年度计划草稿')
  if (existing.status === 'published') throw new AppError('CONFLICT', `${year}年计划已公布，请直接调整具体会议`)
  const keys = new Set<string>()
  const next = items.map((i, n) => {
    if (!i.date.startsWith(`${year}-`)) throw new AppError('INVALID_INPUT', `第${n + 1}项的日期不在${year}年内`)
    const groupId = i.groupId ?? null
    if (groupId !== null && !branch.groups.some((g) => g.id === groupId)) throw new AppError('INVALID_INPUT', `第${n + 1}项的党小组不存在`)
    if (i.kind === 'group' && groupId === null) throw new AppError('INVALID_INPUT', `第${n + 1}项是党小组会，请选择党小组`)
    const key = i.key ?? `item-${n + 1}-${i.date}`
    if (keys.has(key)) throw new AppError('INVALID_INPUT', '计划项重复')
    keys.add(key)
    return { key, kind: i.kind, date: i.date, time: i.time, groupId, topic: i.topic, bySecretary: i.bySecretary ?? false, meetingId: null }
  })
  next.sort((a, b) => (a.date === b.date ? a.time.localeCompare(b.time) : a.date < b.date ? -1 : 1))
  const nowIso = ctx.now.toISOString()
  await ctx.store.update('meeting_plans', id, { items: next, updatedAt: nowIso })
  return planView(branchId, year, { ...existing, items: next, updatedAt: nowIso })
}

/** Default host and recorder: the 书记 (a group's 党小组长 for its 党小组会) and the 组织委员. */
const defaultPeople = (branch: OrgDoc, members: readonly MemberDoc[], groupId: string | null): { hostId: string; recorderId: string } => {
  const active = members.filter((m) => m.active)
  const withRole = (r: MemberDoc['roles'][number]) => active.find((m) => m.roles.includes(r))
  const secretary = withRole('secretary') ?? withRole('deputy-secretary')
  if (!secretary) throw new AppError('RULE_VIOLATED', '请先设置支部书记，再公布年度计划')
  const recorder = withRole('organizer') ?? secretary
  if (groupId === null) return { hostId: secretary._id, recorderId: recorder._id }
  const leaderId = branch.groups.find((g) => g.id === groupId)?.leaderId
  const leader = active.find((m) => m._id === leaderId) ?? secretary
  const groupRecorder = active.find((m) => m.groupId === groupId && m._id !== leader._id) ?? recorder
  return { hostId: leader._id, recorderId: groupRecorder._id }
}

export const publishPlan: Handler<typeof meetings.actions.publishPlan> = async ({ branchId: given, year }, ctx) => {
  const { store, now, caller } = ctx
  const branchId = given ?? caller.branchId ?? ''
  ctx.authorize({ branchId })
  const id = planId(branchId, year)
  const [branch, plan, members] = await Promise.all([loadBranch(store, branchId), store.get('meeting_plans', id), branchMembers(store, branchId)])
  if (!plan) throw new AppError('NOT_FOUND', '请先生成年度计划草稿')
  if (plan.status === 'published') throw new AppError('CONFLICT', `${year}年计划已公布`)
  if (plan.items.length === 0) throw new AppError('RULE_VIOLATED', '计划中还没有会议安排')
  const today = beijingDate(now)
  const nowIso = now.toISOString()
  const items = plan.items.map((i) => ({ ...i, meetingId: i.date >= today ? stableId('mt', id, i.key) : null }))
  const secretaryId = defaultPeople(branch, members, null).hostId

  // Create the meetings ten at a time; a duplicate (a repeated or concurrent publish) is already there.
  const toCreate = items.filter((i) => i.meetingId !== null)
  for (let k = 0; k < toCreate.length; k += 10) {
    await Promise.all(
      toCreate.slice(k, k + 10).map(async (i) => {
        const people = defaultPeople(branch, members, i.groupId)
        const fields = meetingFromFields(
          { kind: i.kind, topic: i.topic, date: i.date, time: i.time, place: '支部活动室', groupId: i.groupId, hostId: i.bySecretary ? secretaryId : people.hostId, recorderId: people.recorderId },
          branch,
          members,
        )
        try {
          await store.add('meetings', { _id: i.meetingId as string, ...fields, ...newMeetingState(caller.memberId, nowIso), planId: id, planKey: i.key })
        } catch (e) {
          if (!isDuplicate(e)) throw e
        }
      }),
    )
  }
  const n = await store.updateWhere('meeting_plans', { _id: id, status: 'draft' }, { status: 'published', items, publishedAt: nowIso, publishedBy: caller.memberId, updatedAt: nowIso })
  if (n === 0) throw new AppError('CONFLICT', `${year}年计划已公布`)
  const counts = new Map<string, number>()
  for (const i of toCreate) counts.set(MEETING_KIND_LABELS[i.kind], (counts.get(MEETING_KIND_LABELS[i.kind]) ?? 0) + 1)
  await ctx.audit({
    branchId,
    action: 'meetings.publishPlan',
    targetId: id,
    summary: `公布${year}年组织生活计划：${[...counts].map(([k, v]) => `${k}${v}次`).join('、')}`,
  })
  return planView(branchId, year, { ...plan, status: 'published', items, publishedAt: nowIso, publishedBy: caller.memberId, updatedAt: nowIso })
}
