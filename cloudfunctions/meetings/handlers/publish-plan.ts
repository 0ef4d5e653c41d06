/**
 * meetings.publishPlan — publishing the plan to members sets up a meeting per item dated today or later
 * (deterministic ids, so a repeated publish adds nothing) with the 书记 (or the 党小组长) as host and the
 * 组织委员 as recorder. Audited.
 */
import { AppError } from '@shared/contract/errors'
import type { meetings } from '@shared/contract/meetings'
import { MEETING_KIND_LABELS } from '@shared/rules/meetings/kinds'
import { beijingDate } from '@shared/rules/time'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { type MemberDoc, type OrgDoc, branchMembers, loadBranch } from '../../org/public/branches'
import { stableId } from '../../_kit/ids'
import { isDuplicate } from '../../_kit/store'
import { meetingFromFields, newMeetingState } from '../model'
import { planId, planView } from './plan-view'

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

export const publishPlan: Handler<typeof meetings.actions.publishPlan, string> = {
  target: branchTarget,
  run: async ({ year }, ctx, branchId) => {
    const { store, now, caller } = ctx
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
  },
}
