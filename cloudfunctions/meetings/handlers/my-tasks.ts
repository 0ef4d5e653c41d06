/**
 * meetings.myTasks — the caller's 组织生活 to-dos for 首页: 补学 owed (missed a locked meeting, not yet
 * confirmed) and meetings in the next 7 days they may see. One query after the caller lookup.
 */
import type { meetings } from '@shared/contract/meetings'
import { signInState } from '@shared/rules/meetings/sign-in'
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
    const docs = (await store.find(
      'meetings',
      cmd.or([
        { branchId, makeupIds: memberId },
        { branchId, signInClosesAt: cmd.gte(now.toISOString()), startsAt: cmd.lte(soon) },
      ]),
      { orderBy: [['startsAt', 'asc']], limit: 100, fields: LIST_FIELDS },
    )) as MeetingDoc[]
    const makeups = docs
      .filter((m) => m.makeupIds.includes(memberId) && !m.makeupDoneIds.includes(memberId))
      .map((m) => ({ meetingId: m._id, kind: m.kind, topic: m.topic, date: m.date }))
    const upcoming = docs
      .filter((m) => m.status === 'planned' && signInState(m, now) !== 'closed' && m.startsAt <= soon && visibleTo(caller, m))
      .map((m) => summaryView(m, caller, now))
    return { makeups, upcoming }
  },
}
