/**
 * evaluation.uploadAttachment — store one picture for the caller's own 自评 while the round is open. The
 * file goes to the caller's folder for the round; `submitSelfAssessment` accepts attachments from there only.
 * One read besides the caller lookup (the round, whose branch is authorized); the file itself goes to storage.
 */
import { AppError } from '@shared/contract/errors'
import { MAX_SELF_ATTACHMENT_BYTES, type evaluation } from '@shared/contract/evaluation'
import type { EvalRoundDoc } from '../documents'
import type { Handler } from '../../_kit/create-main'
import { storeImage } from '../../_kit/files'
import { requireMember } from '../../_kit/policy'
import { attachmentFolder } from '../attachments'
import { ownRoundTarget } from '../data'

export const uploadAttachment: Handler<typeof evaluation.actions.uploadAttachment, EvalRoundDoc> = {
  // The policy is "a member of the round's branch", and the file is always the caller's own.
  target: ownRoundTarget,
  run: async ({ roundId, ext, base64 }, ctx, round) => {
    const { memberId } = requireMember(ctx.caller)
    if (round.status !== 'open') throw new AppError('RULE_VIOLATED', '测评已结束，不能再上传自评附件', { rule: 'ROUND_NOT_OPEN' })
    if (!round.voterIds.includes(memberId)) {
      throw new AppError('RULE_VIOLATED', '您不在本次民主评议的党员名单中（名单在开启评议时确定），不能上传自评附件', { rule: 'NOT_ON_ROSTER' })
    }
    return storeImage(attachmentFolder(round.branchId, roundId, memberId), { ext, base64 }, MAX_SELF_ATTACHMENT_BYTES, ctx.now)
  },
}
