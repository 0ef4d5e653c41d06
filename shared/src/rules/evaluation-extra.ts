/**
 * 民主评议党员 rules the evaluation feature needs beyond `./evaluation` (docs/DOMAIN.md §5): the Chinese
 * message for each rule outcome, round settings checks (grade scale, voting window, 限期改正 ≤1 year
 * [N]), the 不合格 review threshold as "more than" a share [L], and the sparse ballot encoding that keeps
 * a stored ballot from pointing at its voter when self is excluded. Pure; callers pass `today`.
 */
import {
  DEFAULT_EXCELLENT_RATIO,
  EVALUATION_GRADE_LABELS,
  EVALUATION_GRADES,
  proposeGrades,
  type BallotCheck,
  type BallotRow,
  type EvaluationGrade,
  type FinalGradesCheck,
  type GradeProposal,
  type ProposalOptions,
  type TallyRow,
} from './evaluation'
import { addYears, diffDays } from './time'

// ---------------------------------------------------------------------------------------------------
// Messages: every refusal names the rule in words a member can read.

/** `1/3` → 三分之一, `1/2` → 二分之一, other ratios as a percentage. */
export function ratioLabel(ratio: number): string {
  const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十']
  for (let den = 2; den <= 10; den++) {
    for (let num = 1; num < den; num++) {
      if (Math.abs(ratio - num / den) < 1e-9) return `${CN[den]}分之${CN[num]}`
    }
  }
  if (Math.abs(ratio - 1) < 1e-9) return '全部'
  return `${Math.round(ratio * 1000) / 10}%`
}

const namesOf = (ids: readonly string[], names: Readonly<Record<string, string>>): string =>
  ids.map((id) => names[id] ?? id).join('、')

/**
 * The message for a failed `checkFinalGrades`: the 优秀 cap names the rule (一般不超过正式党员总数的
 * 三分之一 [N-QA]) with this branch's numbers.
 */
export function finalGradesMessage(
  check: Exclude<FinalGradesCheck, { ok: true }>,
  names: Readonly<Record<string, string>> = {},
  ratio: number = DEFAULT_EXCELLENT_RATIO,
): string {
  switch (check.reason) {
    case 'EXCELLENT_QUOTA_EXCEEDED':
      return `评定为优秀的党员一般不超过正式党员总数的${ratioLabel(ratio)}：本次正式党员${check.formalCount}人，优秀最多${check.quota}人，现为${check.excellent}人`
    case 'PROBATIONARY_GRADED':
      return `预备党员参加民主评议，但不评定等次：${namesOf(check.memberIds, names)}`
    case 'FORMAL_UNGRADED':
      return `还有正式党员未评定等次：${namesOf(check.memberIds, names)}`
    case 'GRADE_NOT_IN_SCALE':
      return `等次不在本次评议的等次范围内：${namesOf(check.memberIds, names)}`
    case 'DUPLICATE_MEMBER':
      return `同一党员不能重复评定：${namesOf(check.memberIds, names)}`
  }
}

/** The message for a refused 民主测评 ballot. */
export function ballotMessage(check: Exclude<BallotCheck, { ok: true }>, names: Readonly<Record<string, string>> = {}): string {
  switch (check.reason) {
    case 'BALLOT_EXCELLENT_LIMIT_EXCEEDED':
      return `每张测评表评为优秀的最多${check.limit}人，您选了${check.excellent}人`
    case 'MISSING_MEMBER':
      return `还有${check.memberIds.length}名党员未选择等次：${namesOf(check.memberIds, names)}`
    case 'SELF_GRADED':
      return '本次测评不对本人评价，请去掉本人'
    case 'UNKNOWN_MEMBER':
      return '测评表中有不在本次评议范围内的党员，请刷新后重新填写'
    case 'GRADE_NOT_IN_SCALE':
      return `等次不在本次评议的等次范围内：${namesOf(check.memberIds, names)}`
    case 'DUPLICATE_MEMBER':
      return `同一党员只能选择一个等次：${namesOf(check.memberIds, names)}`
  }
}

// ---------------------------------------------------------------------------------------------------
// Round settings.

export type ScaleCheck = { ok: true } | { ok: false; reason: 'SCALE_INVALID'; message: string }

/**
 * A grade scale a round may use: grades of the national list in its order (优秀 → 不合格), no repeats,
 * at least 合格 and 不合格 (the village standard's three grades qualify, seed `004_…`).
 */
export function checkGradeScale(grades: readonly EvaluationGrade[]): ScaleCheck {
  const order = grades.map((g) => (EVALUATION_GRADES as readonly string[]).indexOf(g))
  const increasing = order.every((n, i) => n >= 0 && (i === 0 || n > (order[i - 1] as number)))
  if (!increasing) return { ok: false, reason: 'SCALE_INVALID', message: '等次应按“优秀、合格、基本合格、不合格”的顺序排列且不重复' }
  if (!grades.includes('qualified') || !grades.includes('unqualified')) {
    return { ok: false, reason: 'SCALE_INVALID', message: '等次至少应包括“合格”和“不合格”' }
  }
  return { ok: true }
}

export const scaleLabel = (grades: readonly EvaluationGrade[]): string => grades.map((g) => EVALUATION_GRADE_LABELS[g]).join(' / ')

/** The longest voting window a round may have (a 测评 is held at one meeting; a month covers absentees). */
export const MAX_VOTING_DAYS = 31

export type WindowCheck = { ok: true } | { ok: false; reason: 'WINDOW_REVERSED' | 'WINDOW_PAST' | 'WINDOW_TOO_LONG'; message: string }

/** The voting window `[from, to]` (Beijing dates, inclusive): ordered, not over, at most 31 days. */
export function checkVotingWindow(from: string, to: string, today: string): WindowCheck {
  if (diffDays(from, to) < 0) return { ok: false, reason: 'WINDOW_REVERSED', message: '测评结束日期不能早于开始日期' }
  if (diffDays(today, to) < 0) return { ok: false, reason: 'WINDOW_PAST', message: '测评结束日期不能早于今天' }
  if (diffDays(from, to) + 1 > MAX_VOTING_DAYS) {
    return { ok: false, reason: 'WINDOW_TOO_LONG', message: `测评时间最长${MAX_VOTING_DAYS}天` }
  }
  return { ok: true }
}

export type VotingState = 'before' | 'open' | 'ended'

/** Where `today` falls in the voting window. */
export function votingState(from: string, to: string, today: string): VotingState {
  if (diffDays(from, today) < 0) return 'before'
  if (diffDays(today, to) < 0) return 'ended'
  return 'open'
}

export type FollowUpCheck = { ok: true } | { ok: false; reason: 'DEADLINE_PAST' | 'DEADLINE_TOO_FAR'; message: string }

/**
 * 限期改正: the deadline is not in the past and at most one year after the result was decided
 * (不合格党员限期改正，期限一般不超过一年 [N]). Nothing follows automatically.
 */
export function checkFollowUpDeadline(deadline: string, today: string, decidedOn: string): FollowUpCheck {
  if (diffDays(today, deadline) < 0) return { ok: false, reason: 'DEADLINE_PAST', message: '改正期限不能早于今天' }
  const latest = addYears(decidedOn, 1)
  if (diffDays(deadline, latest) < 0) return { ok: false, reason: 'DEADLINE_TOO_FAR', message: `限期改正一般不超过一年（最晚${latest}）` }
  return { ok: true }
}

// ---------------------------------------------------------------------------------------------------
// Sparse ballots: with self excluded, a ballot holding a row for every evaluated member but one would
// name its voter by the missing row. A ballot is therefore counted only by its rows that are NOT the
// default grade (合格); a missing row reads "合格 — or the voter themself", which nobody can tell apart.
// No ballot is stored: its sparse marks are added into the round's tally counters, and the roster (who
// voted) tells the tally how many ballots could grade each member.

/** The grade a stored ballot leaves out. Every scale contains it (see checkGradeScale). */
export const DEFAULT_BALLOT_GRADE: EvaluationGrade = 'qualified'

/** The stored form of a validated ballot: `{ memberId: grade }` for rows other than 合格, in row order. */
export function encodeBallot(rows: readonly BallotRow[]): Record<string, EvaluationGrade> {
  const marks: Record<string, EvaluationGrade> = {}
  for (const r of rows) if (r.grade !== DEFAULT_BALLOT_GRADE) marks[r.memberId] = r.grade
  return marks
}

const zeroCounts = (): Record<EvaluationGrade, number> => ({ excellent: 0, qualified: 0, 'basically-qualified': 0, unqualified: 0 })

/**
 * Stored ballots summed: per member, how many ballots gave each grade other than 合格. This is all a round
 * keeps of its ballots (in tally shards, see cloudfunctions/evaluation/tally.ts): no ballot is stored.
 */
export type MarkCounts = Readonly<Record<string, Readonly<Partial<Record<EvaluationGrade, number>>>>>

export interface TallyOptions {
  gradedIds: readonly string[]
  votedIds: Iterable<string>
  includeSelf: boolean
}

/**
 * The tally from the summed marks of `ballots` ballots, equal to `tallyBallots` of the full ballots: each
 * member is graded by every ballot except (when self is excluded) their own, so `ballots` = ballots −
 * (voted ? 1 : 0) and 合格 = ballots minus the member's other marks.
 */
export function tallyMarkCounts(counts: MarkCounts, ballots: number, options: TallyOptions): TallyRow[] {
  const voted = new Set(options.votedIds)
  return [...new Set(options.gradedIds)].map((memberId) => {
    const row: TallyRow = { memberId, counts: zeroCounts(), ballots: Math.max(0, ballots - (!options.includeSelf && voted.has(memberId) ? 1 : 0)) }
    for (const [grade, n] of Object.entries(counts[memberId] ?? {})) {
      if ((EVALUATION_GRADES as readonly string[]).includes(grade) && grade !== DEFAULT_BALLOT_GRADE && typeof n === 'number') row.counts[grade as EvaluationGrade] += n
    }
    const marked = row.counts.excellent + row.counts['basically-qualified'] + row.counts.unqualified
    row.counts.qualified = Math.max(0, row.ballots - marked)
    return row
  })
}

/** The tally from sparse ballots (`encodeBallot`): their marks summed, then `tallyMarkCounts`. */
export function tallyStoredBallots(stored: readonly Readonly<Record<string, EvaluationGrade>>[], options: TallyOptions): TallyRow[] {
  const counts: Record<string, Partial<Record<EvaluationGrade, number>>> = {}
  for (const marks of stored) {
    for (const [memberId, grade] of Object.entries(marks)) {
      const c = (counts[memberId] ??= {})
      c[grade] = (c[grade] ?? 0) + 1
    }
  }
  return tallyMarkCounts(counts, stored.length, options)
}

// ---------------------------------------------------------------------------------------------------
// 组织评定.

/** True when more than `share` of a member's ballots say 不合格 — a flag for 支委会 review, never a grade. */
export function exceedsUnqualifiedShare(row: TallyRow, share: number): boolean {
  return row.ballots > 0 && row.counts.unqualified * 1 > share * row.ballots + 1e-9
}

/**
 * `proposeGrades` with the branch's review threshold read as "more than `share`" (the product's default:
 * 超过三分之一的票), where the shared rule flags "at or above". Shares are ratios of small counts, so
 * nudging the threshold by 1e-9 turns ≥ into >.
 */
export function proposeRoundGrades(
  tally: readonly TallyRow[],
  options: Omit<ProposalOptions, 'unqualifiedFlagShare'> & { reviewShare: number },
): { quota: number; proposals: GradeProposal[] } {
  const { reviewShare, ...rest } = options
  return proposeGrades(tally, { ...rest, unqualifiedFlagShare: Math.min(1, reviewShare + 1e-9) })
}

export interface FinalChoice {
  memberId: string
  grade: EvaluationGrade | null
  reason?: string | null
}

/** Members whose final grade differs from the proposal without a reason (the 支委会 must say why). */
export function missingReasons(finals: readonly FinalChoice[], proposed: Readonly<Record<string, EvaluationGrade>>): string[] {
  return finals
    .filter((f) => f.grade !== null && proposed[f.memberId] !== undefined && f.grade !== proposed[f.memberId])
    .filter((f) => (f.reason ?? '').trim() === '')
    .map((f) => f.memberId)
}
