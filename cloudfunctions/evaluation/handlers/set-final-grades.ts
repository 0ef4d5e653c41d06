/**
 * evaluation.setFinalGrades — the 支委会's 组织评定: every 正式党员 graded, 预备党员 not, 优秀 within
 * `excellentQuota` of the 正式党员 (`checkFinalGrades`, refused with the rule's message), and a reason
 * wherever a grade differs from the rule-based proposal. Editable until 公示.
 */
import { AppError } from '@shared/contract/errors'
import type { evaluation } from '@shared/contract/evaluation'
import { checkFinalGrades, EVALUATION_GRADE_LABELS, type FinalGradeEntry, finalGradesMessage } from '@shared/rules/evaluation/grades'
import { missingReasons } from '@shared/rules/evaluation/proposal'
import { beijingDate } from '@shared/rules/time'
import type { EvalFinalGrade } from '../documents'
import type { Handler } from '../../_kit/create-main'
import { assertClosed, roundWithRosterTarget, type RoundWithRoster } from '../data'
import { loadTally } from '../tally'
import { assessmentView, proposedMap } from '../views'

export const setFinalGrades: Handler<typeof evaluation.actions.setFinalGrades, RoundWithRoster> = {
  target: roundWithRosterTarget,
  run: async ({ roundId, grades }, ctx, { round, votedIds }) => {
    assertClosed(round)
    if (round.status === 'published') throw new AppError('CONFLICT', '评议结果已公示，不能再修改等次')

    const members = new Map(round.members.map((m) => [m.id, m]))
    const names = Object.fromEntries(round.members.map((m) => [m.id, m.name]))
    const strangers = grades.filter((g) => !members.has(g.memberId))
    if (strangers.length > 0) throw new AppError('INVALID_INPUT', '名单中有不属于本次评议的党员，请刷新后重试')

    // Every member of the round is judged: those the request leaves out count as ungraded.
    const given = new Set(grades.map((g) => g.memberId))
    const entries: FinalGradeEntry[] = [
      ...grades.map((g) => ({ memberId: g.memberId, status: members.get(g.memberId)?.status ?? 'formal', grade: g.grade })),
      ...round.members.filter((m) => !given.has(m.id)).map((m) => ({ memberId: m.id, status: m.status, grade: null })),
    ]
    // Status as fixed at opening: a member who became 正式 after the vote is still judged as then.
    const check = checkFinalGrades(entries, round.excellentRatio, { scale: round.grades })
    if (!check.ok) {
      const { ok: _ok, ...details } = check
      throw new AppError('RULE_VIOLATED', finalGradesMessage(check, names, round.excellentRatio), { rule: check.reason, ...details })
    }

    const tally = await loadTally(ctx.store, roundId)
    const assessment = assessmentView(round, tally, votedIds, beijingDate(ctx.now))
    const proposed = proposedMap(assessment)
    const unexplained = missingReasons(grades, proposed)
    if (unexplained.length > 0) {
      const who = unexplained.map((id) => `${names[id]}（建议${EVALUATION_GRADE_LABELS[proposed[id] ?? 'qualified']}）`).join('、')
      throw new AppError('RULE_VIOLATED', `评定等次与建议不同的，请填写理由：${who}`, { rule: 'REASON_REQUIRED', memberIds: unexplained })
    }

    const byId = new Map(grades.map((g) => [g.memberId, g]))
    const finals: Record<string, EvalFinalGrade> = {}
    for (const row of assessment.rows) {
      const g = byId.get(row.memberId)
      if (!g?.grade) continue
      finals[row.memberId] = {
        grade: g.grade,
        reason: g.grade !== row.proposed ? (g.reason?.trim() ?? null) : g.reason?.trim() || null,
        proposed: row.proposed,
        tally: { ...row.counts, ballots: row.ballots },
      }
    }
    const at = ctx.now.toISOString()
    const saved = await ctx.store.updateWhere(
      'eval_rounds',
      { _id: roundId, status: 'closed' },
      { finals, finalsSavedAt: at, finalsSavedBy: ctx.caller.memberId, updatedAt: at },
    )
    if (saved === 0) throw new AppError('CONFLICT', '评议结果已公示，不能再修改等次')
    const excellent = Object.values(finals).filter((f) => f.grade === 'excellent').length
    await ctx.audit({
      branchId: round.branchId,
      action: 'evaluation.setFinalGrades',
      targetId: roundId,
      summary: `保存组织评定结果（优秀${excellent}人）`,
      before: round.finals,
      after: finals,
    })
    return { finalsSavedAt: at, excellent, quota: assessment.settings.excellentQuota }
  },
}
