/** points.answerObjection — a 支委 answers a member's objection (corrections go through recordEntry / revokeEntry); audited. */
import { AppError } from '@shared/contract/errors'
import type { points } from '@shared/contract/points'
import { beijingDate } from '@shared/rules/time'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { publicationDocId, yearDocId } from '../model'
import { publicationView } from '../views'

export const answerObjection: Handler<typeof points.actions.answerObjection, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const nowIso = ctx.now.toISOString()
    const answer = { answer: input.answer, answeredAt: nowIso, answeredByName: ctx.caller.name }
    const pub = await ctx.store.transaction(async (tx) => {
      const pid = publicationDocId(branchId, input.periodKey)
      const p = await tx.get('points_publications', pid)
      if (!p) throw new AppError('NOT_FOUND', '该期积分尚未公示')
      const o = p.objections[input.memberId]
      if (!o) throw new AppError('NOT_FOUND', '该党员没有提出异议')
      if (p.status === 'final') throw new AppError('CONFLICT', '该期公示已结束')
      const next = { ...p, objections: { ...p.objections, [input.memberId]: { ...o, ...answer } } }
      const { _id, ...body } = next
      await tx.set('points_publications', pid, body)
      const yid = yearDocId(input.memberId, p.year)
      const y = await tx.get('points_years', yid)
      const meta = y?.publications[input.periodKey]
      if (y && meta?.objection) {
        const { _id: _y, ...yBody } = { ...y, publications: { ...y.publications, [input.periodKey]: { ...meta, objection: { ...meta.objection, ...answer } } } }
        await tx.set('points_years', yid, yBody)
      }
      return next
    })
    await ctx.audit({
      branchId,
      action: 'points.answerObjection',
      targetId: `${pub._id}_${input.memberId}`,
      summary: `答复 ${pub.objections[input.memberId]?.name ?? ''} 对${pub.label}积分公示的异议`,
      after: { answer: input.answer },
    })
    return publicationView(pub, beijingDate(ctx.now))
  },
}
