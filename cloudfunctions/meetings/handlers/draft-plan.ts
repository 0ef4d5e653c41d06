/**
 * meetings.draftPlan — the 支委 draft the year's plan from the branch profile (主题党日 on the branch's
 * fixed day, each kind at its required frequency); it replaces an unpublished draft.
 */
import { AppError } from '@shared/contract/errors'
import type { meetings } from '@shared/contract/meetings'
import { draftAnnualPlan } from '@shared/rules/meetings/plan'
import { branchTarget, type Handler } from '../../_kit/create-main'
import type { MeetingPlanDoc } from '../documents'
import { loadBranch } from '../../org/public/branches'
import { profileOf } from '../model'
import { planId, planView } from './plan-view'

export const draftPlan: Handler<typeof meetings.actions.draftPlan, string> = {
  target: branchTarget,
  run: async ({ year }, ctx, branchId) => {
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
  },
}
