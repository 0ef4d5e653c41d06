/** dues.listPublications — a branch's published 公示, newest first (totals only). Two requests. */
import type { dues } from '@shared/contract/dues'
import { branchTarget, type Handler } from '../../_kit/create-main'

export const listPublications: Handler<typeof dues.actions.listPublications, string> = {
  target: branchTarget,
  run: async (_input, ctx, branchId) => {
    const docs = await ctx.store.find(
      'dues_publications',
      { branchId },
      { orderBy: [['period', 'desc']], limit: 100, fields: { period: true, label: true, publishedAt: true, totals: true } },
    )
    return { items: docs.map((d) => ({ id: d._id, period: d.period, label: d.label, publishedAt: d.publishedAt, totals: d.totals })) }
  },
}
