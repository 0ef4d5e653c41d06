/**
 * points.updateSettings — whether members see the yearly ranking and whether items marked as needing evidence
 * really require a photo (both off by default: anti-形式主义, 国办函〔2026〕12号); audited.
 */
import type { points } from '@shared/contract/points'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { ensureHead } from '../engine'

const summaryOf = (publishRanking: boolean, requireEvidence: boolean): string =>
  `${publishRanking ? '向全体党员公开年度积分排名' : '不向党员公开年度积分排名'}；${requireEvidence ? '积分申报按项目要求上传证明照片' : '积分申报照片均为选填'}`

export const updateSettings: Handler<typeof points.actions.updateSettings, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const head = await ensureHead(ctx.store, branchId, ctx.now)
    const wasEvidence = head.requireEvidence ?? false
    const requireEvidence = input.requireEvidence ?? wasEvidence
    const patch = input.requireEvidence === undefined ? { publishRanking: input.publishRanking } : { publishRanking: input.publishRanking, requireEvidence }
    await ctx.store.update('points_branches', branchId, { ...patch, updatedAt: ctx.now.toISOString() })
    const evidenceChanged = requireEvidence !== wasEvidence
    await ctx.audit({
      branchId,
      action: 'points.updateSettings',
      targetId: branchId,
      // The ranking-only summary stays as it was; a change of the evidence rule names both.
      summary: evidenceChanged ? summaryOf(input.publishRanking, requireEvidence) : input.publishRanking ? '向全体党员公开年度积分排名' : '不向党员公开年度积分排名',
      before: evidenceChanged ? { publishRanking: head.publishRanking, requireEvidence: wasEvidence } : { publishRanking: head.publishRanking },
      after: evidenceChanged ? { publishRanking: input.publishRanking, requireEvidence } : { publishRanking: input.publishRanking },
    })
    return { publishRanking: input.publishRanking, requireEvidence }
  },
}
