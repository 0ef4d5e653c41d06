/**
 * meetings.attendanceGrid — the year × month grid of every member of the branch with consecutive-absence
 * flags (支委, 上级). Flags are neutral prompts for the 支部 to study, never acted on.
 */
import { AppError } from '@shared/contract/errors'
import type { meetings } from '@shared/contract/meetings'
import { attendanceGrid as gridRows } from '@shared/rules/meetings/absence'
import { beijingMonth, shiftMonth } from '@shared/rules/time'
import { branchTarget, type Handler } from '../../_kit/create-main'
import type { MeetingDoc } from '../documents'
import { branchMembers, loadBranch } from '../../org/public/branches'
import { ATTENDANCE_FIELDS, gridMeeting, profileOf } from '../model'

export const attendanceGrid: Handler<typeof meetings.actions.attendanceGrid, string> = {
  target: branchTarget,
  run: async ({ year }, ctx, branchId) => {
    const { store, now } = ctx
    const branch = await loadBranch(store, branchId)
    const thresholds = profileOf(branch).attendance
    const currentMonth = beijingMonth(now)
    if (`${year}-01` > currentMonth) throw new AppError('INVALID_INPUT', '该年度尚未开始')
    const throughMonth = currentMonth < `${year}-12` ? currentMonth : `${year}-12`
    const earliest = shiftMonth(throughMonth, -thresholds.flagMonths)
    const from = earliest < `${year}-01` ? `${earliest}-01` : `${year}-01-01`
    const [members, docs] = await Promise.all([
      branchMembers(store, branchId),
      store.find('meetings', { branchId, date: store.cmd.gte(from).and(store.cmd.lte(`${year}-12-31`)) }, { orderBy: [['date', 'asc']], limit: 1000, fields: ATTENDANCE_FIELDS }) as Promise<
        MeetingDoc[]
      >,
    ])
    const rows = gridRows({
      year,
      throughMonth,
      members: members.map((m) => ({ id: m._id, exempt: m.flags.elderly })),
      meetings: docs.map((m) => gridMeeting(m, now)),
      thresholds,
    })
    const byId = new Map(members.map((m) => [m._id, m]))
    return {
      year,
      throughMonth,
      rows: rows.map((r) => {
        const m = byId.get(r.memberId)
        return { memberId: r.memberId, name: m?.name ?? '', groupId: m?.groupId ?? null, exempt: m?.flags.elderly ?? false, cells: r.months, run: r.run, flag: r.flag, flagText: r.flagText }
      }),
      note: `连续缺席提示仅供支部委员会了解情况、谈心提醒，由支部研究处理，系统不作任何自动处理。提示阈值：${thresholds.warnMonths}个月、${thresholds.escalateMonths}个月、${thresholds.flagMonths}个月。`,
    }
  },
}
