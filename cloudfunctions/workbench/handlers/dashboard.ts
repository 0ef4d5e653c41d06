/**
 * workbench.dashboard — one branch's year in one screen: two database requests (the caller, then one
 * aggregate over every collection the figures come from), whatever the branch size.
 */
import { AppError } from '@shared/contract/errors'
import type { workbench } from '@shared/contract/workbench'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { loadBranchBoard } from '../board-data'
import { buildDashboard } from '../board'
import { yearOf } from './common'

export const dashboard: Handler<typeof workbench.actions.dashboard, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const year = yearOf(input, ctx.now)
    const data = await loadBranchBoard(ctx.store, branchId, year)
    if (!data) throw new AppError('NOT_FOUND', '没有找到该支部')
    // A 上级 admin reads it without acting for the branch.
    return buildDashboard(data, year, ctx.now, !ctx.grants.includes('committee'))
  },
}
