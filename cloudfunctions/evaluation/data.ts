/**
 * Reads of the evaluation collections, shaped for the request budget: a round together with its voter
 * roster is ONE request (an aggregate with a lookup), so a member's ballot page costs the caller lookup
 * plus one read, and the 支委's live turnout plus one more.
 */
import { AppError } from '@shared/contract/errors'
import type { EvalRoundDoc } from './documents'
import type { TargetContext, Targeted } from '../_kit/create-main'
import type { Store } from '../_kit/store'

export const roundIdFor = (branchId: string, year: number, seq: number): string =>
  seq <= 1 ? `ev_${branchId}_${year}` : `ev_${branchId}_${year}_${seq}`

export const rosterId = (roundId: string, memberId: string): string => `${roundId}_${memberId}`

export interface RoundWithRoster {
  round: EvalRoundDoc
  /** Ids of the members who have voted. */
  votedIds: string[]
}

/**
 * The round `roundId`, or the latest round of `branchId` (by year, then repeat number), with the ids of
 * the members who have voted; null when there is none.
 */
export const loadRoundWithRoster = async (store: Store, by: { roundId: string } | { branchId: string }): Promise<RoundWithRoster | null> => {
  const match = 'roundId' in by ? { _id: by.roundId } : { branchId: by.branchId }
  const rows = await store.aggregate<EvalRoundDoc & { roster: { memberId: string }[] }>('eval_rounds', (agg) =>
    agg
      .match(match)
      .sort({ year: -1, seq: -1 })
      .limit(1)
      .lookup({ from: 'eval_roster', localField: '_id', foreignField: 'roundId', as: 'roster' }),
  )
  const row = rows[0]
  if (!row) return null
  const { roster, ...round } = row
  return { round: round as EvalRoundDoc, votedIds: (roster ?? []).map((r) => r.memberId) }
}

export const loadRound = async (store: Store, roundId: string): Promise<EvalRoundDoc> => {
  const round = await store.get('eval_rounds', roundId)
  if (!round) throw new AppError('NOT_FOUND', '没有找到该评议')
  return round
}

export const requireRound = (found: RoundWithRoster | null): RoundWithRoster => {
  if (!found) throw new AppError('NOT_FOUND', '没有找到该评议')
  return found
}

/** Target step of an action on the round `roundId`: the round, authorized by its own branch (NOT_FOUND if missing). */
export const roundTarget = async ({ roundId }: { roundId: string }, ctx: Pick<TargetContext, 'store'>): Promise<Targeted<EvalRoundDoc>> => {
  const round = await loadRound(ctx.store, roundId)
  return { target: { branchId: round.branchId }, loaded: round }
}

/** Target step as `roundTarget`, with the ids of the members who have voted (one aggregate). */
export const roundWithRosterTarget = async ({ roundId }: { roundId: string }, ctx: Pick<TargetContext, 'store'>): Promise<Targeted<RoundWithRoster>> => {
  const found = requireRound(await loadRoundWithRoster(ctx.store, { roundId }))
  return { target: { branchId: found.round.branchId }, loaded: found }
}

/**
 * Target step of a member's action on their own part of the round `roundId` (自评, its attachment): the
 * round's branch, and the caller as the member it belongs to.
 */
export const ownRoundTarget = async (
  { roundId }: { roundId: string },
  ctx: Pick<TargetContext, 'store' | 'caller'>,
): Promise<Targeted<EvalRoundDoc>> => {
  const round = await loadRound(ctx.store, roundId)
  return { target: { branchId: round.branchId, memberId: ctx.caller.memberId }, loaded: round }
}

/** Tallies are unreadable before close — for every role, the 书记 included. */
export const assertClosed = (round: EvalRoundDoc): void => {
  if (round.status === 'open') {
    throw new AppError('RULE_VIOLATED', '测评结束前，任何人（包括书记）都不能查看得票情况', { rule: 'TALLY_BEFORE_CLOSE' })
  }
}
