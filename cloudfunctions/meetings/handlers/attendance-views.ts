/**
 * Attendance views: one meeting's roster with how each member took part (host, recorder, 支委), a member's
 * year (the member, their 党小组长, 支委 — the absence flag only for 支委), and the year × month grid with
 * consecutive-absence flags (支委, 上级). Flags are neutral prompts for the 支部 to study, never acted on.
 */
import { AppError } from '@shared/contract/errors'
import type { meetings, RosterRow } from '@shared/contract/meetings'
import { attendanceGrid, attendanceSummary, memberMeetingStatus, meetingQuorum, type GridMeeting } from '@shared/rules/meetings-extra'
import { beijingMonth, shiftMonth } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import type { MeetingDoc } from '../../_kit/collections'
import { branchMembers, loadBranch, loadMember } from '../../_kit/org-data'
import { authorizeKeeper, isFinal, loadMeeting, profileOf } from '../model'

export const meetingAttendance: Handler<typeof meetings.actions.meetingAttendance> = async ({ meetingId }, ctx) => {
  const { store, now } = ctx
  const m = await loadMeeting(store, meetingId)
  authorizeKeeper(ctx, m)
  const records = await store.find('attendance', { meetingId }, { limit: 1000 })
  const byMember = new Map(records.map((a) => [a.memberId, a]))
  const final = isFinal(m, now)
  const leaveOf = (id: string): RosterRow['leave'] =>
    m.leaveIds.includes(id) ? 'approved' : m.leavePendingIds.includes(id) ? 'pending' : m.leaveDeclinedIds.includes(id) ? 'declined' : null
  const rows: RosterRow[] = m.roster.map((r) => {
    const a = byMember.get(r.id)
    const status = memberMeetingStatus({ rosterIds: m.rosterIds, exemptIds: m.exemptIds, presentIds: m.presentIds, leaveIds: m.leaveIds, final }, r.id) ?? 'pending'
    return {
      memberId: r.id,
      name: r.name,
      groupId: r.groupId,
      formal: r.status === 'formal',
      exempt: r.exempt,
      mobile: r.mobile,
      status,
      via: a?.via ?? null,
      at: a?.at ?? null,
      markedByName: a?.markedByName ?? null,
      leave: leaveOf(r.id),
      makeupDone: m.makeupDoneIds.includes(r.id),
      observer: false,
    }
  })
  for (const a of records) {
    if (m.rosterIds.includes(a.memberId)) continue
    rows.push({
      memberId: a.memberId,
      name: a.memberName,
      groupId: null,
      formal: true,
      exempt: false,
      mobile: false,
      status: 'present',
      via: a.via,
      at: a.at,
      markedByName: a.markedByName,
      leave: null,
      makeupDone: false,
      observer: true,
    })
  }
  const s = attendanceSummary({ roster: m.roster, presentIds: m.presentIds, leaveIds: m.leaveIds })
  const live = { due: s.due, present: s.present, leave: s.leave, absent: final ? s.absent : 0, observers: s.observers, voting: s.voting, quorum: meetingQuorum(m.kind, s) }
  return { meetingId, rows, final: m.final, live }
}

const gridMeeting = (m: MeetingDoc, now: Date): GridMeeting => ({
  date: m.date,
  final: m.lockedAt !== null || (m.status !== 'cancelled' && isFinal(m, now)),
  cancelled: m.status === 'cancelled',
  rosterIds: m.rosterIds,
  exemptIds: m.exemptIds,
  presentIds: m.presentIds,
  leaveIds: m.leaveIds,
})

/** Only the lists the attendance views need (no roster texts, no secret). */
const VIEW_FIELDS = { _id: true, kind: true, topic: true, date: true, status: true, lockedAt: true, signInClosesAt: true, rosterIds: true, exemptIds: true, presentIds: true, leaveIds: true, makeupIds: true, makeupDoneIds: true } as const

export const memberAttendance: Handler<typeof meetings.actions.memberAttendance> = async (input, ctx) => {
  const { caller, store, now } = ctx
  const memberId = input.memberId ?? caller.memberId ?? ''
  const self = memberId === caller.memberId
  const member = self
    ? { _id: memberId, branchId: caller.branchId ?? '', groupId: caller.groupId, name: caller.name, flags: { elderly: false, mobile: false } }
    : await loadMember(store, memberId)
  const grants = ctx.authorize({ branchId: member.branchId, groupId: member.groupId, memberId })
  const committee = grants.includes('committee')
  const year = input.year
  const throughMonth = beijingMonth(now) < `${year}-12` ? beijingMonth(now) : `${year}-12`
  // 支委 see the flag, which needs the profile's thresholds and months reaching back before January.
  const branch = committee ? await loadBranch(store, member.branchId) : null
  const thresholds = branch ? profileOf(branch).attendance : null
  const from = thresholds && shiftMonth(throughMonth, -thresholds.flagMonths) < `${year}-01` ? `${shiftMonth(throughMonth, -thresholds.flagMonths)}-01` : `${year}-01-01`
  const docs = (await store.find(
    'meetings',
    { branchId: member.branchId, rosterIds: memberId, date: store.cmd.gte(from).and(store.cmd.lte(`${year}-12-31`)) },
    { orderBy: [['date', 'asc']], limit: 1000, fields: VIEW_FIELDS },
  )) as MeetingDoc[]
  const inYear = docs.filter((m) => m.date >= `${year}-01-01` && m.status !== 'cancelled')
  const rows = inYear.map((m) => ({
    meetingId: m._id,
    kind: m.kind,
    topic: m.topic,
    date: m.date,
    status: memberMeetingStatus({ ...m, final: isFinal(m, now) }, memberId) ?? ('pending' as const),
    makeupDone: m.makeupDoneIds.includes(memberId),
  }))
  const totals = { present: 0, leave: 0, absent: 0, exempt: 0 }
  for (const r of rows) if (r.status !== 'pending') totals[r.status] += 1
  let flag = null
  if (committee && thresholds) {
    const exempt = 'elderly' in member.flags ? member.flags.elderly : false
    const [row] = attendanceGrid({ year, throughMonth, members: [{ id: memberId, exempt }], meetings: docs.map((m) => gridMeeting(m, now)), thresholds })
    if (row) flag = { run: row.run, flag: row.flag, text: row.flagText }
  }
  return { memberId, name: member.name, year, rows, totals, flag }
}

export const attendanceGridHandler: Handler<typeof meetings.actions.attendanceGrid> = async ({ branchId: given, year }, ctx) => {
  const { caller, store, now } = ctx
  const branchId = given ?? caller.branchId ?? ''
  ctx.authorize({ branchId })
  const branch = await loadBranch(store, branchId)
  const thresholds = profileOf(branch).attendance
  const currentMonth = beijingMonth(now)
  if (`${year}-01` > currentMonth) throw new AppError('INVALID_INPUT', '该年度尚未开始')
  const throughMonth = currentMonth < `${year}-12` ? currentMonth : `${year}-12`
  const earliest = shiftMonth(throughMonth, -thresholds.flagMonths)
  const from = earliest < `${year}-01` ? `${earliest}-01` : `${year}-01-01`
  const [members, docs] = await Promise.all([
    branchMembers(store, branchId),
    store.find('meetings', { branchId, date: store.cmd.gte(from).and(store.cmd.lte(`${year}-12-31`)) }, { orderBy: [['date', 'asc']], limit: 1000, fields: VIEW_FIELDS }) as Promise<MeetingDoc[]>,
  ])
  const rows = attendanceGrid({
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
}

