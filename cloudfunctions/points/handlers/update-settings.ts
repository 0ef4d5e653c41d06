/** points.updateSettings — whether members see the yearly ranking (off by default: anti-形式主义); audited. */
import type { points } from '@shared/contract/points'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { ensureHead } from '../engine'

export const updateSettings: Handler<typeof points.actions.updateSettings, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
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
  },
}
