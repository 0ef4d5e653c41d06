/**
 * evaluation.getRound — the member's page: the ballot rows with each member's 自评, their own 自评 and
 * whether they have voted, and after 公示 their own grade. One read besides the caller lookup (attachment
 * links come from storage in one call).
 */
import { AppError } from '@shared/contract/errors'
import type { evaluation } from '@shared/contract/evaluation'
import { beijingDate } from '@shared/rules/time'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { requireMember } from '../../_kit/policy'
import { loadRoundWithRoster, type RoundWithRoster } from '../data'
import { attachmentLinks } from '../attachments'
import { memberView, memberViewIds } from '../views'

export const getRound: Handler<typeof evaluation.actions.getRound, RoundWithRoster | null> = {
  // The round named, or the caller's branch's current one; its own branch is what gets authorized.
  target: async ({ roundId }, ctx) => {
    const own = branchTarget({}, ctx)
    const found = await loadRoundWithRoster(ctx.store, roundId ? { roundId } : { branchId: own.loaded })
    if (!found && roundId) throw new AppError('NOT_FOUND', '没有找到该评议')
    return { target: found ? { branchId: found.round.branchId } : own.target, loaded: found }
  },
  run: async (_input, ctx, found) => {
    const { memberId } = requireMember(ctx.caller)
    if (!found) return { round: null }
    const voted = found.votedIds.includes(memberId)
    const links = await attachmentLinks(found.round, memberViewIds(found.round, memberId))
    return { round: memberView(found.round, memberId, voted, beijingDate(ctx.now), links) }
  },
}
