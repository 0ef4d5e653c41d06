/** dues.listPublications — a branch's published 公示, newest first (totals only). Two requests. */
import type { dues } from '@shared/contract/dues'
import type { Handler } from '../../_kit/create-main'

export const listPublications: Handler<typeof dues.actions.listPublications> = async (input, ctx) => {
  const branchId = input.branchId ?? ctx.caller.branchId ?? ''
  ctx.authorize({ branchId })
  const docs = await ctx.store.find(
    'dues_publications',
    { branchId },
    { orderBy: [['period', 'desc']], limit: 100, fields: { period: true, label: true, publishedAt: true, totals: true } },
  )
  return { items: docs.map((d) => ({ id: d._id, period: d.period, label: d.label, publishedAt: d.publishedAt, totals: d.totals })) }
}
