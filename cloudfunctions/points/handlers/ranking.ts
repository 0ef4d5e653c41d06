/** points.ranking — the yearly ranking for members, only when the branch has chosen to publish it (off by default). */
import { AppError } from '@shared/contract/errors'
import type { points } from '@shared/contract/points'
import { beijingDate } from '@shared/rules/time'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { branchMembers } from '../../org/public/branches'
import { loadHead, scoringFor } from '../engine'
import { yearRows } from './year-rows'

export const ranking: Handler<typeof points.actions.ranking, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const head = await loadHead(ctx.store, branchId)
    if (!head?.publishRanking) throw new AppError('RULE_VIOLATED', '本支部未公开积分排名', { rule: 'RANKING_NOT_PUBLIC' })
    const today = beijingDate(ctx.now)
    const year = input.year ?? Number(today.slice(0, 4))
    const [members, years, fallback] = await Promise.all([branchMembers(ctx.store, branchId), ctx.store.findAll('points_years', { branchId, year }), scoringFor(ctx.store, head, year)])
    const { ranked } = yearRows(members, years, year, head.current?.scheme ?? null, fallback)
    return { year, rows: ranked.map((r) => ({ memberId: r.memberId, name: r.name, total: r.total, rank: r.rank ?? 0, bandLabel: r.bandLabel })) }
  },
}
