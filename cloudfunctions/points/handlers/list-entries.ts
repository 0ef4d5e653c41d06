/** points.listEntries — a member's entries of a year or a month, newest month first (one query). */
import type { points } from '@shared/contract/points'
import { beijingDate } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import { memberTarget } from '../access'
import { photoUrls } from '../engine'
import { entryView, type MemberRef } from '../model'

export const listEntries: Handler<typeof points.actions.listEntries, MemberRef> = {
  target: (input, ctx) => memberTarget(ctx, input.memberId),
  run: async (input, ctx, member) => {
    const year = input.month ? Number(input.month.slice(0, 4)) : (input.year ?? Number(beijingDate(ctx.now).slice(0, 4)))
    const where: Record<string, unknown> = { memberId: member.memberId, year, status: ctx.store.cmd.neq('withdrawn'), ...(input.month ? { month: input.month } : {}) }
    const docs = await ctx.store.find('points_entries', where, {
      orderBy: [
        ['month', 'desc'],
        ['createdAt', 'desc'],
      ],
      limit: 500,
    })
    const urls = await photoUrls(docs.flatMap((d) => d.photos))
    return { entries: docs.map((d) => entryView(d, ctx.caller, ctx.now, urls)) }
  },
}
