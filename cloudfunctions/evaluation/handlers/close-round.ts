/**
 * evaluation.closeRound — the 书记 ends the 测评: the status flips once (a conditional update, so a double
 * tap closes once), then the year's 积分 and attendance are captured on the round as the inputs of the
 * 组织评定. From here on tallies are readable; no ballot is accepted (the vote transaction re-reads the status).
 */
import { AppError } from '@shared/contract/errors'
import type { evaluation } from '@shared/contract/evaluation'
import { beijingDate } from '@shared/rules/time'
import { yearlyAttendance } from '../../_kit/attendance-data'
import type { EvalRoundDoc } from '../../_kit/collections-evaluation'
import type { Handler, HandlerContext } from '../../_kit/create-main'
import { yearlyPointTotals } from '../../_kit/points-data'
import { loadRound } from '../data'
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

export const closeRound: Handler<typeof evaluation.actions.closeRound> = async ({ roundId }, ctx) => {
  const round = await loadRound(ctx.store, roundId)
  ctx.authorize({ branchId: round.branchId })
  if (round.status !== 'open') throw new AppError('CONFLICT', '测评已经结束')
  const at = ctx.now.toISOString()
  const closed = await ctx.store.updateWhere(
    'eval_rounds',
    { _id: roundId, status: 'open' },
    { status: 'closed', closedAt: at, closedBy: ctx.caller.memberId, updatedAt: at },
  )
  if (closed === 0) throw new AppError('CONFLICT', '测评已经结束')
  const inputs = await captureInputs(ctx, round)
  const [voted] = await Promise.all([
    ctx.store.count('eval_roster', { roundId }),
    ctx.store.update('eval_rounds', roundId, { inputs }),
  ])
  await ctx.audit({
    branchId: round.branchId,
    action: 'evaluation.closeRound',
    targetId: roundId,
    summary: `结束${round.title}的测评（${voted}/${round.voterIds.length}人投票）`,
  })
  const after: EvalRoundDoc = { ...round, status: 'closed', closedAt: at, closedBy: ctx.caller.memberId, inputs, updatedAt: at }
  return adminView(after, voted, beijingDate(ctx.now))
}
