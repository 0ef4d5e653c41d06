/**
 * evaluation.getRoundAdmin — the 支委's live view of a round (default: the branch's latest): settings,
 * who has not written a 自评, turnout (voted / eligible). Never a vote: tallies wait for close.
 */
import { AppError } from '@shared/contract/errors'
import type { evaluation } from '@shared/contract/evaluation'
import { beijingDate } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import { loadRoundWithRoster } from '../data'
import { adminView } from '../views'

export const getRoundAdmin: Handler<typeof evaluation.actions.getRoundAdmin> = async (input, ctx) => {
  const branchId = input.branchId ?? ctx.caller.branchId ?? ''
  const found = await loadRoundWithRoster(ctx.store, input.roundId ? { roundId: input.roundId } : { branchId })
  if (!found) {
    ctx.authorize({ branchId })
    if (input.roundId) throw new AppError('NOT_FOUND', '没有找到该评议')
    return { round: null }
  }
  ctx.authorize({ branchId: found.round.branchId })
  return { round: adminView(found.round, found.votedIds.length, beijingDate(ctx.now)) }
}
