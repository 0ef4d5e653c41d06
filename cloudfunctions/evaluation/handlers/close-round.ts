/**
 * evaluation.closeRound — the 书记 ends the 测评: the status flips once (a conditional update, so a double
 * tap closes once), then the year's 积分 and attendance are captured on the round as the inputs of the
 * 组织评定. From here on tallies are readable; no ballot is accepted (the vote transaction re-reads the status).
 * The round's tally shards are folded into one document, and their ballots checked against the roster.
 */
import { AppError } from '@shared/contract/errors'
import type { evaluation } from '@shared/contract/evaluation'
import { beijingDate } from '@shared/rules/time'
import { yearlyAttendance } from '../../meetings/public/attendance'
import type { EvalRoundDoc } from '../documents'
import { yearlyPointTotals } from '../../points/public/yearly-standings'
import type { Handler, HandlerContext } from '../../_kit/create-main'
import { roundTarget } from '../data'
import { foldRoundTally, loadTally } from '../tally'
import { adminView } from '../views'

/** 积分 and attendance for the round's year; a source that fails is recorded as missing, not fatal. */
const captureInputs = async (ctx: HandlerContext, round: EvalRoundDoc): Promise<NonNullable<EvalRoundDoc['inputs']>> => {
  const keep = new Set(round.gradedIds)
  const only = <T>(all: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(all).filter(([id]) => keep.has(id)))
  const [points, attendance] = await Promise.all([
    yearlyPointTotals(ctx.store, round.branchId, round.year, round.gradedIds).then(
      (p) => (p ? only(p) : null),
      (e: unknown) => {
        ctx.log.error('points unavailable at close', { roundId: round._id, message: e instanceof Error ? e.message : String(e) })
        return null
      },
    ),
    yearlyAttendance(ctx.store, round.branchId, round.year).then(only, (e: unknown) => {
      ctx.log.error('attendance unavailable at close', { roundId: round._id, message: e instanceof Error ? e.message : String(e) })
      return null
    }),
  ])
  return { points, attendance, capturedAt: ctx.now.toISOString() }
}

export const closeRound: Handler<typeof evaluation.actions.closeRound, EvalRoundDoc> = {
  target: roundTarget,
  run: async ({ roundId }, ctx, round) => {
    if (round.status !== 'open') throw new AppError('CONFLICT', '测评已经结束')
    const at = ctx.now.toISOString()
    const closed = await ctx.store.updateWhere(
      'eval_rounds',
      { _id: roundId, status: 'open' },
      { status: 'closed', closedAt: at, closedBy: ctx.caller.memberId, updatedAt: at },
    )
    if (closed === 0) throw new AppError('CONFLICT', '测评已经结束')
    const inputs = await captureInputs(ctx, round)
    // A vote still in flight conflicts with the fold's writes, retries and finds the round closed: after the
    // fold no ballot lands, so its total and the roster count are final. Unfolded, the shards still sum right.
    const folded = await foldRoundTally(ctx.store, round).catch((e: unknown) => {
      ctx.log.error('tally shards not folded at close', { roundId, message: e instanceof Error ? e.message : String(e) })
      return null
    })
    const [voted, ballots] = await Promise.all([
      ctx.store.count('eval_roster', { roundId }),
      folded ? folded.ballots : loadTally(ctx.store, roundId).then((t) => t.ballots),
      ctx.store.update('eval_rounds', roundId, { inputs }),
    ])
    // Ballots counted = roster: each vote writes both in one transaction. Counts only, never marks.
    if (ballots !== voted) ctx.log.error('tally ballots differ from the roster', { roundId, ballots, voted })
    await ctx.audit({
      branchId: round.branchId,
      action: 'evaluation.closeRound',
      targetId: roundId,
      summary: `结束${round.title}的测评（${voted}/${round.voterIds.length}人投票）`,
    })
    const after: EvalRoundDoc = { ...round, status: 'closed', closedAt: at, closedBy: ctx.caller.memberId, inputs, updatedAt: at }
    return adminView(after, voted, beijingDate(ctx.now))
  },
}
