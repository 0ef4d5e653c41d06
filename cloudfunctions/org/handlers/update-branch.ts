/** org.updateBranch — profile, 主题党日 rule, term dates, dues day and 党小组; audited with before/after. */
import { AppError } from '@shared/contract/errors'
import type { org } from '@shared/contract/org'
import type { GroupDoc, OrgDoc } from '../documents'
import { loadBranch } from '../public/branches'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { newId } from '../../_kit/ids'
import { branchView } from '../views'

export const updateBranch: Handler<typeof org.actions.updateBranch, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const before = await loadBranch(ctx.store, branchId)
    const patch: Partial<OrgDoc> = { updatedAt: ctx.now.toISOString() }
    if (input.name !== undefined) patch.name = input.name
    if (input.profileId !== undefined) patch.profileId = input.profileId
    if (input.themeDayRule !== undefined) patch.themeDayRule = input.themeDayRule
    if (input.termStartedAt !== undefined) patch.termStartedAt = input.termStartedAt
    if (input.termEndsAt !== undefined) patch.termEndsAt = input.termEndsAt
    if (input.duesDay !== undefined) patch.duesDay = input.duesDay
    const start = patch.termStartedAt !== undefined ? patch.termStartedAt : before.termStartedAt
    const end = patch.termEndsAt !== undefined ? patch.termEndsAt : before.termEndsAt
    if (start && end && end <= start) throw new AppError('INVALID_INPUT', '任期届满日期应晚于任期开始日期')

    if (input.groups !== undefined) {
      const groups: GroupDoc[] = input.groups.map((g) => ({ id: g.id ?? newId('g'), name: g.name, leaderId: g.leaderId ?? null }))
      const names = new Set(groups.map((g) => g.name))
      if (names.size !== groups.length) throw new AppError('INVALID_INPUT', '党小组名称不能重复')
      const removed = before.groups.filter((g) => !groups.some((n) => n.id === g.id))
      for (const g of removed) {
        const n = await ctx.store.count('members', { branchId, active: true, groupId: g.id })
        if (n > 0) throw new AppError('RULE_VIOLATED', `党小组“${g.name}”还有${n}名党员，请先调整他们的党小组`)
      }
      patch.groups = groups
    }
    const after: OrgDoc = { ...before, ...patch }
    await ctx.store.update('orgs', branchId, patch)
    await ctx.audit({ branchId, action: 'org.updateBranch', targetId: branchId, summary: `修改支部设置`, before, after })
    return branchView(after)
  },
}
