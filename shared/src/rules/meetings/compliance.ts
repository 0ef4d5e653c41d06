/**
 * Meeting compliance (docs/DOMAIN.md §2): how many meetings of each kind a profile requires per period, and
 * whether the meetings held over a date range meet it (held / missing / overdue / upcoming).
 */
import * as z from 'zod/mini'
import type { BranchRole } from '../../contract/roles'
import { RuleInputError } from '../errors'
import { assertDate, type DateString, type Period, PERIOD_UNIT_LABELS, PERIOD_UNITS, periodsBetween } from '../time'
import { MEETING_KIND_SHORT_LABELS, type MeetingKind } from './kinds'
import { MeetingKindSchema } from './kind-schema'

/**
 * A profile's requirement: at least `min` meetings of `kind` in every period of `per`. `by: 'secretary'`
 * counts only meetings the 书记 led (党课 by the 书记 ≥1 / year). `max` is informative (village: 1–2).
 */
export const MeetingRequirementSchema = z.strictObject({
  kind: MeetingKindSchema,
  min: z.number().check(z.int(), z.gte(1), z.lte(31)),
  max: z.optional(z.nullable(z.number().check(z.int(), z.gte(1), z.lte(31)))),
  per: z.enum(PERIOD_UNITS),
  by: z.optional(z.nullable(z.literal('secretary'))),
  note: z.optional(z.string()),
})

export type MeetingRequirement = z.infer<typeof MeetingRequirementSchema>

/** `≥1 / 每季度`, `书记 ≥1 / 每年`, `1—2 / 每年`: a requirement in words. */
export function describeRequirement(req: MeetingRequirement): string {
  const who = req.by === 'secretary' ? '书记讲' : ''
  const count = req.max != null && req.max !== req.min ? `${req.min}—${req.max}次` : `至少${req.min}次`
  return `${PERIOD_UNIT_LABELS[req.per]}${who}${MEETING_KIND_SHORT_LABELS[req.kind]}${count}`
}

/** A meeting that took place, as compliance sees it. */
export interface HeldMeeting {
  kind: MeetingKind
  date: DateString
  /** Other kinds this meeting also counts for (a 主题党日 run as a 党小组会; 民主评议 at a 组织生活会). */
  countsAs?: readonly MeetingKind[]
  /** Roles of whoever led it (the 党课 speaker): `secretary` satisfies `by: 'secretary'`. */
  ledBy?: readonly BranchRole[]
  /** Cancelled or draft meetings do not count. */
  status?: 'held' | 'cancelled' | 'planned'
}

export type ComplianceStatus = 'held' | 'missing' | 'overdue' | 'upcoming'

export const COMPLIANCE_STATUS_LABELS: Record<ComplianceStatus, string> = {
  held: '已召开',
  missing: '本期尚未召开',
  overdue: '逾期未召开',
  upcoming: '未到期',
}

export interface ComplianceRow {
  requirement: MeetingRequirement
  period: Period
  required: number
  held: number
  /** `held`: enough; `missing`: the current period, not yet enough; `overdue`: ended without enough; `upcoming`: not started. */
  status: ComplianceStatus
}

/** Every (requirement, period) pair that overlaps `[from, to]`: what the branch must hold. */
export function requiredMeetings(
  requirements: readonly MeetingRequirement[],
  from: DateString,
  to: DateString,
): { requirement: MeetingRequirement; period: Period; required: number }[] {
  if (assertDate(from) > assertDate(to)) throw new RuleInputError('INVALID_RANGE', '开始日期不能晚于结束日期', { from, to })
  return requirements.flatMap((requirement) =>
    periodsBetween(requirement.per, from, to).map((period) => ({ requirement, period, required: requirement.min })),
  )
}

function counts(meeting: HeldMeeting, req: MeetingRequirement): boolean {
  if ((meeting.status ?? 'held') !== 'held') return false
  if (meeting.kind !== req.kind && !(meeting.countsAs ?? []).includes(req.kind)) return false
  return req.by !== 'secretary' || (meeting.ledBy ?? []).includes('secretary')
}

/**
 * Compliance of `meetings` with `requirements` for every period overlapping `[from, to]`, judged on
 * `today`. Meetings are counted in the period their date falls in, anywhere in that period.
 */
export function meetingCompliance(input: {
  requirements: readonly MeetingRequirement[]
  meetings: readonly HeldMeeting[]
  from: DateString
  to: DateString
  today: DateString
}): ComplianceRow[] {
  const today = assertDate(input.today)
  return requiredMeetings(input.requirements, input.from, input.to).map(({ requirement, period, required }) => {
    const held = input.meetings.filter((m) => assertDate(m.date) >= period.start && m.date <= period.end && counts(m, requirement)).length
    const status: ComplianceStatus =
      held >= required ? 'held' : period.end < today ? 'overdue' : period.start > today ? 'upcoming' : 'missing'
    return { requirement, period, required, held, status }
  })
}

/** Counts of rows per status (for a dashboard badge). */
export function summarizeCompliance(rows: readonly ComplianceRow[]): Record<ComplianceStatus, number> {
  const out: Record<ComplianceStatus, number> = { held: 0, missing: 0, overdue: 0, upcoming: 0 }
  for (const row of rows) out[row.status] += 1
  return out
}
