/**
 * evaluation.recordFollowUp — for a member graded 不合格: record 限期改正 (deadline ≤ 1 year after the
 * decision) and notes. A record only: 劝退 / 除名 are 支部大会 decisions the software never takes.
 */
import { AppError } from '@shared/contract/errors'
import type { evaluation } from '@shared/contract/evaluation'
import { checkFollowUpDeadline } from '@shared/rules/evaluation/round'
import { beijingDate } from '@shared/rules/time'
import type { EvalFollowUp, EvalRoundDoc, EvalRoundMember } from '../documents'
import type { Handler } from '../../_kit/create-main'
import { loadRound } from '../data'

/** The round, and the member the follow-up is for (absent when not on the round). */
interface FollowUpTarget {
  round: EvalRoundDoc
  member: EvalRoundMember | undefined
}

export const recordFollowUp: Handler<typeof evaluation.actions.recordFollowUp, FollowUpTarget> = {
  // The round's branch, narrowed to the member's 党小组 and the member (for group / self scopes).
  target: async ({ roundId, memberId }, ctx) => {
    const round = await loadRound(ctx.store, roundId)
    const member = round.members.find((m) => m.id === memberId)
    return { target: { branchId: round.branchId, groupId: member?.groupId ?? null, memberId }, loaded: { round, member } }
  },
  run: async ({ roundId, memberId, deadline, notes }, ctx, { round, member }) => {
    const final = round.finals?.[memberId]
    if (!round.finals || !round.finalsSavedAt) throw new AppError('RULE_VIOLATED', '请先完成组织评定', { rule: 'FINALS_MISSING' })
    if (!member || final?.grade !== 'unqualified') {
      throw new AppError('RULE_VIOLATED', '只有评定为不合格的党员需要记录限期改正', { rule: 'NOT_UNQUALIFIED' })
    }
    const today = beijingDate(ctx.now)
    const decidedOn = round.publishedOn ?? beijingDate(round.finalsSavedAt)
    const check = checkFollowUpDeadline(deadline, today, decidedOn)
    if (!check.ok) throw new AppError('INVALID_INPUT', check.message, { rule: check.reason })
    const entry: EvalFollowUp = { deadline, notes, recordedAt: ctx.now.toISOString(), recordedBy: ctx.caller.name || '支委' }
    await ctx.store.update('eval_rounds', roundId, { [`followUps.${memberId}`]: entry, updatedAt: entry.recordedAt })
    await ctx.audit({
      branchId: round.branchId,
      action: 'evaluation.recordFollowUp',
      targetId: `${roundId}_${memberId}`,
      summary: `记录${member.name}限期改正（至${deadline}）`,
      before: round.followUps[memberId] ?? null,
      after: entry,
    })
    return { memberId, ...entry }
  },
}
