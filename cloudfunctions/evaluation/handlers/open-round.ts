/**
 * evaluation.openRound — the 书记 opens the year's round: members (正式 and 预备, active) are fixed now;
 * the grade scale, 优秀 ratio, self on the ballot and the 不合格 review share default to the branch's
 * profile. One round per branch per year (`ev_${branchId}_${year}`); a repeat needs a reason. The round's
 * empty tally shards are written with it (`../tally.ts`): a vote then creates no document but its roster
 * entry.
 */
import { AppError } from '@shared/contract/errors'
import type { evaluation } from '@shared/contract/evaluation'
import { resolveProfile, type ProfileOverrides } from '@shared/profiles'
import { excellentQuota, checkGradeScale } from '@shared/rules/evaluation/grades'
import { checkVotingWindow } from '@shared/rules/evaluation/round'
import { beijingDate } from '@shared/rules/time'
import { newRoundState, type EvalRoundDoc } from '../documents'
import { branchMembers, loadBranch } from '../../org/public/branches'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { isDuplicate } from '../../_kit/store'
import { roundIdFor } from '../data'
import { emptyShards } from '../tally'
import { adminView } from '../views'

export const openRound: Handler<typeof evaluation.actions.openRound, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const today = beijingDate(ctx.now)
    const thisYear = Number(today.slice(0, 4))
    if (input.year !== thisYear && input.year !== thisYear - 1) {
      throw new AppError('INVALID_INPUT', `只能开展${thisYear - 1}或${thisYear}年度的民主评议`)
    }
    const window = checkVotingWindow(input.votingFrom, input.votingTo, today)
    if (!window.ok) throw new AppError('INVALID_INPUT', window.message, { rule: window.reason })

    const [branch, all, members] = await Promise.all([
      loadBranch(ctx.store, branchId),
      ctx.store.find('eval_rounds', { branchId }, { fields: { year: true, seq: true, status: true }, limit: 1000 }),
      branchMembers(ctx.store, branchId),
    ])
    const profile = resolveProfile(branch.profileId, (branch.profileOverrides ?? {}) as ProfileOverrides)
    const grades = input.grades ?? profile.evaluation.grades
    const scale = checkGradeScale(grades)
    if (!scale.ok) throw new AppError('INVALID_INPUT', scale.message, { rule: scale.reason })

    const repeatReason = input.repeatReason?.trim() || null
    const running = all.find((r) => r.status === 'open')
    if (running) throw new AppError('CONFLICT', `本支部${running.year}年度的民主评议尚未结束测评，请先结束`, { rule: 'ROUND_RUNNING' })
    const earlier = all.filter((r) => r.year === input.year)
    if (earlier.length > 0 && !repeatReason) {
      throw new AppError('CONFLICT', `${input.year}年度的民主评议已开展；确需重新开展的，请填写理由`, { rule: 'ONE_ROUND_PER_YEAR' })
    }
    const seq = earlier.reduce((max, r) => Math.max(max, r.seq), 0) + 1

    const voters = members.filter((m) => m.active)
    const graded = voters.filter((m) => m.status === 'formal')
    if (graded.length === 0) throw new AppError('RULE_VIOLATED', '支部没有正式党员，无法开展民主评议', { rule: 'NO_FORMAL_MEMBERS' })
    const hasExcellent = grades.includes('excellent')
    const quota = hasExcellent ? excellentQuota(graded.length, profile.evaluation.excellentRatio) : 0
    const ballotExcellentLimit = !hasExcellent
      ? null
      : input.ballotExcellentLimit !== undefined
        ? input.ballotExcellentLimit
        : profile.evaluation.perBallotExcellentLimit
          ? quota
          : null

    const at = ctx.now.toISOString()
    const doc: EvalRoundDoc = {
      _id: roundIdFor(branchId, input.year, seq),
      branchId,
      year: input.year,
      seq,
      title: input.title?.trim() || `${input.year}年度民主评议党员${seq > 1 ? `（第${seq}次）` : ''}`,
      repeatReason: seq > 1 ? repeatReason : null,
      status: 'open',
      grades: [...grades],
      excellentRatio: profile.evaluation.excellentRatio,
      includeSelf: input.includeSelf ?? profile.evaluation.includeSelf,
      ballotExcellentLimit,
      unqualifiedReviewShare: input.unqualifiedReviewShare ?? profile.evaluation.unqualifiedFlagShare,
      showOwnTally: input.showOwnTally ?? false,
      votingFrom: input.votingFrom,
      votingTo: input.votingTo,
      members: voters.map((m) => ({
        id: m._id,
        name: m.name,
        gender: m.gender,
        status: m.status,
        groupId: m.groupId,
        joinedAt: m.joinedAt,
        formalAt: m.formalAt,
      })),
      voterIds: voters.map((m) => m._id),
      gradedIds: graded.map((m) => m._id),
      ...newRoundState(ctx.caller.memberId, at),
    }
    try {
      await ctx.store.add('eval_rounds', doc)
    } catch (e) {
      if (isDuplicate(e)) throw new AppError('CONFLICT', `${input.year}年度的民主评议已开启`)
      throw e
    }
    // Cut off here, a vote writes its shard itself (see vote.ts); the round stands either way.
    await ctx.store.addMany('eval_tallies', emptyShards(doc)).catch((e: unknown) => {
      ctx.log.error('tally shards not written at opening', { roundId: doc._id, message: e instanceof Error ? e.message : String(e) })
    })
    const { members: _m, selfAssessments: _s, ...settings } = doc
    await ctx.audit({
      branchId,
      action: 'evaluation.openRound',
      targetId: doc._id,
      summary: `开启${doc.title}（${doc.voterIds.length}人参加，${doc.gradedIds.length}名正式党员评定等次）`,
      after: settings,
    })
    return adminView(doc, 0, today)
  },
}
