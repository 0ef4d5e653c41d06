/** Cloud function `points`: 党员积分 — schemes, automatic entries from events, 申报, review, 公示, yearly totals. */
import { points } from '@shared/contract/points'
import { createMain } from '../_kit/create-main'
import * as h from './handlers'
import { consumeAll } from './timer'

export const main = createMain(points, h, { timer: (ctx) => consumeAll(ctx.store, ctx.now, ctx.log) })
