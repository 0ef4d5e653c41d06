/**
 * The 达标 self-assessment score (docs/DOMAIN.md §1): the standard's automatic checks against the branch's
 * records, plus hand scores, each capped at the item's points. Every number comes from the standard's data.
 */
import { type AssessmentItem, type AssessmentStandard, type AutoCheck, standardItems } from '../../profiles/assessment-standards'
import type { ReelectionStatus } from '../branch'
import { RuleInputError } from '../errors'
import type { ComplianceRow } from '../meetings/compliance'
import { MEETING_KIND_SHORT_LABELS, type MeetingKind } from '../meetings/kinds'

export type EvaluationState = 'none' | 'open' | 'closed' | 'published'

/** What the records say, gathered by the caller. */
export interface AssessmentFacts {
  setupFindings: readonly { code: string; message: string }[]
  reelection: ReelectionStatus
  /** Compliance rows as judged for the gaps (per-group 党小组会 rows where the branch has groups). */
  meetingRows: readonly (ComplianceRow & { groupName?: string })[]
  /** Meetings held in the year, by kind. */
  heldByKind: Readonly<Partial<Record<MeetingKind, number>>>
  evaluation: EvaluationState
  /** Members whose dues arrears reach the warning. */
  duesArrears: readonly { name: string; run: number }[]
}

export interface HandScore {
  /** Points deducted by hand (0 … the item's maximum, in steps of 0.5). */
  deduction: number
}

export interface AutoDeduction {
  label: string
  points: number
  /** What in the records caused it, one line each. */
  evidence: string[]
}

export type ItemStatus = 'scored' | 'partial' | 'pending'

export interface ScoredItem {
  item: AssessmentItem
  auto: AutoDeduction[]
  autoDeduction: number
  handDeduction: number | null
  /** Null until a hand-scored item is scored. */
  score: number | null
  status: ItemStatus
}

export interface AssessmentScore {
  areas: { code: string; title: string; max: number; score: number; items: ScoredItem[] }[]
  total: number
  max: number
  autoDeduction: number
  handDeduction: number
  /** Hand-scored items not yet scored (their points are not in `total`). */
  pending: number
  pendingMax: number
}

/** A deduction in steps of 0.5 within `[0, max]`? */
export const isValidDeduction = (points: number, max: number): boolean => Number.isFinite(points) && points >= 0 && points <= max && Number.isInteger(points * 2)

const half = (n: number): number => Math.round(n * 2) / 2

function autoDeduction(check: AutoCheck, facts: AssessmentFacts): AutoDeduction | null {
  switch (check.check) {
    case 'setup': {
      const hits = facts.setupFindings.filter((f) => check.codes.includes(f.code))
      if (hits.length === 0) return null
      return { label: check.label, points: Math.min(check.max, hits.length * check.points), evidence: hits.map((f) => f.message) }
    }
    case 'reelection':
      return facts.reelection === 'overdue' || facts.reelection === 'hard-overdue' ? { label: check.label, points: check.points, evidence: ['支部委员会任期已满，尚未换届'] } : null
    case 'meetings': {
      const bySecretary = check.bySecretary === true
      const gaps = facts.meetingRows.filter(
        (r) => check.kinds.includes(r.requirement.kind) && (r.requirement.by === 'secretary') === bySecretary && r.status === 'overdue',
      )
      if (gaps.length === 0) return null
      const held = check.kinds.reduce((n, k) => n + (facts.heldByKind[k] ?? 0), 0)
      const evidence = gaps.map(
        (r) => `${r.period.label}${r.groupName ? ` ${r.groupName}` : ''}${bySecretary ? '书记讲' : ''}${MEETING_KIND_SHORT_LABELS[r.requirement.kind]}：应${r.required}次，实${r.held}次`,
      )
      const points = check.noneHeld !== undefined && held === 0 ? check.noneHeld : gaps.length * check.perGap
      return { label: check.label, points, evidence }
    }
    case 'evaluation':
      if (facts.evaluation === 'published') return null
      return facts.evaluation === 'none'
        ? { label: `${check.label}未开展`, points: check.none, evidence: ['本年度尚未开展民主评议党员'] }
        : { label: `${check.label}尚未完成`, points: check.unfinished, evidence: ['本年度民主评议结果尚未公示'] }
    case 'dues':
      if (facts.duesArrears.length === 0) return null
      return {
        label: check.label,
        points: Math.min(check.max, facts.duesArrears.length * check.perMember),
        evidence: facts.duesArrears.map((a) => `${a.name}：连续${a.run}个月未交纳党费`),
      }
  }
}

/** Scores every item: auto deductions from the facts, hand deductions from `hand`, each capped at the item's points. */
export function scoreAssessment(standard: AssessmentStandard, facts: AssessmentFacts, hand: Readonly<Record<string, HandScore>>): AssessmentScore {
  for (const [code, h] of Object.entries(hand)) {
    const item = standardItems(standard).find((i) => i.code === code)
    if (!item) throw new RuleInputError('INVALID_ARGUMENT', '没有该评分项', { code })
    if (item.mode === 'auto') throw new RuleInputError('INVALID_ARGUMENT', '该项由系统根据记录自动评分', { code })
    if (!isValidDeduction(h.deduction, item.max)) throw new RuleInputError('INVALID_COUNT', `扣分应在0至${item.max}分之间，以0.5分为单位`, { code })
  }
  const areas = standard.areas.map((area) => {
    const items = area.items.map((item): ScoredItem => {
      const auto = item.auto.map((c) => autoDeduction(c, facts)).filter((d): d is AutoDeduction => d !== null)
      const autoSum = half(auto.reduce((s, d) => s + d.points, 0))
      const handDeduction = hand[item.code]?.deduction ?? null
      const status: ItemStatus = item.mode === 'auto' || handDeduction !== null ? 'scored' : item.mode === 'mixed' ? 'partial' : 'pending'
      const score = status === 'pending' ? null : Math.max(0, item.max - autoSum - (handDeduction ?? 0))
      return { item, auto, autoDeduction: Math.min(item.max, autoSum), handDeduction, score, status }
    })
    return { code: area.code, title: area.title, max: area.max, score: items.reduce((s, i) => s + (i.score ?? 0), 0), items }
  })
  const all = areas.flatMap((a) => a.items)
  const pending = all.filter((i) => i.status === 'pending')
  return {
    areas,
    total: areas.reduce((s, a) => s + a.score, 0),
    max: standard.total,
    autoDeduction: all.reduce((s, i) => s + i.autoDeduction, 0),
    handDeduction: all.reduce((s, i) => s + (i.handDeduction ?? 0), 0),
    pending: pending.length,
    pendingMax: pending.reduce((s, i) => s + i.item.max, 0),
  }
}
