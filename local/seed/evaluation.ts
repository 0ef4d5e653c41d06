/**
 * Demo 民主评议 for 第一党支部: last year's round closed, graded and published (with one 不合格 member's
 * 限期改正 record), and this year's round open for 自评 and voting with some 自评 and ballots already in.
 * Ballots are added into tally shards by the code the vote uses (`addBallot`: sparse marks, no ballot
 * document), last year's shards folded as the close folds them; deterministic given `nowIso`.
 */
import { newRoundState, type EvalFinalGrade, type EvalRosterDoc, type EvalRoundDoc, type EvalRoundMember, type EvalTallyDoc } from '../../cloudfunctions/evaluation/documents'
import { addBallot, emptyShards, foldShards, TALLY_SHARDS } from '../../cloudfunctions/evaluation/tally'
import { HUNAN_WUHUA_2018 } from '../../shared/src/profiles'
import { checkFinalGrades, type EvaluationGrade } from '../../shared/src/rules/evaluation/grades'
import { type BallotRow, encodeBallot } from '../../shared/src/rules/evaluation/ballot'
import { proposeRoundGrades } from '../../shared/src/rules/evaluation/proposal'
import { tallyMarkCounts } from '../../shared/src/rules/evaluation/tally'
import { addDays, addMonths, beijingDate, beijingDateTime, diffDays } from '../../shared/src/rules/time'
import { createHash } from 'node:crypto'
import { DEMO, demoOrg } from './demo-org'

type Docs = Record<string, Record<string, unknown>[]>

const EVAL = HUNAN_WUHUA_2018.evaluation

/** Stable pseudo-random numbers in [0, 1) from a string key. */
const rand = (key: string): number => createHash('sha256').update(key).digest().readUInt32BE(0) / 2 ** 32

/** How members tend to be graded (demo colour): a few admired, one struggling, most 合格. */
const LEANING: Record<string, { excellent: number; basic: number; unqualified: number }> = {
  [DEMO.m.secretary]: { excellent: 0.75, basic: 0, unqualified: 0 },
  [DEMO.m.organizer]: { excellent: 0.65, basic: 0, unqualified: 0 },
  [DEMO.m.leader1]: { excellent: 0.7, basic: 0, unqualified: 0 },
  [DEMO.m.mobile]: { excellent: 0.6, basic: 0.05, unqualified: 0 },
  m_b1_16: { excellent: 0.68, basic: 0, unqualified: 0 },
  m_b1_19: { excellent: 0.62, basic: 0, unqualified: 0 },
  m_b1_21: { excellent: 0.1, basic: 0.35, unqualified: 0.45 },
}
const gradeFor = (memberId: string, key: string): EvaluationGrade => {
  const lean = LEANING[memberId] ?? { excellent: 0.12, basic: 0.04, unqualified: 0.01 }
  const r = rand(key)
  if (r < lean.excellent) return 'excellent'
  if (r < lean.excellent + lean.unqualified) return 'unqualified'
  if (r < lean.excellent + lean.unqualified + lean.basic) return 'basically-qualified'
  return 'qualified'
}

const SELF_TEXTS = [
  '一年来认真学习党的理论，按时参加组织生活和主题党日，按时足额交纳党费。在社区志愿服务中积极带头，参加疫情防控和环境整治12次。不足之处是理论学习还不够系统，今后要加强学习。',
  '坚持“三会一课”，积极参加党小组学习。在岗位上认真履职，帮助困难群众解决实际问题。存在的不足是联系群众还不够经常，下一步要多走访、多倾听。',
  '本人能够严格遵守党的纪律，积极参加支部组织的各项活动。作为网格员，全年走访居民300余户。不足是有时工作方法简单，今后要改进。',
  '按时参加组织生活，完成支部交办的宣传任务。学习强国坚持每日学习。不足是发挥先锋模范作用还不够突出，今后要在志愿服务中多担当。',
  '认真履行党员义务，参加党员志愿服务队，为老人送餐、陪护。今后要进一步提高政治理论水平，严格要求自己。',
]

interface RoundPlan {
  id: string
  year: number
  votingFrom: string
  votingTo: string
  members: EvalRoundMember[]
  voterIds: string[]
  gradedIds: string[]
}

const planRound = (year: number, votingFrom: string, votingTo: string, nowIso: string): RoundPlan => {
  const { members } = demoOrg(nowIso)
  // Members as they were when the round opened: joined by then; 正式 once 转正 had happened.
  const snapshot = members
    .filter((m) => m.branchId === DEMO.branch && diffDays(m.joinedAt, votingFrom) >= 0)
    .map<EvalRoundMember>((m) => ({
      id: m._id,
      name: m.name,
      gender: m.gender,
      status: m.formalAt !== null && diffDays(m.formalAt, votingFrom) >= 0 ? 'formal' : 'probationary',
      groupId: m.groupId,
      joinedAt: m.joinedAt,
      formalAt: m.formalAt !== null && diffDays(m.formalAt, votingFrom) >= 0 ? m.formalAt : null,
    }))
  return {
    id: `ev_${DEMO.branch}_${year}`,
    year,
    votingFrom,
    votingTo,
    members: snapshot,
    voterIds: snapshot.map((m) => m.id),
    gradedIds: snapshot.filter((m) => m.status === 'formal').map((m) => m.id),
  }
}

/** Full ballots of `voters` (self excluded), each added into a (stable) pseudo-random shard as a vote adds it. */
const castBallots = (plan: RoundPlan, voters: string[]): { shards: EvalTallyDoc[]; roster: EvalRosterDoc[] } => {
  const shards = emptyShards({ _id: plan.id, gradedIds: plan.gradedIds, grades: [...EVAL.grades] })
  voters.forEach((voter, i) => {
    const rows = plan.gradedIds.filter((id) => id !== voter).map((memberId) => ({ memberId, grade: gradeFor(memberId, `${plan.id}|${voter}|${memberId}`) }))
    const k = Math.floor(rand(`${plan.id}#shard${i}`) * TALLY_SHARDS)
    shards[k] = addBallot(shards[k] as EvalTallyDoc, encodeBallot(rows as BallotRow[]))
  })
  return { shards, roster: voters.map((memberId) => ({ _id: `${plan.id}_${memberId}`, roundId: plan.id, memberId })) }
}

const baseRound = (plan: RoundPlan, at: string): EvalRoundDoc => ({
  _id: plan.id,
  branchId: DEMO.branch,
  year: plan.year,
  seq: 1,
  title: `${plan.year}年度民主评议党员`,
  repeatReason: null,
  status: 'open',
  grades: [...EVAL.grades],
  excellentRatio: EVAL.excellentRatio,
  includeSelf: false,
  ballotExcellentLimit: null,
  unqualifiedReviewShare: EVAL.unqualifiedFlagShare,
  showOwnTally: false,
  votingFrom: plan.votingFrom,
  votingTo: plan.votingTo,
  members: plan.members,
  voterIds: plan.voterIds,
  gradedIds: plan.gradedIds,
  ...newRoundState(DEMO.m.secretary, at),
})

const selfAssessments = (plan: RoundPlan, ids: string[], at: string): EvalRoundDoc['selfAssessments'] =>
  Object.fromEntries(ids.map((id, i) => [id, { text: SELF_TEXTS[i % SELF_TEXTS.length] as string, attachment: null, submittedAt: at }]))

/** Members whose WeChat is bound: only they can vote in the app. */
const boundIds = (nowIso: string): Set<string> =>
  new Set(demoOrg(nowIso).members.filter((m) => m.openid !== null).map((m) => m._id))

export const evaluationSeed = (nowIso: string): Docs => {
  const today = beijingDate(nowIso)
  const year = Number(today.slice(0, 4))
  const bound = boundIds(nowIso)

  // ---- last year's round: 测评 in early January, graded, published for 7 days.
  const janStart = `${year}-01-08`
  const lastFrom = diffDays(janStart, today) >= 30 ? janStart : addDays(today, -30)
  const last = planRound(year - 1, lastFrom, addDays(lastFrom, 2), nowIso)
  const lastVoters = last.voterIds.filter((id) => bound.has(id) && id !== DEMO.m.retired)
  const lastCast = castBallots(last, lastVoters)
  // Closed: its shards folded into one, as closeRound leaves them.
  const lastTally = foldShards({ _id: last.id, gradedIds: last.gradedIds, grades: [...EVAL.grades] }, lastCast.shards)
  const tally = tallyMarkCounts(lastTally.counts, lastTally.ballots, { gradedIds: last.gradedIds, votedIds: lastVoters, includeSelf: false })
  const points = Object.fromEntries(last.gradedIds.map((id) => [id, id === 'm_b1_21' ? 58 : 72 + Math.floor(rand(`pts${id}`) * 24)]))
  const attendance = Object.fromEntries(
    last.gradedIds.map((id) => {
      const due = id === DEMO.m.retired ? 0 : 24
      const attended = id === 'm_b1_21' ? 15 : due - Math.floor(rand(`att${id}`) * 4)
      return [id, { due, attended, leave: Math.min(due - attended, 2) }]
    }),
  )
  const { proposals } = proposeRoundGrades(tally, {
    formalCount: last.gradedIds.length,
    ratio: EVAL.excellentRatio,
    reviewShare: EVAL.unqualifiedFlagShare,
    points,
  })
  const finals: Record<string, EvalFinalGrade> = {}
  proposals.forEach((p, i) => {
    const t = tally[i]
    if (!t) return
    // The 支委会 looked into the flagged member and decided 不合格, with its reason on record.
    const grade: EvaluationGrade = p.memberId === 'm_b1_21' ? 'unqualified' : p.proposed
    finals[p.memberId] = {
      grade,
      reason: grade === p.proposed ? null : '经支委会研究：全年无故缺席组织生活4次，经谈心谈话仍未改正，群众意见较大',
      proposed: p.proposed,
      tally: { ...t.counts, ballots: t.ballots },
    }
  })
  const check = checkFinalGrades(
    last.members.map((m) => ({ memberId: m.id, status: m.status, grade: finals[m.id]?.grade ?? null })),
    EVAL.excellentRatio,
  )
  if (!check.ok) throw new Error(`evaluation seed: last year's grades break ${check.reason}`)
  const closedAt = beijingDateTime(last.votingTo, '11:30')
  const publishedOn = addDays(last.votingTo, 3)
  const lastRound: EvalRoundDoc = {
    ...baseRound(last, beijingDateTime(addDays(last.votingFrom, -20), '09:00')),
    status: 'published',
    selfAssessments: selfAssessments(last, last.voterIds.filter((id) => id !== DEMO.m.retired), beijingDateTime(addDays(last.votingFrom, -5), '20:00')),
    closedAt,
    closedBy: DEMO.m.secretary,
    inputs: { points, attendance, capturedAt: closedAt },
    finals,
    finalsSavedAt: beijingDateTime(addDays(last.votingTo, 1), '16:00'),
    finalsSavedBy: DEMO.m.secretary,
    publishedOn,
    publicityEndsOn: addDays(publishedOn, 6),
    publishedAt: beijingDateTime(publishedOn, '09:00'),
    followUps: {
      m_b1_21: {
        deadline: addMonths(publishedOn, 6),
        notes: '支委会决定限期改正半年：按时参加组织生活，每月向党小组长汇报思想；书记已谈心谈话。',
        recordedAt: beijingDateTime(publishedOn, '10:00'),
        recordedBy: '张建国',
      },
    },
  }
  lastRound.updatedAt = lastRound.publishedAt as string

  // ---- this year's round: open, voting from two days ago for two weeks; some 自评 and ballots in.
  const cur = planRound(year, addDays(today, -2), addDays(today, 12), nowIso)
  const generic = cur.voterIds.filter((id) => /^m_b1_(1[5-9]|2\d)$/.test(id))
  const curVoters = generic.slice(0, 8).filter((id) => bound.has(id))
  const curCast = castBallots(cur, curVoters)
  const curRound: EvalRoundDoc = {
    ...baseRound(cur, beijingDateTime(addDays(today, -9), '09:00')),
    selfAssessments: selfAssessments(
      cur,
      [DEMO.m.secretary, DEMO.m.deputy, DEMO.m.organizer, DEMO.m.publicity, ...generic.slice(0, 12)],
      beijingDateTime(addDays(today, -4), '20:30'),
    ),
  }

  return {
    eval_rounds: [lastRound, curRound] as unknown as Record<string, unknown>[],
    eval_tallies: [lastTally, ...curCast.shards] as unknown as Record<string, unknown>[],
    eval_roster: [...lastCast.roster, ...curCast.roster] as unknown as Record<string, unknown>[],
  }
}
