/** points.updateSettings — whether members see the yearly ranking (off by default: anti-形式主义); audited. */
import type { points } from '@shared/contract/points'
import type { Handler } from '../../_kit/create-main'
import { branchIdOf } from '../access'
import { ensureHead } from '../engine'

export const updateSettings: Handler<typeof points.actions.updateSettings> = async (input, ctx) => {
  const branchId = branchIdOf(input, ctx)
  ctx.authorize({ branchId })
  const head = await ensureHead(ctx.store, branchId, ctx.now)
  await ctx.store.update('points_branches', branchId, { publishRanking: input.publishRanking, updatedAt: ctx.now.toISOString() })
  await ctx.audit({
    branchId,
    action: 'points.updateSettings',
    targetId: branchId,
    summary: input.publishRanking ? '向全体党员公开年度积分排名' : '不向党员公开年度积分排名',
    before: { publishRanking: head.publishRanking },
    after: { publishRanking: input.publishRanking },
  })
  return { publishRanking: input.publishRanking }
}
