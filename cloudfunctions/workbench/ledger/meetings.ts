/** The 三会一课记录与考勤 sheets: 会议记录 (the held meetings) and 考勤汇总 (each member's attendance). */
import { MEETING_KIND_LABELS } from '@shared/rules/meetings/kinds'
import { attendanceRate, meetingTurnout } from '@shared/rules/workbench/turnout'
import type { MemberDoc } from '../../org/public/branches'
import type { Cell, Sheet } from '../../_kit/xlsx'
import { groupName, head, pct, type LedgerContext, type MeetingDoc } from './context'

export type MeetingRecord = Pick<
  MeetingDoc,
  '_id' | 'kind' | 'topic' | 'date' | 'time' | 'place' | 'groupId' | 'hostName' | 'recorderName' | 'status' | 'lockedAt' | 'rosterIds' | 'presentIds' | 'leaveIds' | 'exemptIds'
>

type Turnout = { due: number; present: number; leave: number }

/** Per member over the held meetings, the same reading as `meetings/public/attendance.ts`. */
function memberAttendance(held: readonly MeetingRecord[]): Map<string, Turnout> {
  const per = new Map<string, Turnout>()
  for (const m of held) {
    const present = new Set(m.presentIds)
    const leave = new Set(m.leaveIds)
    const exempt = new Set(m.exemptIds)
    for (const id of new Set(m.rosterIds)) {
      const t = per.get(id) ?? { due: 0, present: 0, leave: 0 }
      per.set(id, t)
      if (present.has(id)) t.present += 1
      if (exempt.has(id) && !present.has(id)) continue
      t.due += 1
      if (leave.has(id) && !present.has(id)) t.leave += 1
    }
  }
  return per
}

/** 三会一课记录与考勤: the held (locked) meetings, and each member's attendance over them. */
export function meetingSheets(ctx: LedgerContext, meetings: readonly MeetingRecord[], members: readonly Pick<MemberDoc, '_id' | 'name' | 'groupId'>[]): Sheet[] {
  const held = meetings.filter((m) => m.status === 'held' && m.lockedAt).sort((a, b) => (a.date === b.date ? a.time.localeCompare(b.time) : a.date < b.date ? -1 : 1))
  const records: Cell[][] = held.map((m, i) => {
    const t = meetingTurnout(m)
    return [i + 1, m.date, m.time, MEETING_KIND_LABELS[m.kind], m.topic, groupName(ctx.branch, m.groupId), m.place, m.hostName, m.recorderName, t.due, t.present, t.leave, pct(attendanceRate(t.present, t.due))]
  })
  const totals = held.reduce((s, m) => {
    const t = meetingTurnout(m)
    return { due: s.due + t.due, present: s.present + t.present, leave: s.leave + t.leave }
  }, { due: 0, present: 0, leave: 0 })
  const per = memberAttendance(held)
  const people: Cell[][] = members.map((m, i) => {
    const t = per.get(m._id) ?? { due: 0, present: 0, leave: 0 }
    return [i + 1, m.name, groupName(ctx.branch, m.groupId), t.due, t.present, t.leave, Math.max(0, t.due - t.present - t.leave), pct(attendanceRate(t.present, t.due))]
  })
  return [
    {
      name: '会议记录',
      ...head(ctx.branch, ctx.year, 'meetings'),
      subtitle: ctx.subtitle,
      columns: [
        { header: '序号', width: 6 },
        { header: '日期', width: 12 },
        { header: '时间', width: 8 },
        { header: '会议类型', width: 14 },
        { header: '主题', width: 28 },
        { header: '党小组', width: 12 },
        { header: '地点', width: 18 },
        { header: '主持人', width: 10 },
        { header: '记录人', width: 10 },
        { header: '应到', width: 7 },
        { header: '实到', width: 7 },
        { header: '请假', width: 7 },
        { header: '出勤率', width: 9 },
      ],
      rows: records,
      footer: ['合计', `${held.length}次`, '', '', '', '', '', '', '', totals.due, totals.present, totals.leave, pct(attendanceRate(totals.present, totals.due))],
    },
    {
      name: '考勤汇总',
      title: `${ctx.branch.name}${ctx.year}年党员参加组织生活考勤汇总`,
      subtitle: ctx.subtitle,
      columns: [
        { header: '序号', width: 6 },
        { header: '姓名', width: 10 },
        { header: '党小组', width: 12 },
        { header: '应参加', width: 8 },
        { header: '出席', width: 8 },
        { header: '请假', width: 8 },
        { header: '缺席', width: 8 },
        { header: '出勤率', width: 9 },
      ],
      rows: people,
    },
  ]
}
