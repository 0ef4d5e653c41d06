/**
 * The 五化 达标 self-assessment: the standard's table (profile-keyed data) scored from the branch's records
 * (the same facts as the dashboard) plus the hand scores kept in `assessments/as_${branch}_${year}` with a
 * note and attachments. Scoring one item writes only that item's key, so two 支委 never overwrite each other.
 */
import { AppError } from '@shared/contract/errors'
import { MAX_ATTACHMENT_BYTES, type AssessmentItemView, type AssessmentView, type workbench } from '@shared/contract/workbench'
import { assessmentStandardFor, standardItems } from '@shared/profiles/assessment-standards'
import { beijingDate } from '@shared/rules/time'
import { isValidDeduction, scoreAssessment, type ScoredItem } from '@shared/rules/workbench-extra'
import type { AssessmentDoc, HandScoreDoc } from '../../_kit/collections-workbench'
import type { Caller } from '../../_kit/caller'
import type { Handler, HandlerContext } from '../../_kit/create-main'
import { files, inFolder, PICTURE_LINK_SECONDS, storeImage } from '../../_kit/files'
import { isDuplicate } from '../../_kit/store'
import { loadBranchBoard, type BranchBoardData } from '../../_kit/workbench-data'
import { assessmentFacts, boardFacts } from '../board'
import { branchOf, yearOf } from './common'

/** Item codes contain a dot; stored keys use `_` so a dotted update path stays one level deep. */
export const handKey = (code: string): string => code.replace('.', '_')

const ASSESSOR_ROLES = ['secretary', 'deputy-secretary', 'organizer'] as const
const canScore = (caller: Caller, branchId: string) => caller.branchId === branchId && caller.branchRoles.some((r) => (ASSESSOR_ROLES as readonly string[]).includes(r))

const load = async (ctx: HandlerContext, branchId: string, year: number): Promise<BranchBoardData> => {
  const data = await loadBranchBoard(ctx.store, branchId, year)
  if (!data) throw new AppError('NOT_FOUND', '没有找到该支部')
  return data
}

function score(data: BranchBoardData, year: number, now: Date) {
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

const itemView = (s: ScoredItem, h: HandScoreDoc | undefined, urls: Map<string, string>): AssessmentItemView => ({
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

const attachmentUrls = async (hand: Record<string, HandScoreDoc>): Promise<Map<string, string>> => {
  const ids = Object.values(hand).flatMap((h) => h.attachments.map((a) => a.fileId))
  return ids.length === 0 ? new Map() : files().tempUrls(ids, PICTURE_LINK_SECONDS)
}

export const assessment: Handler<typeof workbench.actions.assessment> = async (input, ctx) => {
  const branchId = branchOf(input, ctx)
  ctx.authorize({ branchId })
  const year = yearOf(input, ctx.now)
  const data = await load(ctx, branchId, year)
  const { standard, hand, result } = score(data, year, ctx.now)
  const urls = await attachmentUrls(hand)
  const view: AssessmentView = {
    branchId,
    branchName: data.branch.name,
    year,
    today: beijingDate(ctx.now),
    standardName: standard.name,
    source: standard.source,
    areas: result.areas.map((a) => ({ code: a.code, title: a.title, max: a.max, score: a.score, items: a.items.map((s) => itemView(s, hand[handKey(s.item.code)], urls)) })),
    total: result.total,
    max: result.max,
    autoDeduction: result.autoDeduction,
    handDeduction: result.handDeduction,
    pending: result.pending,
    pendingMax: result.pendingMax,
    canScore: canScore(ctx.caller, branchId),
  }
  return view
}

export const scoreItem: Handler<typeof workbench.actions.scoreItem> = async (input, ctx) => {
  const branchId = branchOf(input, ctx)
  ctx.authorize({ branchId })
  const { store, now, caller } = ctx
  const data = await load(ctx, branchId, input.year)
  const standard = assessmentStandardFor(data.branch.profileId)
  const item = standardItems(standard).find((i) => i.code === input.code)
  if (!item) throw new AppError('INVALID_INPUT', '没有该评分项')
  if (item.mode === 'auto') throw new AppError('INVALID_INPUT', '该项由系统根据记录自动评分')
  if (input.deduction !== null && !isValidDeduction(input.deduction, item.max)) throw new AppError('INVALID_INPUT', `扣分应在0至${item.max}分之间，以0.5分为单位`)
  const attachments = input.attachments ?? []
  if (attachments.some((a) => !inFolder(a.fileId, `workbench/${branchId}/`))) throw new AppError('INVALID_INPUT', '附件不属于本支部')
  const key = `hand.${handKey(item.code)}`
  const entry: HandScoreDoc | null =
    input.deduction === null
      ? null
      : { deduction: input.deduction, note: input.note ?? '', attachments: attachments.map((a) => ({ fileId: a.fileId, name: a.name })), scoredBy: caller.memberId, scoredByName: caller.name, scoredAt: now.toISOString() }
  const id = `as_${branchId}_${input.year}`
  const patch = { [key]: entry === null ? store.cmd.remove() : store.cmd.set(entry), updatedAt: now.toISOString() }
  const create = async (): Promise<void> => {
    const doc: AssessmentDoc = { _id: id, branchId, year: input.year, standardId: standard.id, hand: entry ? { [handKey(item.code)]: entry } : {}, createdAt: now.toISOString(), updatedAt: now.toISOString() }
    try {
      await store.add('assessments', doc)
    } catch (e) {
      if (!isDuplicate(e)) throw e
      await store.update('assessments', id, patch)
    }
  }
  if (data.assessment) await store.update('assessments', id, patch)
  else await create()
  await ctx.audit({
    branchId,
    action: 'workbench.scoreItem',
    targetId: id,
    summary: entry === null ? `清除达标自评${item.code}“${item.title}”的评分` : `达标自评${item.code}“${item.title}”扣${entry.deduction}分`,
    before: data.assessment?.hand[handKey(item.code)] ?? null,
    after: entry,
  })
  // Answer the item as it now stands.
  const hand = { ...(data.assessment?.hand ?? {}) }
  if (entry) hand[handKey(item.code)] = entry
  else delete hand[handKey(item.code)]
  const { result } = score({ ...data, assessment: { ...(data.assessment ?? { _id: id, branchId, year: input.year, standardId: standard.id, createdAt: '', updatedAt: '' }), hand } }, input.year, now)
  const scored = result.areas.flatMap((a) => a.items).find((s) => s.item.code === item.code) as ScoredItem
  return itemView(scored, entry ?? undefined, await attachmentUrls(entry ? { x: entry } : {}))
}

export const uploadAttachment: Handler<typeof workbench.actions.uploadAttachment> = async (input, ctx) => {
  const branchId = branchOf(input, ctx)
  ctx.authorize({ branchId })
  const { fileId, url } = await storeImage(`workbench/${branchId}/`, input, MAX_ATTACHMENT_BYTES, ctx.now)
  return { fileId, name: input.name, url }
}
