/** points.getPublication — one 公示 with every member's row and the objections (支委). */
import type { points } from '@shared/contract/points'
import { beijingDate } from '@shared/rules/time'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { publicationView } from '../views'
import { loadPublication } from './publication'

export const getPublication: Handler<typeof points.actions.getPublication, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => publicationView(await loadPublication(ctx.store, branchId, input.periodKey), beijingDate(ctx.now)),
}
