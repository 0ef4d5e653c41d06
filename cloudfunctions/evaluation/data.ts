/**
 * Reads of the evaluation collections, shaped for the request budget: a round together with its voter
 * roster is ONE request (an aggregate with a lookup), so a member's ballot page costs the caller lookup
 * plus one read, and the 支委's live turnout plus one more.
 */
import { AppError } from '@shared/contract/errors'
import type { EvalRoundDoc } from '../_kit/collections-evaluation'
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

/** Tallies are unreadable before close — for every role, the 书记 included. */
export const assertClosed = (round: EvalRoundDoc): void => {
  if (round.status === 'open') {
    throw new AppError('RULE_VIOLATED', '测评结束前，任何人（包括书记）都不能查看得票情况', { rule: 'TALLY_BEFORE_CLOSE' })
  }
}
