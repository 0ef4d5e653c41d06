/** org.listAudit — the branch's audit log, newest first. */
import type { org } from '@shared/contract/org'
import { branchTarget, type Handler } from '../../_kit/create-main'

export const listAudit: Handler<typeof org.actions.listAudit, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const rows = await ctx.store.find(
      'audit',
      { branchId },
      { orderBy: [['at', 'desc']], skip: input.page?.offset ?? 0, limit: input.page?.limit ?? 50 },
    )
    return {
      entries: rows.map((r) => ({ id: String(r._id), at: r.at, actorName: r.actorName, action: r.action, targetId: r.targetId, summary: r.summary })),
    }
  },
}
