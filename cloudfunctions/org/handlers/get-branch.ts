/** org.getBranch — a branch's settings and 党小组, for its members and 上级 admins. */
import type { org } from '@shared/contract/org'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { loadBranch } from '../public/branches'
import { branchView } from '../views'

export const getBranch: Handler<typeof org.actions.getBranch, string> = {
  target: branchTarget,
  run: async (_input, ctx, branchId) => branchView(await loadBranch(ctx.store, branchId)),
}
