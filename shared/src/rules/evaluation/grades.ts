/**
 * 民主评议 grades (docs/DOMAIN.md §5): the national four and the village three, the 优秀 cap on the final
 * 组织评定 (一般不超过正式党员的三分之一 [N-QA]; 预备党员 not graded), grade scales a round may use, and the
 * Chinese message for a refused set of final grades.
 */
import * as z from 'zod/mini'
import type { MemberStatus } from '../../contract/roles'
import { RuleInputError } from '../errors'

export const EVALUATION_GRADES = ['excellent', 'qualified', 'basically-qualified', 'unqualified'] as const

export type EvaluationGrade = (typeof EVALUATION_GRADES)[number]

export const EvaluationGradeSchema = z.enum(EVALUATION_GRADES)

export const EVALUATION_GRADE_LABELS: Record<EvaluationGrade, string> = {
  excellent: '优秀',
  qualified: '合格',
  'basically-qualified': '基本合格',
  unqualified: '不合格',
}

/** The national four grades [N]. */
export const FOUR_GRADE_SCALE: readonly EvaluationGrade[] = ['excellent', 'qualified', 'basically-qualified', 'unqualified']

/** The village standard's three grades: 合格 / 基本合格 / 不合格 (seed `004_…`). */
export const THREE_GRADE_SCALE: readonly EvaluationGrade[] = ['qualified', 'basically-qualified', 'unqualified']

export const DEFAULT_EXCELLENT_RATIO = 1 / 3

function assertRatio(ratio: number, what = '比例'): number {
  if (typeof ratio !== 'number' || !Number.isFinite(ratio) || ratio < 0 || ratio > 1) {
    throw new RuleInputError('INVALID_RATIO', `${what}应在0到1之间`, { value: ratio })
  }
  return ratio
}

/**
 * The most 优秀 the final grades may hold: `floor(formalMemberCount × ratio)` (31 → 10, 2 → 0).
 * `formalMemberCount` is the number of 正式党员; throws `RuleInputError` for a negative or fractional
 * count or a ratio outside [0, 1].
 */
export function excellentQuota(formalMemberCount: number, ratio: number = DEFAULT_EXCELLENT_RATIO): number {
  if (!Number.isSafeInteger(formalMemberCount) || formalMemberCount < 0) {
    throw new RuleInputError('INVALID_COUNT', '正式党员人数应为非负整数', { value: formalMemberCount })
  }
  assertRatio(ratio, '优秀比例')
  // 1/3 is not exact in binary: 30 × (1/3) is 9.999…; the tolerance keeps exact multiples exact while
  // staying far below the 1/count gap between real values.
  return Math.floor(formalMemberCount * ratio + 1e-9)
}

export interface FinalGradeEntry {
  memberId: string
  status: MemberStatus
  /** The 组织评定 grade; omitted or null for 预备党员. */
  grade?: EvaluationGrade | null
}

export type FinalGradesCheck =
  | { ok: true }
  | { ok: false; reason: 'DUPLICATE_MEMBER' | 'PROBATIONARY_GRADED' | 'FORMAL_UNGRADED' | 'GRADE_NOT_IN_SCALE'; memberIds: string[] }
  | { ok: false; reason: 'EXCELLENT_QUOTA_EXCEEDED'; excellent: number; quota: number; formalCount: number }

/**
 * Checks the final grades of a round: each member once, 预备党员 ungraded, every 正式党员 graded with a
 * grade of the scale (default the four national grades), and 优秀 within `excellentQuota` of the
 * 正式党员 in the list.
 */
export function checkFinalGrades(
  grades: readonly FinalGradeEntry[],
  ratio: number = DEFAULT_EXCELLENT_RATIO,
  options: { scale?: readonly EvaluationGrade[] } = {},
): FinalGradesCheck {
  assertRatio(ratio, '优秀比例')
  const scale = options.scale ?? FOUR_GRADE_SCALE
  const seen = new Set<string>()
  const duplicates = grades.filter((g) => (seen.has(g.memberId) ? true : (seen.add(g.memberId), false)))
  if (duplicates.length > 0) return { ok: false, reason: 'DUPLICATE_MEMBER', memberIds: duplicates.map((g) => g.memberId) }
  const graded = (g: FinalGradeEntry): boolean => g.grade !== undefined && g.grade !== null
  const probationaryGraded = grades.filter((g) => g.status !== 'formal' && graded(g))
  if (probationaryGraded.length > 0) return { ok: false, reason: 'PROBATIONARY_GRADED', memberIds: probationaryGraded.map((g) => g.memberId) }
  const formal = grades.filter((g) => g.status === 'formal')
  const ungraded = formal.filter((g) => !graded(g))
  if (ungraded.length > 0) return { ok: false, reason: 'FORMAL_UNGRADED', memberIds: ungraded.map((g) => g.memberId) }
  const outside = formal.filter((g) => !scale.includes(g.grade as EvaluationGrade))
  if (outside.length > 0) return { ok: false, reason: 'GRADE_NOT_IN_SCALE', memberIds: outside.map((g) => g.memberId) }
  const excellent = formal.filter((g) => g.grade === 'excellent').length
  const quota = excellentQuota(formal.length, ratio)
  if (excellent > quota) return { ok: false, reason: 'EXCELLENT_QUOTA_EXCEEDED', excellent, quota, formalCount: formal.length }
  return { ok: true }
}

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
