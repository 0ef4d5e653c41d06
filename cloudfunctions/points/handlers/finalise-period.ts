/**
 * points.finalisePeriod — after the 公示 days, with every objection answered, the period's points become
 * final: the rows are snapshotted again (corrections made during the 公示 count) and members see 已确定.
 */
import { AppError } from '@shared/contract/errors'
import type { points } from '@shared/contract/points'
import { beijingDate } from '@shared/rules/time'
import { branchTarget, type Handler } from '../../_kit/create-main'
import type { PointsPublicationDoc } from '../documents'
import { requireCurrent } from '../access'
import { loadHead } from '../engine'
import { publicationView } from '../views'
import { loadPublication, periodOfKey, snapshotRows } from './publication'

export const finalisePeriod: Handler<typeof points.actions.finalisePeriod, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const today = beijingDate(ctx.now)
    const [pub, head] = await Promise.all([loadPublication(ctx.store, branchId, input.periodKey), loadHead(ctx.store, branchId)])
    const current = requireCurrent(head)
    if (pub.status === 'final') throw new AppError('CONFLICT', '该期公示已确定')
    if (today <= pub.endsOn) throw new AppError('RULE_VIOLATED', `公示期至${pub.endsOn}，期满后才能确定`, { rule: 'PUBLICITY_RUNNING' })
    const open = Object.values(pub.objections).filter((o) => o.answer === null).length
    if (open > 0) throw new AppError('RULE_VIOLATED', `还有${open}条异议未答复`, { rule: 'OBJECTIONS_OPEN', open })
    const rows = await snapshotRows(ctx.store, branchId, periodOfKey(input.periodKey, current.scheme), current.scheme, current.version)
    const nowIso = ctx.now.toISOString()
    const next: PointsPublicationDoc = { ...pub, rows, status: 'final', finalisedAt: nowIso }
    const updated = await ctx.store.updateWhere(
      'points_publications',
      { _id: pub._id, status: 'publicity' },
      { rows, status: 'final', finalisedAt: nowIso },
    )
    if (updated === 0) throw new AppError('CONFLICT', '该期公示已确定')
    const key = input.periodKey
    await ctx.store.updateWhere('points_years', { branchId, year: pub.year }, { [`publications.${key}.status`]: 'final', [`publications.${key}.finalisedAt`]: nowIso })
    await ctx.store.update('points_branches', branchId, { [`publications.${key}.status`]: 'final', [`publications.${key}.finalisedAt`]: nowIso, updatedAt: nowIso })
    await ctx.audit({ branchId, action: 'points.finalisePeriod', targetId: pub._id, summary: `确定${pub.label}党员积分（公示期满，异议均已答复）` })
    return publicationView(next, today)
  },
}
