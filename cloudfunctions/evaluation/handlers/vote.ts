/**
 * evaluation.vote — cast one anonymous 民主测评 ballot. In ONE transaction: read the round (open, in its
 * window, caller on the roster, ballot valid), create the roster record `${roundId}_${memberId}` (a
 * second vote fails here; it holds no time) and add the ballot's sparse marks into one of the round's
 * tally shards, picked at random (`../tally.ts`). No ballot document is written: nothing stored holds one
 * voter's marks. Nothing about the ballot is logged or audited; the roster is the only trace that someone
 * voted (and the voter's own 首页 to-do, closed afterwards without a time, so it cannot date the vote).
 * Eight requests: caller, round (the target: its branch is authorized before any transaction opens),
 * start, round again (inside the transaction, so a round closed meanwhile refuses the vote), roster,
 * shard (`inc`), commit, to-do.
 */
import { AppError } from '@shared/contract/errors'
import type { evaluation } from '@shared/contract/evaluation'
import { validateBallot, ballotMessage, encodeBallot } from '@shared/rules/evaluation/ballot'
import { votingState } from '@shared/rules/evaluation/round'
import { beijingDate, formatDateCN } from '@shared/rules/time'
import { targeting, type Handler } from '../../_kit/create-main'
import { requireMember } from '../../_kit/policy'
import { isDuplicate, isTxConflict } from '../../_kit/store'
import { completeTodo } from '../../_kit/todos'
import { rosterId } from '../data'
import { addBallot, ballotIncrements, emptyTally, pickShard, tallyShardId } from '../tally'

/** Transaction attempts: many members voting at once share a few shards, and each retry picks a shard anew. */
const VOTE_TX_ATTEMPTS = 12

export const vote: Handler<typeof evaluation.actions.vote> = {
  target: async ({ roundId }, ctx) => {
    const round = await ctx.store.get('eval_rounds', roundId)
    if (!round) throw new AppError('NOT_FOUND', '没有找到该评议')
    return targeting({ branchId: round.branchId })
  },
  run: async ({ roundId, rows }, ctx) => {
    const { memberId } = requireMember(ctx.caller)
    const today = beijingDate(ctx.now)
    try {
      await ctx.store.transaction(async (tx) => {
        const round = await tx.get('eval_rounds', roundId)
        if (!round) throw new AppError('NOT_FOUND', '没有找到该评议')
        if (round.status !== 'open') throw new AppError('RULE_VIOLATED', '测评已结束，不能再投票', { rule: 'ROUND_NOT_OPEN' })
        const state = votingState(round.votingFrom, round.votingTo, today)
        if (state === 'before') throw new AppError('RULE_VIOLATED', `测评将于${formatDateCN(round.votingFrom)}开始`, { rule: 'VOTING_NOT_STARTED' })
        if (state === 'ended') throw new AppError('RULE_VIOLATED', '测评时间已过，不能再投票', { rule: 'VOTING_ENDED' })
        if (!round.voterIds.includes(memberId)) {
          throw new AppError('RULE_VIOLATED', '您不在本次民主评议的党员名单中（名单在开启评议时确定）', { rule: 'NOT_ON_ROSTER' })
        }
        const names = Object.fromEntries(round.members.map((m) => [m.id, m.name]))
        const probationary = rows.filter((r) => round.voterIds.includes(r.memberId) && !round.gradedIds.includes(r.memberId))
        if (probationary.length > 0) {
          const who = probationary.map((r) => names[r.memberId]).join('、')
          throw new AppError('RULE_VIOLATED', `预备党员参加测评，但不评定等次：${who}`, { rule: 'PROBATIONARY_GRADED' })
        }
        const check = validateBallot(rows, {
          gradedIds: round.gradedIds,
          voterId: memberId,
          includeSelf: round.includeSelf,
          scale: round.grades,
          maxExcellentPerBallot: round.ballotExcellentLimit,
        })
        if (!check.ok) throw new AppError('RULE_VIOLATED', ballotMessage(check, names), { rule: check.reason })
        // Roster first: a second ballot from the same member fails here and the transaction writes nothing.
        await tx.create('eval_roster', rosterId(roundId, memberId), { roundId, memberId })
        const marks = encodeBallot(rows)
        const shard = tallyShardId(roundId, pickShard())
        const inc = Object.fromEntries(Object.entries(ballotIncrements(marks)).map(([path, n]) => [path, ctx.store.cmd.inc(n)]))
        // A shard is missing only if opening the round was cut off before its shards were written.
        if ((await tx.update('eval_tallies', shard, inc)) === 0) await tx.set('eval_tallies', shard, addBallot(emptyTally(round), marks))
      }, { attempts: VOTE_TX_ATTEMPTS })
    } catch (e) {
      if (isDuplicate(e)) throw new AppError('CONFLICT', '您已经投过票了，每人只能投一次，提交后不能修改')
      if (isTxConflict(e)) throw new AppError('CONFLICT', '您的选票正在提交，请勿重复提交；如未成功请稍后再试')
      throw e
    }
    // The 首页 to-do the reminder added ("请在…前投票") is settled by voting, with no time (a done-at would date
    // the vote). Best effort: the vote stands even if this one write fails (the to-do then lapses at the deadline).
    await completeTodo(ctx.store, 'evaluation', roundId, memberId, null).catch(() => false)
    return { voted: true as const }
  },
}
