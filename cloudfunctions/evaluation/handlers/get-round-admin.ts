/**
 * evaluation.getRoundAdmin — the 支委's live view of a round (default: the branch's latest): settings,
 * who has not written a 自评, turnout (voted / eligible). Never a vote: tallies wait for close.
 */
import type { evaluation } from '@shared/contract/evaluation'
import { beijingDate } from '@shared/rules/time'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { loadRoundWithRoster, roundWithRosterTarget, type RoundWithRoster } from '../data'
import { adminView } from '../views'

export const getRoundAdmin: Handler<typeof evaluation.actions.getRoundAdmin, RoundWithRoster | null> = {
  // The round named (its own branch is authorized), or the latest round of the branch named / the caller's.
  target: async (input, ctx) => {
    if (input.roundId) return roundWithRosterTarget({ roundId: input.roundId }, ctx)
    const { target, loaded: branchId } = branchTarget(input, ctx)
    return { target, loaded: await loadRoundWithRoster(ctx.store, { branchId }) }
  },
  run: async (_input, ctx, found) => {
    if (!found) return { round: null }
    return { round: adminView(found.round, found.votedIds.length, beijingDate(ctx.now)) }
  },
}
