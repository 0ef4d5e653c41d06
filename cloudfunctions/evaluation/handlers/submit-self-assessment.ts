/**
 * evaluation.submitSelfAssessment — write or rewrite one's 个人自评 while the round is open. The round is
 * read first (the target: its branch is authorized, the 自评 is always the caller's own), then one
 * conditional update (round open, caller on its roster) with a dotted key, so members submitting at the
 * same moment never overwrite each other; a refusal the read already shows costs no update, and only a
 * failed update reads the round again (to see why). An attachment must be one the caller uploaded for
 * this round (their own folder); its link is resolved from storage, not the database.
 */
import { AppError } from '@shared/contract/errors'
import type { evaluation, SelfAssessment } from '@shared/contract/evaluation'
import type { EvalRoundDoc, EvalSelfAssessment } from '../documents'
import type { Handler } from '../../_kit/create-main'
import { inFolder } from '../../_kit/files'
import { requireMember } from '../../_kit/policy'
import { attachmentFolder, attachmentLinks } from '../attachments'
import { ownRoundTarget } from '../data'

/** The stored 自评 with a temporary link to its attachment. */
const withLink = async (entry: EvalSelfAssessment, memberId: string): Promise<SelfAssessment> => {
  const links = await attachmentLinks({ selfAssessments: { [memberId]: entry } }, [memberId])
  return { ...entry, attachment: entry.attachment ? { ...entry.attachment, url: links.get(entry.attachment.fileId) ?? null } : null }
}

/** Refuses a 自评 the round does not take (closed, or the caller not on its roster). */
const assertWritable = (round: EvalRoundDoc, memberId: string): void => {
  if (round.status !== 'open') throw new AppError('RULE_VIOLATED', '测评已结束，不能再提交或修改自评', { rule: 'ROUND_NOT_OPEN' })
  if (!round.voterIds.includes(memberId)) {
    throw new AppError('RULE_VIOLATED', '您不在本次民主评议的党员名单中（名单在开启评议时确定）', { rule: 'NOT_ON_ROSTER' })
  }
}

export const submitSelfAssessment: Handler<typeof evaluation.actions.submitSelfAssessment, EvalRoundDoc> = {
  target: ownRoundTarget,
  run: async ({ roundId, text, attachment }, ctx, round) => {
    const { memberId } = requireMember(ctx.caller)
    if (attachment && !inFolder(attachment.fileId, attachmentFolder(round.branchId, roundId, memberId))) {
      throw new AppError('INVALID_INPUT', '附件不是您为本次自评上传的，请重新上传')
    }
    assertWritable(round, memberId)
    const entry: EvalSelfAssessment = {
      text,
      attachment: attachment ? { name: attachment.name, fileId: attachment.fileId } : null,
      submittedAt: ctx.now.toISOString(),
    }
    const updated = await ctx.store.updateWhere(
      'eval_rounds',
      { _id: roundId, status: 'open', voterIds: memberId },
      { [`selfAssessments.${memberId}`]: entry, updatedAt: entry.submittedAt },
    )
    if (updated > 0) return withLink(entry, memberId)
    // Why not? The round as it is now (closed meanwhile, or the same 自评 written within the same millisecond).
    const current = await ctx.store.get('eval_rounds', roundId)
    if (!current) throw new AppError('NOT_FOUND', '没有找到该评议')
    assertWritable(current, memberId)
    // Same content within the same millisecond: nothing changed, the submission stands.
    const standing = current.selfAssessments[memberId]
    if (standing) return withLink(standing, memberId)
    throw new AppError('CONFLICT', '提交未成功，请重试')
  },
}
