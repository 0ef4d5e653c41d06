/**
 * meetings.myTasks — the caller's 组织生活 to-dos for 首页: 补学 owed (missed a locked meeting, not yet
 * confirmed), meetings in the next 7 days they may see, and this Beijing month's next (or today's) 主题党日
 * for the 首页 card. One query after the caller lookup (the month's meetings from today are one more branch
 * of its `or`).
 */
import type { meetings } from '@shared/contract/meetings'
import { signInState } from '@shared/rules/meetings/sign-in'
import { addDays, beijingDate, beijingDateTime, beijingMonth, monthRange } from '@shared/rules/time'
import { callerTarget, type Handler } from '../../_kit/create-main'
import type { MeetingDoc } from '../documents'
import { LIST_FIELDS, summaryView, visibleTo } from '../model'

const WEEK_MS = 7 * 86_400_000

export const myTasks: Handler<typeof meetings.actions.myTasks> = {
  // Policy `member: 'any'`: the caller's own record; the query is limited to the caller's own branch and id.
  target: callerTarget,
  run: async (_input, ctx) => {
    const { caller, store, now } = ctx
    const branchId = caller.branchId ?? ''
    const memberId = caller.memberId ?? ''
    const cmd = store.cmd
    const soon = new Date(now.getTime() + WEEK_MS).toISOString()
    const today = beijingDate(now)
    const monthEnd = monthRange(beijingMonth(now)).end
    const docs = (await store.find(
      'meetings',
      cmd.or([
        { branchId, makeupIds: memberId },
        { branchId, signInClosesAt: cmd.gte(now.toISOString()), startsAt: cmd.lte(soon) },
        { branchId, startsAt: cmd.gte(beijingDateTime(today)).and(cmd.lt(beijingDateTime(addDays(monthEnd, 1)))) },
      ]),
      { orderBy: [['startsAt', 'asc']], limit: 100, fields: LIST_FIELDS },
    )) as MeetingDoc[]
    const makeups = docs
      .filter((m) => m.makeupIds.includes(memberId) && !m.makeupDoneIds.includes(memberId))
      .map((m) => ({ meetingId: m._id, kind: m.kind, topic: m.topic, date: m.date }))
    const upcoming = docs
      .filter((m) => m.status === 'planned' && signInState(m, now) !== 'closed' && m.startsAt <= soon && visibleTo(caller, m))
      .map((m) => summaryView(m, caller, now))
    const themeDay = docs.find((m) => m.kind === 'theme-day' && m.status !== 'cancelled' && m.date >= today && m.date <= monthEnd && visibleTo(caller, m))
    return { makeups, upcoming, themeDay: themeDay ? summaryView(themeDay, caller, now) : null }
  },
}
