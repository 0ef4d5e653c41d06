/**
 * What the 书记 must fix about meetings (docs/DOMAIN.md §2): 党小组会 compliance per 党小组 (each group owes
 * its own, 一般每月召开1次 [N][HN]) and the gaps to act on, overdue first, with a date to propose.
 */
import { type ComplianceRow, type HeldMeeting, meetingCompliance, type MeetingRequirement } from '../meetings/compliance'
import { MEETING_KIND_SHORT_LABELS, type MeetingKind } from '../meetings/kinds'
import { addDays, assertDate, type DateString, parseDate, type Period } from '../time'

export interface GroupComplianceRow extends ComplianceRow {
  groupId: string
  groupName: string
}

export function groupMeetingCompliance(input: {
  requirements: readonly MeetingRequirement[]
  groups: readonly { id: string; name: string }[]
  meetings: readonly (HeldMeeting & { groupId: string | null })[]
  from: DateString
  to: DateString
  today: DateString
}): GroupComplianceRow[] {
  const requirements = input.requirements.filter((r) => r.kind === 'group')
  return input.groups.flatMap((g) =>
    meetingCompliance({
      requirements,
      meetings: input.meetings.filter((m) => m.kind === 'group' && m.groupId === g.id),
      from: input.from,
      to: input.to,
      today: input.today,
    }).map((row) => ({ ...row, groupId: g.id, groupName: g.name })),
  )
}

/** What the 书记 must fix: a period held short, with the group and a date to propose for the meeting. */
export interface MeetingGap {
  kind: MeetingKind
  bySecretary: boolean
  periodKey: string
  periodLabel: string
  periodStart: DateString
  periodEnd: DateString
  required: number
  held: number
  status: 'missing' | 'overdue'
  groupId: string | null
  groupName: string | null
  /** A date for a meeting that fills the gap: the period's last day when it has ended (补录), else tomorrow or today. */
  suggestedDate: DateString
  title: string
}

const shortMonthLabel = (p: Period): string =>
  p.unit === 'month' ? `${parseDate(p.start).month}月` : p.unit === 'year' ? p.label : p.label.replace(/^\d{4}年/, '')

/**
 * The rows to act on, overdue first then the current period. When the branch has 党小组, the 党小组会 rows
 * are the per-group ones (`groupRows`); otherwise the branch rows.
 */
export function meetingGaps(rows: readonly ComplianceRow[], groupRows: readonly GroupComplianceRow[], today: DateString): MeetingGap[] {
  assertDate(today)
  const useGroups = groupRows.length > 0
  const effective: (ComplianceRow & { groupId?: string; groupName?: string })[] = [
    ...rows.filter((r) => !(useGroups && r.requirement.kind === 'group')),
    ...groupRows,
  ]
  const gaps = effective
    .filter((r): r is typeof r & { status: 'missing' | 'overdue' } => r.status === 'missing' || r.status === 'overdue')
    .map((r): MeetingGap => {
      const bySecretary = r.requirement.by === 'secretary'
      const tomorrow = addDays(today, 1)
      const suggestedDate = r.status === 'overdue' ? r.period.end : tomorrow <= r.period.end ? tomorrow : today
      const what = `${bySecretary ? '书记讲' : ''}${MEETING_KIND_SHORT_LABELS[r.requirement.kind]}`
      const who = r.groupName ? `${r.groupName}` : ''
      const when = shortMonthLabel(r.period)
      const state = r.status === 'overdue' ? '未召开' : '尚未召开'
      return {
        kind: r.requirement.kind,
        bySecretary,
        periodKey: r.period.key,
        periodLabel: r.period.label,
        periodStart: r.period.start,
        periodEnd: r.period.end,
        required: r.required,
        held: r.held,
        status: r.status,
        groupId: r.groupId ?? null,
        groupName: r.groupName ?? null,
        suggestedDate,
        title: `${what} ${when}${who ? ` ${who}` : ''}${state}（应${r.required}次，已${r.held}次）`,
      }
    })
  const rank = (g: MeetingGap) => (g.status === 'overdue' ? 0 : 1)
  return gaps.sort((a, b) => rank(a) - rank(b) || (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : 0) || a.kind.localeCompare(b.kind) || (a.groupName ?? '').localeCompare(b.groupName ?? ''))
}
