/**
 * evaluation.publishResults — 公示: after the 组织评定 is saved, members see their own grade and the 优秀
 * list for the publicity period (the profile's days, 7 by default, inclusive of today).
 */
import { AppError } from '@shared/contract/errors'
import type { evaluation } from '@shared/contract/evaluation'
import { resolveProfile, type ProfileOverrides } from '@shared/profiles'
import { checkFinalGrades, finalGradesMessage } from '@shared/rules/evaluation/grades'
import { addDays, beijingDate } from '@shared/rules/time'
import type { EvalRoundDoc } from '../documents'
import { loadBranch } from '../../org/public/branches'
import type { Handler } from '../../_kit/create-main'
import { roundTarget } from '../data'
import { loadTally } from '../tally'
import { adminView } from '../views'

export const publishResults: Handler<typeof evaluation.actions.publishResults, EvalRoundDoc> = {
  target: roundTarget,
  run: async ({ roundId, publicityDays }, ctx, round) => {
    if (round.status === 'open') throw new AppError('RULE_VIOLATED', '请先结束测评并完成组织评定', { rule: 'ROUND_NOT_CLOSED' })
    if (round.status === 'published') throw new AppError('CONFLICT', '评议结果已经公示')
    if (!round.finals) throw new AppError('RULE_VIOLATED', '请先保存组织评定结果', { rule: 'FINALS_MISSING' })
    // Saved grades passed the check when saved; checked again so nothing invalid is ever published.
    const check = checkFinalGrades(
      round.members.map((m) => ({ memberId: m.id, status: m.status, grade: round.finals?.[m.id]?.grade ?? null })),
      round.excellentRatio,
      { scale: round.grades },
    )
    if (!check.ok) {
      const names = Object.fromEntries(round.members.map((m) => [m.id, m.name]))
      throw new AppError('RULE_VIOLATED', finalGradesMessage(check, names, round.excellentRatio), { rule: check.reason })
    }
    const branch = await loadBranch(ctx.store, round.branchId)
    const days = publicityDays ?? resolveProfile(branch.profileId, (branch.profileOverrides ?? {}) as ProfileOverrides).publicity.days
    const today = beijingDate(ctx.now)
    const at = ctx.now.toISOString()
    const patch = { status: 'published' as const, publishedOn: today, publicityEndsOn: addDays(today, days - 1), publishedAt: at, updatedAt: at }
    const done = await ctx.store.updateWhere('eval_rounds', { _id: roundId, status: 'closed' }, patch)
    if (done === 0) throw new AppError('CONFLICT', '评议结果已经公示')
    const [voted, tally] = await Promise.all([
      ctx.store.count('eval_roster', { roundId }),
      loadTally(ctx.store, roundId),
      ctx.audit({
        branchId: round.branchId,
        action: 'evaluation.publishResults',
        targetId: roundId,
        summary: `公示${round.title}结果（${days}天，至${patch.publicityEndsOn}）`,
      }),
    ])
    // Ballots counted = roster (one transaction each): checked again before the results go out. Counts only.
    if (tally.ballots !== voted) ctx.log.error('tally ballots differ from the roster', { roundId, ballots: tally.ballots, voted })
    return adminView({ ...round, ...patch }, voted, today)
  },
}
