/** points.scheme — the scheme in force, the 申报 window for this month (and last month until its deadline) and settings. */
import type { points } from '@shared/contract/points'
import { canDeclare, declareDeadline } from '@shared/rules/points/calendar'
import { beijingDate, shiftMonth } from '@shared/rules/time'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { loadHead } from '../engine'
import { versionView } from '../views'

export const scheme: Handler<typeof points.actions.scheme, string> = {
  target: branchTarget,
  run: async (_input, ctx, branchId) => {
    const head = await loadHead(ctx.store, branchId)
    const today = beijingDate(ctx.now)
    const month = today.slice(0, 7)
    const current = head?.current ?? null
    const day = current?.scheme.declareDeadlineDay ?? null
    const prev = shiftMonth(month, -1)
    return {
      branchId,
      current: current ? versionView(current) : null,
      settings: { publishRanking: head?.publishRanking ?? false, requireEvidence: head?.requireEvidence ?? false },
      declare: {
        month,
        open: day !== null && canDeclare(month, today, day).ok,
        deadline: day !== null ? declareDeadline(month, day) : null,
        previousOpen: day !== null && canDeclare(prev, today, day).ok ? { month: prev, deadline: declareDeadline(prev, day) } : null,
      },
    }
  },
}
