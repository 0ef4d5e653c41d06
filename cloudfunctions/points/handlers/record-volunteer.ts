/**
 * points.recordVolunteer — the branch records 志愿服务 for members: one `volunteer.recorded` event each
 * (id from the activity and member, so recording it twice is one event), then credits them at once.
 */
import { AppError } from '@shared/contract/errors'
import type { points } from '@shared/contract/points'
import { beijingDate, beijingDateTime } from '@shared/rules/time'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { emitEvent } from '../../_kit/events'
import { stableId } from '../../_kit/ids'
import { consumeEvents, loadHead } from '../engine'

export const recordVolunteer: Handler<typeof points.actions.recordVolunteer, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    if (input.date > beijingDate(ctx.now)) throw new AppError('RULE_VIOLATED', '不能登记尚未发生的志愿服务', { rule: 'FUTURE_DATE' })
    const ids = [...new Set(input.memberIds)]
    const members = await ctx.store.find('members', { _id: ctx.store.cmd.in(ids), branchId, active: true }, { limit: 200 })
    if (members.length !== ids.length) throw new AppError('INVALID_INPUT', '所选党员不在本支部')
    const activity = stableId('vol', branchId, input.date, input.title)
    const occurredAt = beijingDateTime(input.date, '12:00')
    let recorded = 0
    for (const m of members) {
      const fresh = await emitEvent(
        ctx.store,
        {
          type: 'volunteer.recorded',
          sourceId: `${activity}_${m._id}`,
          branchId,
          memberId: m._id,
          occurredAt,
          data: { title: input.title, hours: input.hours, date: input.date, recordedBy: ctx.caller.memberId, recordedByName: ctx.caller.name },
        },
        ctx.now,
      )
      if (fresh) recorded++
    }
    await ctx.audit({
      branchId,
      action: 'points.recordVolunteer',
      targetId: activity,
      summary: `登记志愿服务“${input.title}”（${input.date}，${input.hours}小时）：${members.map((m) => m.name).join('、')}`,
      after: { memberIds: ids, recorded },
    })
    const head = await loadHead(ctx.store, branchId)
    let credited = 0
    if (head?.current) {
      for (let i = 0; i < 5; i++) {
        const r = await consumeEvents(ctx.store, head, ctx.now, 200, ctx.log)
        credited += r.credited
        if (!r.more) break
      }
    }
    return { recorded, credited }
  },
}
