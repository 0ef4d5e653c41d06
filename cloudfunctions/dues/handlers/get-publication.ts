/** dues.getPublication — one published 公示 for the branch's members (no bases in it). Two requests. */
import type { dues } from '@shared/contract/dues'
import { AppError } from '@shared/contract/errors'
import type { Handler } from '../../_kit/create-main'
import type { DuesPublicationDoc } from '../documents'

export const getPublication: Handler<typeof dues.actions.getPublication, DuesPublicationDoc> = {
  target: async ({ publicationId }, ctx) => {
    const doc = await ctx.store.get('dues_publications', publicationId)
    if (!doc) throw new AppError('NOT_FOUND', '没有找到该公示')
    return { target: { branchId: doc.branchId }, loaded: doc }
  },
  run: async (_input, _ctx, doc) => {
    const { _id, publishedBy: _by, ...rest } = doc
    return { ...rest, id: _id }
  },
}
