/** meetings.getPlan — the year's plan: members see it once published; a draft only the 支委 and 上级 admins. */
import type { meetings } from '@shared/contract/meetings'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { isCommitteeCaller } from '../model'
import { planId, planView } from './plan-view'

export const getPlan: Handler<typeof meetings.actions.getPlan, string> = {
  target: branchTarget,
  run: async ({ year }, ctx, branchId) => {
    const doc = await ctx.store.get('meeting_plans', planId(branchId, year))
    // A draft is the 支委's work in progress; members see the plan once published.
    const mayDraft = ctx.grants.includes('org-admin') || (ctx.caller.branchId === branchId && isCommitteeCaller(ctx.caller))
    return planView(branchId, year, doc && (doc.status === 'published' || mayDraft) ? doc : null)
  },
}
