/**
 * Demo 组织生活 for 第一党支部: the published plans of last year and this year (hunan-wuhua-2018), every
 * meeting of the last twelve months held and locked with attendance, leave, minutes and 补学, two members
 * with a run of absences (so the 支委 see the neutral flags), and what is coming: the next 主题党日 with
 * leave requests, the rest of this year's plan, and two meetings the reliability fixtures use.
 * Deterministic given `nowIso`.
 */
import { createHash } from 'node:crypto'
import type { AttendanceDoc, MeetingDoc, MeetingLeaveDoc, MeetingPlanDoc, MeetingCorrectionDoc } from '../../cloudfunctions/meetings/documents'
import type { MemberDoc, OrgDoc } from '../../cloudfunctions/org/documents'
import { meetingFromFields, newMeetingState } from '../../cloudfunctions/meetings/model'
import { attendanceSummary, meetingQuorum } from '../../shared/src/rules/meetings/attendance'
import { draftAnnualPlan, type PlanItemDraft } from '../../shared/src/rules/meetings/plan'
import { nextThemeDay } from '../../shared/src/rules/theme-day'
import { addDays, addMonths, beijingDate } from '../../shared/src/rules/time'
import { HUNAN_WUHUA_2018 } from '../../shared/src/profiles/hunan-wuhua-2018'
import { DEMO, demoOrg } from './demo-org'

/** Stable ids the tests and fixtures name. */
export const DEMO_MEETINGS = {
  /** The next 主题党日 (host 书记, recorder 组织委员), with an approved and a pending leave. */
  nextThemeDay: 'mt_demo_next_theme',
  /** A pending leave on it (m_b1_18, 第一党小组) for the 书记 or 党小组长 to decide. */
  pendingLeave: 'mt_demo_next_theme_m_b1_18',
  /** In three days, hosted by 第一党小组长 赵敏, recorded by m_b1_15: the keeper-actions fixture. */
  fixture: 'mt_demo_fixture',
  /** In ten days: the meeting the cancel fixture cancels. */
  cancellable: 'mt_demo_cancellable',
  /** Members with a run of unexcused absences in the last months (warn / escalate). */
  absentWarn: 'm_b1_27',
  absentEscalate: 'm_b1_22',
} as const

type Docs = Record<string, Record<string, unknown>[]>

/** A stable pseudo-random number in [0, 1) from a string. */
const chance = (s: string): number => parseInt(createHash('sha256').update(s).digest('hex').slice(0, 8), 16) / 0x1_0000_0000

const MINUTES: Record<MeetingDoc['kind'], string> = {
  'theme-day': '全体党员重温入党誓词，集中学习习近平新时代中国特色社会主义思想有关篇目，集中交纳党费；围绕社区为民办实事项目开展民主议事，确定下月志愿服务安排。',
  'party-congress': '书记通报上季度支部工作，组织委员报告党员发展和党费收缴情况；与会党员讨论并表决有关事项。',
  committee: '支委会研究本月组织生活安排、党员教育管理和社区重点工作分工，听取各党小组工作情况。',
  group: '党小组长领学学习材料，党员逐一交流学习体会和工作情况，收集群众意见建议。',
  lecture: '讲授专题党课，结合社区治理实际谈体会、讲要求，党员交流讨论。',
  'life-meeting': '对照检查，书记带头开展批评和自我批评，党员逐一发言，相互提出批评意见，明确整改措施。',
  evaluation: '开展民主评议党员：个人自评、党员互评、民主测评，支部委员会结合日常表现提出评定意见。',
  other: '开展学习活动。',
}

const RESOLUTIONS: Partial<Record<MeetingDoc['kind'], string[]>> = {
  'party-congress': ['通过上季度党费收缴情况报告', '同意确定下季度志愿服务项目'],
  committee: ['确定下月主题党日内容和分工'],
  'life-meeting': ['形成支部整改清单，限期整改'],
}

const LEAVE_REASONS = ['出差在外', '家中老人生病需照顾', '单位临时加班', '外出培训', '身体不适']

const seedSecret = (id: string): string => createHash('sha256').update(`seed-secret:${id}`).digest('base64url')

export const demoMeetings = (nowIso: string): Docs => {
  const { orgs, members } = demoOrg(nowIso)
  const branch = orgs.find((o) => o._id === DEMO.branch) as OrgDoc
  const b1 = members.filter((m) => m.branchId === DEMO.branch)
  const byId = new Map(b1.map((m) => [m._id, m]))
  const today = beijingDate(nowIso)
  const year = Number(today.slice(0, 4))
  const since = addMonths(today, -12)
  const requirements = HUNAN_WUHUA_2018.meetings.requirements

  const meetings: MeetingDoc[] = []
  const attendance: AttendanceDoc[] = []
  const leaves: MeetingLeaveDoc[] = []
  const corrections: MeetingCorrectionDoc[] = []
  const plans: MeetingPlanDoc[] = []

  const nextTheme = nextThemeDay(branch.themeDayRule, today)
  const people = (groupId: string | null): { hostId: string; recorderId: string } => {
    if (groupId === null) return { hostId: DEMO.m.secretary, recorderId: DEMO.m.organizer }
    const leader = branch.groups.find((g) => g.id === groupId)?.leaderId ?? DEMO.m.secretary
    const recorder = b1.find((m) => m.groupId === groupId && m._id !== leader && m.roles.length === 0 && m.openid)?._id ?? DEMO.m.organizer
    return { hostId: leader, recorderId: recorder }
  }

  const make = (id: string, item: Pick<PlanItemDraft, 'kind' | 'date' | 'time' | 'groupId' | 'topic' | 'bySecretary'>, extra: Partial<MeetingDoc> = {}): MeetingDoc => {
    const p = people(item.groupId)
    const fields = meetingFromFields(
      { kind: item.kind, topic: item.topic, date: item.date, time: item.time, place: item.groupId ? '社区党群服务中心小会议室' : '社区党群服务中心', groupId: item.groupId, hostId: item.bySecretary ? DEMO.m.secretary : p.hostId, recorderId: p.recorderId, agenda: [] },
      branch,
      b1,
    )
    return { _id: id, ...fields, ...newMeetingState(DEMO.m.secretary, nowIso), secret: seedSecret(id), planId: null, planKey: null, ...extra }
  }

  /** Holds a past meeting: who came (and how), leave, minutes, lock, 补学. */
  const hold = (m: MeetingDoc): void => {
    const startMs = Date.parse(m.startsAt)
    const monthsAgo = (Date.parse(nowIso) - startMs) / (30 * 86_400_000)
    const presentIds: string[] = []
    const leaveIds: string[] = []
    for (const r of m.roster) {
      const roll = chance(`${m._id}:${r.id}`)
      const member = byId.get(r.id) as MemberDoc
      let came: AttendanceDoc['via'] | null
      if (r.id === DEMO_MEETINGS.absentWarn && monthsAgo < 3) came = null
      else if (r.id === DEMO_MEETINGS.absentEscalate && monthsAgo < 5) came = null
      else if (r.exempt) came = roll < 0.25 ? 'recorder' : null
      else if (r.mobile) came = roll < 0.75 ? 'remote' : null
      else if (!member.openid) came = roll < 0.85 ? 'recorder' : null
      else came = roll < 0.9 ? 'scan' : null
      if (came) {
        presentIds.push(r.id)
        const marked = came !== 'scan'
        attendance.push({
          _id: `${m._id}_${r.id}`,
          meetingId: m._id,
          branchId: m.branchId,
          memberId: r.id,
          memberName: r.name,
          kind: m.kind,
          date: m.date,
          at: new Date(startMs - Math.floor(roll * 25 * 60_000)).toISOString(),
          via: came,
          markedBy: marked ? m.recorderId : null,
          markedByName: marked ? m.recorderName : null,
        })
      } else if (!r.exempt && r.id !== DEMO_MEETINGS.absentWarn && r.id !== DEMO_MEETINGS.absentEscalate && roll < 0.96) {
        // Most who could not come asked for leave beforehand.
        leaveIds.push(r.id)
        const requestedAt = new Date(startMs - 2 * 86_400_000).toISOString()
        const approver = r.groupId ? (branch.groups.find((g) => g.id === r.groupId)?.leaderId ?? DEMO.m.secretary) : DEMO.m.secretary
        const approverId = approver === r.id ? DEMO.m.secretary : approver
        leaves.push({
          _id: `${m._id}_${r.id}`,
          meetingId: m._id,
          branchId: m.branchId,
          memberId: r.id,
          memberName: r.name,
          groupId: r.groupId,
          meetingTopic: m.topic,
          meetingKind: m.kind,
          meetingStartsAt: m.startsAt,
          reason: LEAVE_REASONS[Math.floor(roll * 100) % LEAVE_REASONS.length] as string,
          status: 'approved',
          requestedAt,
          decidedAt: new Date(startMs - 86_400_000).toISOString(),
          decidedBy: approverId,
          decidedByName: byId.get(approverId)?.name ?? '',
          note: '',
        })
      }
    }
    const summary = attendanceSummary({ roster: m.roster, presentIds, leaveIds })
    const lockedAt = new Date(startMs + (m.durationMinutes + 60) * 60_000).toISOString()
    const makeupIds = [...summary.absentIds, ...summary.leaveIds]
    Object.assign(m, {
      presentIds,
      leaveIds,
      leaveNotes: Object.fromEntries(leaves.filter((l) => l.meetingId === m._id).map((l) => [l.memberId, { reason: l.reason, note: '' }])),
      status: 'held',
      lockedAt,
      lockedBy: m.recorderId,
      makeupIds,
      // Older 补学 are done; the last month's are still open for some.
      makeupDoneIds: makeupIds.filter((id) => (id === DEMO_MEETINGS.absentWarn || id === DEMO_MEETINGS.absentEscalate ? monthsAgo > 6 : monthsAgo > 1 || chance(`makeup:${m._id}:${id}`) < 0.4)),
      minutes: {
        content: MINUTES[m.kind],
        resolutions: RESOLUTIONS[m.kind] ?? [],
        photos: [],
        inviteesPresent: m.kind === 'theme-day' ? Math.floor(chance(`inv:${m._id}`) * 4) : 0,
        savedAt: lockedAt,
        savedBy: m.recorderId,
        savedByName: m.recorderName,
      },
      final: {
        due: summary.due,
        present: summary.present,
        leave: summary.leave,
        absent: summary.absent,
        observers: summary.observers,
        voting: summary.voting,
        quorum: meetingQuorum(m.kind, summary),
      },
      updatedAt: lockedAt,
    } satisfies Partial<MeetingDoc>)
  }

  for (const y of [year - 1, year]) {
    const planId = `${DEMO.branch}_${y}`
    const drafted = draftAnnualPlan({ year: y, requirements, themeDayRule: branch.themeDayRule, groups: branch.groups })
    const items: MeetingPlanDoc['items'] = []
    for (const item of drafted) {
      const isNextTheme = item.kind === 'theme-day' && item.date === nextTheme
      const id = isNextTheme ? DEMO_MEETINGS.nextThemeDay : `mt_seed_${item.key}`.slice(0, 64)
      const inRange = item.date >= since && item.date <= `${year}-12-31`
      items.push({ ...item, meetingId: inRange ? id : null })
      if (!inRange) continue
      const m = make(id, item, { planId, planKey: item.key })
      // Held if it has started (today's afternoon meeting still counts as upcoming until it starts).
      if (Date.parse(m.startsAt) < Date.parse(nowIso)) hold(m)
      meetings.push(m)
    }
    plans.push({
      _id: planId,
      branchId: DEMO.branch,
      year: y,
      status: 'published',
      items,
      createdAt: `${y - 1}-12-20T02:00:00.000Z`,
      updatedAt: `${y - 1}-12-28T02:00:00.000Z`,
      publishedAt: `${y - 1}-12-28T02:00:00.000Z`,
      publishedBy: DEMO.m.secretary,
    })
  }

  // The next 主题党日 may fall in January of next year (after this year's plan): add it on its own.
  if (!meetings.some((m) => m._id === DEMO_MEETINGS.nextThemeDay)) {
    meetings.push(make(DEMO_MEETINGS.nextThemeDay, { kind: 'theme-day', date: nextTheme, time: '14:30', groupId: null, topic: `${Number(nextTheme.slice(5, 7))}月主题党日`, bySecretary: false }))
  }
  const next = meetings.find((m) => m._id === DEMO_MEETINGS.nextThemeDay) as MeetingDoc
  Object.assign(next, {
    agenda: ['重温入党誓词', '集中学习', '集中交纳党费', '民主议事：社区为民办实事项目'],
    invitees: [
      { name: '陈思', kind: 'activist' },
      { name: '黄建华', kind: 'public' },
    ],
    materials: '学习材料：《中国共产党支部工作条例（试行）》第四章“组织生活”。',
  } satisfies Partial<MeetingDoc>)
  const requested = new Date(Date.parse(next.startsAt) - 5 * 86_400_000).toISOString()
  const leaveOf = (memberId: string, reason: string, status: MeetingLeaveDoc['status']): MeetingLeaveDoc => {
    const m = byId.get(memberId) as MemberDoc
    const decided = status !== 'pending'
    return {
      _id: `${next._id}_${memberId}`,
      meetingId: next._id,
      branchId: DEMO.branch,
      memberId,
      memberName: m.name,
      groupId: m.groupId,
      meetingTopic: next.topic,
      meetingKind: next.kind,
      meetingStartsAt: next.startsAt,
      reason,
      status,
      requestedAt: requested < nowIso ? requested : nowIso,
      decidedAt: decided ? nowIso : null,
      decidedBy: decided ? DEMO.m.secretary : null,
      decidedByName: decided ? '张建国' : null,
      note: '',
    }
  }
  const approved = leaveOf('m_b1_16', '出差在外', 'approved')
  const pending = leaveOf('m_b1_18', '家中老人住院需陪护', 'pending')
  leaves.push(approved, pending)
  Object.assign(next, {
    leaveIds: [approved.memberId],
    leavePendingIds: [pending.memberId],
    leaveNotes: { [approved.memberId]: { reason: approved.reason, note: '' }, [pending.memberId]: { reason: pending.reason, note: '' } },
  } satisfies Partial<MeetingDoc>)

  // Two meetings for the reliability fixtures (keeper actions; cancel).
  const inDays = (n: number) => addDays(today, n)
  const fixture = make(DEMO_MEETINGS.fixture, { kind: 'other', date: inDays(3), time: '09:00', groupId: null, topic: '社区环境整治志愿服务', bySecretary: false })
  Object.assign(fixture, { hostId: DEMO.m.leader1, hostName: '赵敏', recorderId: 'm_b1_15', recorderName: byId.get('m_b1_15')?.name ?? '', agenda: ['分组清理楼道杂物', '入户宣传垃圾分类'] } satisfies Partial<MeetingDoc>)
  const cancellable = make(DEMO_MEETINGS.cancellable, { kind: 'other', date: inDays(10), time: '15:00', groupId: null, topic: '专题学习会', bySecretary: false })
  meetings.push(fixture, cancellable)

  // One correction on the latest held 党员大会, to show how a locked record is amended.
  const congress = meetings.filter((m) => m.kind === 'party-congress' && m.lockedAt).at(-1)
  if (congress?.lockedAt) {
    const at = new Date(Date.parse(congress.lockedAt) + 86_400_000).toISOString()
    const entry = { id: `mc_seed_${congress._id}`.slice(0, 64), at, by: DEMO.m.organizer, byName: '王志强', field: 'resolutions' as const, text: '补记：会议还通过了“社区党员志愿服务队”人员调整事项。', reason: '记录时遗漏' }
    congress.corrections = [entry]
    corrections.push({ _id: entry.id, meetingId: congress._id, branchId: DEMO.branch, at, by: entry.by, byName: entry.byName, field: entry.field, text: entry.text, reason: entry.reason })
  }

  return { meetings, attendance, meeting_leaves: leaves, meeting_corrections: corrections, meeting_plans: plans } as unknown as Docs
}
