/**
 * From stored round documents to the contract's views: what a member sees (their ballot rows, own 自评,
 * vote state, own result after 公示), the 支委's live view (turnout, missing 自评 — never votes), and the
 * 组织评定 assessment built from the round's tally (its shards summed; only after close). Attachments carry
 * the temporary links the handler resolved (`attachmentLinks`); without them the links are null.
 */
import type { Assessment, AssessmentRow, MemberRound, RoundAdmin, RoundSettings, RoundSummary } from '@shared/contract/evaluation'
import { excellentQuota, type EvaluationGrade } from '@shared/rules/evaluation/grades'
import { PROPOSAL_FLAG_LABELS, type ProposalFlag, exceedsUnqualifiedShare, proposeRoundGrades } from '@shared/rules/evaluation/proposal'
import { tallyMarkCounts } from '@shared/rules/evaluation/tally'
import { votingState } from '@shared/rules/evaluation/round'
import { diffDays } from '@shared/rules/time'
import type { EvalRoundDoc } from './documents'
import { attachmentView, NO_LINKS, type Links } from './attachments'
import type { TallyTotal } from './tally'

export const summaryView = (r: EvalRoundDoc, today: string): RoundSummary => ({
  id: r._id,
  branchId: r.branchId,
  year: r.year,
  seq: r.seq,
  title: r.title,
  status: r.status,
  votingFrom: r.votingFrom,
  votingTo: r.votingTo,
  votingState: votingState(r.votingFrom, r.votingTo, today),
  repeatReason: r.repeatReason,
  publishedOn: r.publishedOn,
  publicityEndsOn: r.publicityEndsOn,
})

export const settingsView = (r: EvalRoundDoc): RoundSettings => ({
  grades: r.grades,
  excellentRatio: r.excellentRatio,
  excellentQuota: r.grades.includes('excellent') ? excellentQuota(r.gradedIds.length, r.excellentRatio) : 0,
  formalCount: r.gradedIds.length,
  voterCount: r.voterIds.length,
  includeSelf: r.includeSelf,
  ballotExcellentLimit: r.ballotExcellentLimit,
  unqualifiedReviewShare: r.unqualifiedReviewShare,
  showOwnTally: r.showOwnTally,
})

const nameMap = (r: EvalRoundDoc): Map<string, string> => new Map(r.members.map((m) => [m.id, m.name]))

/** The members `memberId` grades: the 正式党员, themself excluded unless self is on the ballot. */
const ballotIdsFor = (r: EvalRoundDoc, memberId: string): string[] => r.gradedIds.filter((id) => r.includeSelf || id !== memberId)

/** The members whose 自评 (and attachment) `memberView` shows to `memberId`: their ballot rows and themself. */
export const memberViewIds = (r: EvalRoundDoc, memberId: string): string[] => [...ballotIdsFor(r, memberId), memberId]

export const memberView = (r: EvalRoundDoc, memberId: string, voted: boolean, today: string, links: Links = NO_LINKS): MemberRound => {
  const names = nameMap(r)
  const summary = summaryView(r, today)
  const isVoter = r.voterIds.includes(memberId)
  const ballotIds = ballotIdsFor(r, memberId)
  const final = r.status === 'published' ? (r.finals?.[memberId] ?? null) : null
  const own = r.selfAssessments[memberId]
  const result: MemberRound['result'] =
    r.status === 'published' && r.finals
      ? {
          grade: final?.grade ?? null,
          reason: final && final.grade !== final.proposed ? final.reason : null,
          tally: final && r.showOwnTally ? { ...final.tally } : null,
          followUpDeadline: r.followUps[memberId]?.deadline ?? null,
          excellentNames: r.gradedIds.filter((id) => r.finals?.[id]?.grade === 'excellent').map((id) => names.get(id) ?? id),
          inPublicity: r.publicityEndsOn !== null && diffDays(today, r.publicityEndsOn) >= 0,
        }
      : null
  return {
    ...summary,
    settings: settingsView(r),
    ballot: ballotIds.map((id) => ({
      memberId: id,
      name: names.get(id) ?? id,
      selfAssessment: r.selfAssessments[id]?.text ?? null,
      attachment: attachmentView(r.selfAssessments[id], links),
    })),
    me: {
      memberId,
      isVoter,
      isGraded: r.gradedIds.includes(memberId),
      voted,
      canVote: r.status === 'open' && summary.votingState === 'open' && isVoter && !voted,
      selfAssessment: own ? { ...own, attachment: own.attachment ? { ...own.attachment, url: links.get(own.attachment.fileId) ?? null } : null } : null,
    },
    result,
  }
}

export const adminView = (r: EvalRoundDoc, voted: number, today: string): RoundAdmin => {
  const missing = r.members.filter((m) => r.voterIds.includes(m.id) && !r.selfAssessments[m.id])
  return {
    ...summaryView(r, today),
    settings: settingsView(r),
    turnout: { voted, eligible: r.voterIds.length },
    selfAssessments: {
      submitted: r.voterIds.length - missing.length,
      total: r.voterIds.length,
      missing: missing.map((m) => ({ memberId: m.id, name: m.name, status: m.status })),
    },
    finalsSavedAt: r.finalsSavedAt,
    closedAt: r.closedAt,
  }
}

/** The 组织评定 picture: tally from the round's summed shards, proposal from the rules, inputs captured at close. */
export const assessmentView = (r: EvalRoundDoc, total: TallyTotal, votedIds: readonly string[], today: string, links: Links = NO_LINKS): Assessment => {
  const names = nameMap(r)
  const tally = tallyMarkCounts(total.counts, total.ballots, { gradedIds: r.gradedIds, votedIds, includeSelf: r.includeSelf })
  const points = r.inputs?.points ?? null
  const { proposals } = proposeRoundGrades(tally, {
    formalCount: r.gradedIds.length,
    ratio: r.excellentRatio,
    scale: r.grades,
    reviewShare: r.unqualifiedReviewShare,
    ...(points ? { points } : {}),
  })
  const rows: AssessmentRow[] = tally.map((t, i) => {
    const p = proposals[i]
    if (!p || p.memberId !== t.memberId) throw new Error('proposal order differs from tally order')
    const final = r.finals?.[t.memberId] ?? null
    return {
      memberId: t.memberId,
      name: names.get(t.memberId) ?? t.memberId,
      counts: { ...t.counts },
      ballots: t.ballots,
      unqualifiedShare: p.unqualifiedShare,
      needsReview: exceedsUnqualifiedShare(t, r.unqualifiedReviewShare),
      selfAssessment: r.selfAssessments[t.memberId]?.text ?? null,
      attachment: attachmentView(r.selfAssessments[t.memberId], links),
      points: points ? (points[t.memberId] ?? null) : null,
      attendance: r.inputs?.attendance ? (r.inputs.attendance[t.memberId] ?? { attended: 0, due: 0, leave: 0 }) : null,
      proposed: p.proposed,
      flags: p.flags,
      flagLabels: p.flags.map((f: ProposalFlag) => PROPOSAL_FLAG_LABELS[f]),
      final: final ? { grade: final.grade, reason: final.reason } : null,
      followUp: r.followUps[t.memberId] ?? null,
    }
  })
  return {
    ...summaryView(r, today),
    settings: settingsView(r),
    ballots: total.ballots,
    voted: votedIds.length,
    eligible: r.voterIds.length,
    rows,
    probationary: r.members
      .filter((m) => !r.gradedIds.includes(m.id))
      .map((m) => ({
        memberId: m.id,
        name: m.name,
        selfAssessment: r.selfAssessments[m.id]?.text ?? null,
        attachment: attachmentView(r.selfAssessments[m.id], links),
      })),
    inputsCapturedAt: r.inputs?.capturedAt ?? null,
    finalsSavedAt: r.finalsSavedAt,
  }
}

export const proposedMap = (a: Assessment): Record<string, EvaluationGrade> => Object.fromEntries(a.rows.map((row) => [row.memberId, row.proposed]))
