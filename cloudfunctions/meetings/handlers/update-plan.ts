/** meetings.updatePlan — the 支委 edit the draft plan's items (dates in the year, 党小组 of the branch), kept in date order. */
import { AppError } from '@shared/contract/errors'
import type { meetings } from '@shared/contract/meetings'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { loadBranch } from '../../org/public/branches'
import { planId, planView } from './plan-view'

export const updatePlan: Handler<typeof meetings.actions.updatePlan, string> = {
  target: branchTarget,
  run: async ({ year, items }, ctx, branchId) => {
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
  },
}
