/**
 * workbench.overview — every branch under the caller's 党委 side by side: 三会一课 compliance, attendance,
 * 党费 collected vs due and arrears, 民主评议 and 换届. Six requests (the caller, then one per collection,
 * grouped by branch in the database) for 100 branches as for one — never a loop of per-branch calls.
 */
import type { OverviewRow, workbench } from '@shared/contract/workbench'
import { REELECTION_STATUS_LABELS, reelectionStatus } from '@shared/rules/branch'
import { lastDueMonth } from '@shared/rules/dues/months'
import { meetingCompliance, summarizeCompliance } from '@shared/rules/meetings/compliance'
import type { MeetingKind } from '@shared/rules/meetings/kinds'
import { beijingDate } from '@shared/rules/time'
import { attendanceRate } from '@shared/rules/workbench/turnout'
import { duesYearSummary } from '@shared/rules/workbench/dues-year'
import { groupMeetingCompliance } from '@shared/rules/workbench/meeting-gaps'
import { targeting, type Handler } from '../../_kit/create-main'
import { loadOrgBoard, type OrgBranchFacts } from '../board-data'
import { profileOfBranch } from '../board'
import { yearOf } from './common'

export function overviewRow(f: OrgBranchFacts, year: number, now: Date): OverviewRow {
  const { branch } = f
  const profile = profileOfBranch(branch)
  const today = beijingDate(now)
  const from = `${year}-01-01`
  const to = `${year}-12-31`
  const held = f.held.map((m) => ({
    kind: m.kind,
    date: m.date,
    groupId: m.groupId,
    countsAs: m.kind === 'evaluation' ? (['life-meeting'] as MeetingKind[]) : [],
    ledBy: m.secretaryLed ? (['secretary'] as const) : [],
  }))
  const rows = meetingCompliance({ requirements: profile.meetings.requirements, meetings: held, from, to, today })
  const groupRows = branch.groups.length > 0 ? groupMeetingCompliance({ requirements: profile.meetings.requirements, groups: branch.groups, meetings: held, from, to, today }) : []
  const effective = [...rows.filter((r) => !(groupRows.length > 0 && r.requirement.kind === 'group')), ...groupRows]
  const summary = summarizeCompliance(effective)
  // Periods already over: how many were met.
  const ended = effective.filter((r) => r.period.end < today)
  const endedHeld = ended.filter((r) => r.status === 'held').length
  const dues = duesYearSummary({
    members: f.dues.map((m, i) => ({
      id: String(i),
      name: '',
      joinedAt: m.joinedAt,
      bases: m.account[0]?.bases ?? [],
      paidMonths: m.account[0]?.paidMonths ?? [],
      reportedMonths: m.account[0]?.reportedMonths ?? [],
    })),
    terms: { firstMonth: profile.dues.firstMonth, rounding: profile.dues.rounding },
    thresholds: { warnMonths: profile.dues.arrearsWarnMonths, flagMonths: profile.dues.arrearsFlagMonths },
    year,
    lastDue: lastDueMonth(today, branch.duesDay),
    paidFenByMonth: f.paidByMonth,
  })
  const re = reelectionStatus(branch.termEndsAt, today, profile.term)
  const round = [...f.rounds].sort((a, b) => b.seq - a.seq)[0]
  const next = re.schedule?.reminders.find((r) => r.date >= today) ?? null
  return {
    branchId: branch._id,
    name: branch.name,
    parentName: branch.parentName,
    members: f.members,
    formal: f.formal,
    overdue: summary.overdue,
    missing: summary.missing,
    complianceRate: ended.length > 0 ? endedHeld / ended.length : null,
    attendanceRate: attendanceRate(f.present, f.due),
    dueFen: dues.dueFen,
    paidFen: dues.paidFen,
    duesRate: dues.dueFen > 0 ? dues.paidFen / dues.dueFen : null,
    arrears: dues.arrears.length,
    evaluation: round?.status ?? 'none',
    reelection: {
      status: re.status,
      label: REELECTION_STATUS_LABELS[re.status],
      termEndsAt: re.schedule?.termEndsAt ?? null,
      daysLeft: re.daysLeft,
      nextReminder: next ? { date: next.date, label: next.label } : null,
    },
  }
}

export const overview: Handler<typeof workbench.actions.overview> = {
  // The overview is of the org nodes the caller administers (an admin with no branch yet sees an empty one).
  target: (_input, ctx) => targeting({ branchId: '', orgIds: ctx.caller.adminOrgIds }),
  run: async (input, ctx) => {
    const branchIds = ctx.caller.adminBranchIds
    const year = yearOf(input, ctx.now)
    const facts = await loadOrgBoard(ctx.store, branchIds, year)
    const rows = facts.map((f) => overviewRow(f, year, ctx.now)).sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name, 'zh-CN'))
    return { year, today: beijingDate(ctx.now), orgs: ctx.caller.user?.adminOrgs ?? [], rows }
  },
}
