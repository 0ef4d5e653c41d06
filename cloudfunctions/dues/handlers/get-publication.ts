/** dues.getPublication — one published 公示 for the branch's members (no bases in it). Two requests. */
import type { dues } from '@shared/contract/dues'
import { AppError } from '@shared/contract/errors'
import type { Handler } from '../../_kit/create-main'

export const getPublication: Handler<typeof dues.actions.getPublication> = async (input, ctx) => {
  const doc = await ctx.store.get('dues_publications', input.publicationId)
  if (!doc) throw new AppError('NOT_FOUND', '没有找到该公示')
  ctx.authorize({ branchId: doc.branchId })
  const { _id, publishedBy: _by, ...rest } = doc
  return { ...rest, id: _id }
}
