/** workbench.scoreItem — score one hand item of the self-assessment (null clears it); only that item's key is written, so two 支委 never overwrite each other. */
import { AppError } from '@shared/contract/errors'
import type { workbench } from '@shared/contract/workbench'
import { assessmentStandardFor, standardItems } from '@shared/profiles/assessment-standards'
import { isValidDeduction, type ScoredItem } from '@shared/rules/workbench/standard-score'
import type { AssessmentDoc, HandScoreDoc } from '../documents'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { inFolder } from '../../_kit/files'
import { isDuplicate } from '../../_kit/store'
import { attachmentUrls, handKey, itemView, loadAssessed, score } from '../self-assessment'

export const scoreItem: Handler<typeof workbench.actions.scoreItem, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const { store, now, caller } = ctx
    const data = await loadAssessed(store, branchId, input.year)
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
  },
}
