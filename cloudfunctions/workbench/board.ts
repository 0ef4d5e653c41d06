/**
 * The dashboard from one branch's records (`board-data.loadBranchBoard`): every figure through the
 * shared rules (meetingCompliance, attendance by month, duesYearSummary, talkCoverage, studyProgress,
 * branchSetupChecks, reelectionStatus, 政治生日) and the list of items to fix, each naming its page.
 * Pure given the data and `now`; the self-assessment reads the same facts.
 */
import type { BoardItem, Dashboard, Fix } from '@shared/contract/workbench'
import { COMMITTEE_ROLES } from '@shared/contract/roles'
import { resolveProfile, type Profile, type ProfileOverrides } from '@shared/profiles'
import { branchSetupChecks, REELECTION_STATUS_LABELS, reelectionStatus } from '@shared/rules/branch'
import { lastDueMonth } from '@shared/rules/dues/months'
import { describeRequirement, meetingCompliance, summarizeCompliance, type ComplianceRow, type HeldMeeting } from '@shared/rules/meetings/compliance'
import type { MeetingKind } from '@shared/rules/meetings/kinds'
import { publicationPeriods } from '@shared/rules/points/calendar'
import type { BranchScheme } from '@shared/rules/points/branch-scheme'
import { beijingDate, beijingMonth, formatDateCN, formatFen, formatMonthCN, parseDate } from '@shared/rules/index'
import { attendanceByMonth, attendanceRate } from '@shared/rules/workbench/turnout'
import { duesYearSummary } from '@shared/rules/workbench/dues-year'
import { groupMeetingCompliance, meetingGaps, type GroupComplianceRow } from '@shared/rules/workbench/meeting-gaps'
import { politicalBirthdaysInMonth } from '@shared/rules/workbench/political-birthdays'
import { studyProgress } from '@shared/rules/workbench/study'
import { talkCoverage } from '@shared/rules/workbench/talks'
import type { AssessmentFacts, EvaluationState } from '@shared/rules/workbench/standard-score'
import type { BoardMember, BranchBoardData } from './board-data'

export const profileOfBranch = (branch: BranchBoardData['branch']): Profile =>
  resolveProfile(branch.profileId, (branch.profileOverrides ?? {}) as ProfileOverrides)

const isCommittee = (m: Pick<BoardMember, 'roles'>) => m.roles.some((r) => COMMITTEE_ROLES.includes(r))

/** Held meetings as compliance reads them: locked records; 民主评议大会 also counts as 组织生活会 (as meetings.compliance does). */
export const heldMeetings = (data: BranchBoardData): (HeldMeeting & { groupId: string | null })[] =>
  data.meetings
    .filter((m) => m.status === 'held' && m.locked)
    .map((m) => ({
      kind: m.kind,
      date: m.date,
      groupId: m.groupId,
      countsAs: m.kind === 'evaluation' ? (['life-meeting'] as MeetingKind[]) : [],
      ledBy: m.secretaryLed ? (['secretary'] as const) : [],
      status: 'held' as const,
    }))

export interface BoardFacts {
  profile: Profile
  today: string
  month: string
  rows: ComplianceRow[]
  groupRows: GroupComplianceRow[]
  /** Rows as judged: branch rows, with the per-group 党小组会 rows instead of the branch one when the branch has groups. */
  effectiveRows: (ComplianceRow & { groupId?: string; groupName?: string })[]
  dues: ReturnType<typeof duesYearSummary>
  evaluation: Dashboard['evaluation']
  setup: ReturnType<typeof branchSetupChecks>
  reelection: ReturnType<typeof reelectionStatus>
  heldByKind: Partial<Record<MeetingKind, number>>
}

/** The facts the dashboard and the self-assessment share. */
export function boardFacts(data: BranchBoardData, year: number, now: Date): BoardFacts {
  const { branch, members } = data
  const profile = profileOfBranch(branch)
  const today = beijingDate(now)
  const month = beijingMonth(now)
  const from = `${year}-01-01`
  const to = `${year}-12-31`
  const held = heldMeetings(data)
  const rows = meetingCompliance({ requirements: profile.meetings.requirements, meetings: held, from, to, today })
  const groupRows = branch.groups.length > 0 ? groupMeetingCompliance({ requirements: profile.meetings.requirements, groups: branch.groups, meetings: held, from, to, today }) : []
  const effectiveRows = [...rows.filter((r) => !(groupRows.length > 0 && r.requirement.kind === 'group')), ...groupRows]
  const heldByKind: Partial<Record<MeetingKind, number>> = {}
  for (const m of held) {
    heldByKind[m.kind] = (heldByKind[m.kind] ?? 0) + 1
    for (const k of m.countsAs ?? []) heldByKind[k] = (heldByKind[k] ?? 0) + 1
  }

  const dues = duesYearSummary({
    members: members.map((m) => ({
      id: m._id,
      name: m.name,
      joinedAt: m.joinedAt,
      bases: m.account[0]?.bases ?? [],
      paidMonths: m.account[0]?.paidMonths ?? [],
      reportedMonths: m.account[0]?.reportedMonths ?? [],
    })),
    terms: { firstMonth: profile.dues.firstMonth, rounding: profile.dues.rounding },
    thresholds: { warnMonths: profile.dues.arrearsWarnMonths, flagMonths: profile.dues.arrearsFlagMonths },
    year,
    lastDue: lastDueMonth(today, branch.duesDay),
    paidFenByMonth: Object.fromEntries(data.duesPaid.map((p) => [p._id, p.paidFen])),
  })

  const round = [...data.rounds].sort((a, b) => b.seq - a.seq)[0] ?? null
  const evaluation: Dashboard['evaluation'] = round
    ? { status: round.status, roundId: round._id, title: round.title, votingFrom: round.votingFrom, votingTo: round.votingTo, voters: round.voters, voted: round.voted }
    : { status: 'none', roundId: null, title: null, votingFrom: null, votingTo: null, voters: 0, voted: 0 }

  const formal = members.filter((m) => m.status === 'formal').length
  const secretary = members.find((m) => m.roles.includes('secretary'))
  const setup = branchSetupChecks(
    {
      formalCount: formal,
      probationaryCount: members.length - formal,
      roles: members.flatMap((m) => m.roles.map((role) => ({ memberId: m._id, role }))),
      groups: branch.groups.map((g) => ({ id: g.id, name: g.name, memberCount: members.filter((m) => m.groupId === g.id).length })),
      secretaryJoinedAt: secretary?.joinedAt ?? null,
      today,
    },
    profile.branch,
  )
  const reelection = reelectionStatus(branch.termEndsAt, today, profile.term)
  return { profile, today, month, rows, groupRows, effectiveRows, dues, evaluation, setup, reelection, heldByKind }
}

/** The self-assessment's inputs from the same facts. */
export const assessmentFacts = (f: BoardFacts): AssessmentFacts => ({
  setupFindings: f.setup.map((x) => ({ code: x.code, message: x.message })),
  reelection: f.reelection.status,
  meetingRows: f.effectiveRows,
  heldByKind: f.heldByKind,
  evaluation: f.evaluation.status as EvaluationState,
  duesArrears: f.dues.arrears.map((a) => ({ name: a.name, run: a.run })),
})

const fix = (page: Fix['page'], params: Record<string, string | null | undefined> = {}): Fix => ({
  page,
  params: Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string')),
})

const yuan = (fen: number) => `${formatFen(fen)}元`

export function buildDashboard(data: BranchBoardData, year: number, now: Date, readOnly: boolean): Dashboard {
  const f = boardFacts(data, year, now)
  const { branch, members } = data
  const { profile, today, month } = f
  const thisYear = Number(today.slice(0, 4))
  const yearOver = year < thisYear

  // Meetings.
  const describe = (r: ComplianceRow) => describeRequirement(r.requirement)
  const complianceRows: Dashboard['meetings']['rows'] = f.effectiveRows.map((r) => ({
    kind: r.requirement.kind,
    bySecretary: r.requirement.by === 'secretary',
    requirement: describe(r),
    periodKey: r.period.key,
    periodLabel: r.period.label,
    required: r.required,
    held: r.held,
    status: r.status,
    groupId: r.groupId ?? null,
    groupName: r.groupName ?? null,
  }))
  const gaps = meetingGaps(f.rows, f.groupRows, today)

  // Attendance over held, locked records.
  const heldDocs = data.meetings.filter((m) => m.status === 'held' && m.locked)
  const months = attendanceByMonth(heldDocs, year)
  const due = months.reduce((s, m) => s + m.due, 0)
  const present = months.reduce((s, m) => s + m.present, 0)

  // 积分.
  const scheme = (data.pointsHead?.current?.scheme ?? null) as BranchScheme | null
  const pending = (status: string) => data.pointsPending.find((p) => p._id === status)?.n ?? 0
  const periods: Dashboard['points']['periods'] = scheme
    ? publicationPeriods(scheme, year).map((p) => {
        const pub = data.pointsHead?.publications?.[p.key]
        const status = p.start > today ? 'upcoming' : p.end >= today ? 'current' : pub ? (pub.status === 'final' ? 'final' : 'publicity') : 'unpublished'
        return { key: p.key, label: p.label, status }
      })
    : []

  // 谈心谈话 and 学时.
  const secretaryId = members.find((m) => m.roles.includes('secretary'))?._id ?? null
  const talks = talkCoverage({
    talks: data.talks,
    frequencies: profile.talks,
    secretaryId,
    committeeIds: members.filter(isCommittee).map((m) => m._id),
    members: members.map((m) => ({ id: m._id, name: m.name })),
    year,
    today,
  })
  const study = studyProgress({
    members: members.map((m) => ({ id: m._id, name: m.name, committee: isCommittee(m) })),
    hoursByMember: Object.fromEntries(data.study.map((s) => [s._id, s.hours])),
    targets: profile.study,
  })

  const nextReminder = f.reelection.schedule?.reminders.find((r) => r.date >= today) ?? null
  const birthdays = politicalBirthdaysInMonth(
    members.map((m) => ({ id: m._id, name: m.name, joinedAt: m.joinedAt })),
    month,
  )

  // Items to fix, most pressing first.
  const items: BoardItem[] = []
  const planned = data.meetings.filter((m) => m.status === 'planned')
  for (const g of gaps) {
    const scheduled = planned.find((m) => m.kind === g.kind && m.date >= g.periodStart && m.date <= g.periodEnd && (g.groupId === null || m.groupId === g.groupId))
    const topic = `${g.kind === 'group' || g.kind === 'committee' || g.kind === 'theme-day' ? formatMonthCN(g.periodStart.slice(0, 7)).replace(/^\d{4}年/, '') : ''}${g.bySecretary ? '书记讲' : ''}${MEETING_TOPIC[g.kind]}`
    items.push({
      key: `gap:${g.kind}:${g.periodKey}:${g.groupId ?? ''}:${g.bySecretary ? 's' : ''}`,
      area: 'meetings',
      level: g.status === 'overdue' ? 'urgent' : 'warning',
      title: g.title,
      detail: scheduled
        ? `已安排“${scheduled.topic}”（${formatDateCN(scheduled.date)}），会后请提交会议记录`
        : g.status === 'overdue'
          ? '如已召开，请补录会议记录；未召开的请尽快安排'
          : `${g.periodLabel}内应召开${g.required}次，请安排`,
      fix: scheduled
        ? fix('meetings', { meetingId: scheduled._id })
        : fix('create-meeting', { kind: g.kind, date: g.suggestedDate, groupId: g.groupId, topic, bySecretary: g.bySecretary ? '1' : undefined }),
    })
  }
  for (const level of ['lapse-review', 'warn'] as const) {
    const list = f.dues.arrears.filter((a) => a.flag === level)
    if (list.length === 0) continue
    items.push({
      key: `dues:${level}`,
      area: 'dues',
      level: level === 'lapse-review' ? 'urgent' : 'warning',
      title: level === 'lapse-review' ? `${list.length}名党员连续6个月以上未交纳党费` : `${list.length}名党员欠交党费满${profile.dues.arrearsWarnMonths}个月`,
      detail: `${list.map((a) => `${a.name}（${a.run}个月，${yuan(a.owedFen)}）`).join('、')}${level === 'lapse-review' ? '。请支部了解情况、研究处理，本系统仅作提示' : '。请及时提醒'}`,
      fix: fix('dues', { tab: 'arrears' }),
    })
  }
  const backlog = pending('pending-group') + pending('pending-committee')
  if (backlog > 0) {
    items.push({ key: 'points:review', area: 'points', level: 'warning', title: `积分申报待审核${backlog}条`, detail: `党小组待审${pending('pending-group')}条，支委待审${pending('pending-committee')}条`, fix: fix('points-review') })
  }
  for (const p of periods.filter((x) => x.status === 'unpublished')) {
    items.push({ key: `points:publish:${p.key}`, area: 'points', level: 'warning', title: `${p.label}积分尚未评定公示`, detail: '每季评定公示，公示期不少于7天', fix: fix('points-publish', { periodKey: p.key }) })
  }
  const ev = f.evaluation
  if (ev.status === 'none') {
    items.push({ key: 'evaluation:none', area: 'evaluation', level: yearOver ? 'urgent' : 'warning', title: `${year}年度尚未开展民主评议党员`, detail: '每年开展1次，一般结合组织生活会进行', fix: fix('evaluation') })
  } else if (ev.status === 'open') {
    items.push({ key: 'evaluation:open', area: 'evaluation', level: 'info', title: `民主评议进行中：已投票${ev.voted}/${ev.voters}人`, detail: `投票时间${ev.votingFrom}至${ev.votingTo}`, fix: fix('evaluation', { roundId: ev.roundId }) })
  } else if (ev.status === 'closed') {
    items.push({ key: 'evaluation:closed', area: 'evaluation', level: 'warning', title: '民主评议已结束投票，尚未组织评定和公示', detail: ev.title ?? '', fix: fix('evaluation', { roundId: ev.roundId }) })
  }
  for (const t of talks.filter((r) => r.status === 'missing' || r.status === 'overdue')) {
    const names = t.missing.slice(0, 6).join('、') + (t.missing.length > 6 ? `等${t.missing.length}人` : '')
    items.push({
      key: `talks:${t.requirement}:${t.periodKey}`,
      area: 'talks',
      level: t.status === 'overdue' ? 'urgent' : 'warning',
      title: `谈心谈话：${t.label}（${t.periodLabel}）已谈${t.covered}/${t.expected}`,
      detail: `尚未谈：${names}`,
      fix: fix('talks'),
    })
  }
  const unmet = study.rows.filter((r) => !r.met)
  if (unmet.length > 0) {
    items.push({
      key: 'study:unmet',
      area: 'study',
      level: yearOver ? 'urgent' : Number(month.slice(5)) >= 10 && year === thisYear ? 'warning' : 'info',
      title: `${unmet.length}名党员学时未达标（党员${profile.study.memberHours}学时，书记和支委${profile.study.committeeHours}学时）`,
      detail: `已达标${study.met}/${study.total}人`,
      fix: fix('study'),
    })
  }
  for (const s of f.setup) {
    items.push({
      key: `setup:${s.code}:${String(s.details?.groupId ?? '')}`,
      area: 'setup',
      level: s.level,
      title: s.message,
      detail: '支部设置检查（仅作提示）',
      fix: fix(s.code.startsWith('COMMITTEE') || s.code.startsWith('SECRETARY') ? 'members' : 'branch-settings'),
    })
  }
  const re = f.reelection
  if (re.status !== 'ok') {
    items.push({
      key: 'reelection',
      area: 'reelection',
      level: re.status === 'due-soon' || re.status === 'no-term' ? 'warning' : 'urgent',
      title: re.status === 'no-term' ? '尚未设置支部委员会任期' : `${REELECTION_STATUS_LABELS[re.status]}（${formatDateCN(re.schedule?.termEndsAt ?? today)}届满）`,
      detail: nextReminder ? `${formatDateCN(nextReminder.date)}：${nextReminder.label}` : re.daysLeft !== null && re.daysLeft < 0 ? `已超期${-re.daysLeft}天` : '请在支部设置中填写任期',
      fix: fix('branch-settings'),
    })
  }
  for (const b of birthdays) {
    items.push({
      key: `birthday:${b.memberId}`,
      area: 'birthday',
      level: 'info',
      title: `政治生日：${b.name}（${Number(b.date.slice(5, 7))}月${parseDate(b.date).day}日，入党${b.years}周年）`,
      detail: '可送上贺卡、开展一次谈心谈话、重温入党誓词',
      fix: fix('talks', { withId: b.memberId }),
    })
  }
  const rank = { urgent: 0, warning: 1, info: 2 } as const
  items.sort((a, b) => rank[a.level] - rank[b.level])

  const formal = members.filter((m) => m.status === 'formal').length
  return {
    branch: {
      id: branch._id,
      name: branch.name,
      parentName: branch.parentName,
      profileId: branch.profileId,
      profileName: profile.name,
      members: members.length,
      formal,
      probationary: members.length - formal,
      groups: branch.groups.map((g) => ({ id: g.id, name: g.name, size: members.filter((m) => m.groupId === g.id).length })),
    },
    year,
    today,
    readOnly,
    items,
    meetings: { rows: complianceRows, gaps, summary: summarizeCompliance(f.effectiveRows) },
    attendance: { months, due, present, rate: attendanceRate(present, due) },
    dues: { available: f.dues.tracked > 0, ...f.dues },
    points: { available: scheme !== null, pendingGroup: pending('pending-group'), pendingCommittee: pending('pending-committee'), periods },
    evaluation: f.evaluation,
    talks: { rows: talks, recorded: data.talks.length },
    study: { memberTarget: profile.study.memberHours, committeeTarget: profile.study.committeeHours, ...study },
    setup: { findings: f.setup.map((s) => ({ code: s.code, level: s.level, message: s.message })) },
    reelection: {
      status: re.status,
      label: REELECTION_STATUS_LABELS[re.status],
      termEndsAt: re.schedule?.termEndsAt ?? null,
      daysLeft: re.daysLeft,
      nextReminder: nextReminder ? { date: nextReminder.date, label: nextReminder.label } : null,
    },
    birthdays,
  }
}

/** A default topic for a meeting created from a gap. */
const MEETING_TOPIC: Record<MeetingKind, string> = {
  'party-congress': '支部党员大会',
  committee: '支部委员会会议',
  group: '党小组会',
  lecture: '党课',
  'life-meeting': '组织生活会',
  'theme-day': '主题党日',
  evaluation: '民主评议党员大会',
  other: '学习会',
}
