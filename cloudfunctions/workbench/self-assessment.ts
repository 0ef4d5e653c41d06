/**
 * The 五化 达标 self-assessment scored: the standard's table (profile-keyed data) scored from the branch's
 * records (the same facts as the dashboard) plus the hand scores kept in `assessments/as_${branch}_${year}`
 * with a note and attachments, and the item view the 支委 see.
 */
import { AppError } from '@shared/contract/errors'
import type { StandardItemView } from '@shared/contract/workbench'
import { assessmentStandardFor, standardItems } from '@shared/profiles/assessment-standards'
import { scoreAssessment, type ScoredItem } from '@shared/rules/workbench/standard-score'
import type { HandScoreDoc } from './documents'
import { loadBranchBoard, type BranchBoardData } from './board-data'
import type { Caller } from '../_kit/caller'
import { files, PICTURE_LINK_SECONDS } from '../_kit/files'
import type { Store } from '../_kit/store'
import { assessmentFacts, boardFacts } from './board'

/** Item codes contain a dot; stored keys use `_` so a dotted update path stays one level deep. */
export const handKey = (code: string): string => code.replace('.', '_')

const ASSESSOR_ROLES = ['secretary', 'deputy-secretary', 'organizer'] as const
export const canScore = (caller: Caller, branchId: string) => caller.branchId === branchId && caller.branchRoles.some((r) => (ASSESSOR_ROLES as readonly string[]).includes(r))

/** The branch's board data of a year; NOT_FOUND when there is no such branch. */
export const loadAssessed = async (store: Store, branchId: string, year: number): Promise<BranchBoardData> => {
  const data = await loadBranchBoard(store, branchId, year)
  if (!data) throw new AppError('NOT_FOUND', '没有找到该支部')
  return data
}

export function score(data: BranchBoardData, year: number, now: Date) {
  const standard = assessmentStandardFor(data.branch.profileId)
  const hand = data.assessment?.hand ?? {}
  const facts = assessmentFacts(boardFacts(data, year, now))
  const byCode = Object.fromEntries(
    standardItems(standard)
      .filter((i) => i.mode !== 'auto' && hand[handKey(i.code)])
      .map((i) => [i.code, { deduction: (hand[handKey(i.code)] as HandScoreDoc).deduction }]),
  )
  return { standard, hand, result: scoreAssessment(standard, facts, byCode) }
}

export const itemView = (s: ScoredItem, h: HandScoreDoc | undefined, urls: Map<string, string>): StandardItemView => ({
  code: s.item.code,
  title: s.item.title,
  max: s.item.max,
  mode: s.item.mode,
  points: s.item.points,
  evidence: s.item.evidence,
  deduction: s.item.deduction,
  links: s.item.links,
  auto: s.auto,
  autoDeduction: s.autoDeduction,
  handDeduction: s.handDeduction,
  score: s.score,
  status: s.status,
  note: h?.note ?? '',
  attachments: (h?.attachments ?? []).map((a) => ({ ...a, url: urls.get(a.fileId) ?? null })),
  scoredByName: h?.scoredByName ?? null,
  scoredAt: h?.scoredAt ?? null,
})

export const attachmentUrls = async (hand: Record<string, HandScoreDoc>): Promise<Map<string, string>> => {
  const ids = Object.values(hand).flatMap((h) => h.attachments.map((a) => a.fileId))
  return ids.length === 0 ? new Map() : files().tempUrls(ids, PICTURE_LINK_SECONDS)
}
