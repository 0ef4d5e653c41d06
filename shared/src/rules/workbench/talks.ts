/**
 * 谈心谈话 coverage [HN] (docs/DOMAIN.md §7): who still owes whom a talk in each period of the year.
 */
import type { Profile } from '../../profiles/schema'
import { assertDate, type DateString, periodsBetween } from '../time'

export const TALK_REQUIREMENTS = ['secretaryWithCommittee', 'secretaryWithMembers', 'committeeWithEachOther', 'committeeWithLinkedMembers'] as const

export type TalkRequirement = (typeof TALK_REQUIREMENTS)[number]

export const TALK_REQUIREMENT_LABELS: Record<TalkRequirement, string> = {
  secretaryWithCommittee: '书记与班子成员',
  secretaryWithMembers: '书记与党员',
  committeeWithEachOther: '班子成员之间',
  committeeWithLinkedMembers: '班子成员与党员',
}

export interface TalkRecord {
  date: DateString
  byId: string
  withId: string
}

export type CoverageStatus = 'done' | 'missing' | 'overdue' | 'upcoming'

export interface TalkCoverageRow {
  requirement: TalkRequirement
  label: string
  periodKey: string
  periodLabel: string
  min: number
  /** Pairs (or members) that must be covered, and how many are. */
  expected: number
  covered: number
  /** Who is still owed a talk, as names (`李红梅`, `王志强—刘芳`). */
  missing: string[]
  status: CoverageStatus
}

interface Unit {
  label: string
  a: ReadonlySet<string>
  b: ReadonlySet<string>
}

export function talkCoverage(input: {
  talks: readonly TalkRecord[]
  frequencies: Pick<Profile['talks'], TalkRequirement>
  secretaryId: string | null
  /** 支委 other than the 书记 (副书记 and 委员). */
  committeeIds: readonly string[]
  members: readonly { id: string; name: string }[]
  year: number
  today: DateString
}): TalkCoverageRow[] {
  const today = assertDate(input.today)
  const name = new Map(input.members.map((m) => [m.id, m.name]))
  const nameOf = (id: string) => name.get(id) ?? id
  const sec = input.secretaryId && name.has(input.secretaryId) ? input.secretaryId : null
  const committee = input.committeeIds.filter((id) => name.has(id) && id !== sec)
  const committeeSet = new Set(committee)
  const one = (id: string): ReadonlySet<string> => new Set([id])
  const units: Record<TalkRequirement, Unit[]> = {
    secretaryWithCommittee: sec ? committee.map((c) => ({ label: nameOf(c), a: one(sec), b: one(c) })) : [],
    secretaryWithMembers: sec ? input.members.filter((m) => m.id !== sec).map((m) => ({ label: m.name, a: one(sec), b: one(m.id) })) : [],
    committeeWithEachOther: committee.flatMap((c, i) => committee.slice(i + 1).map((d) => ({ label: `${nameOf(c)}—${nameOf(d)}`, a: one(c), b: one(d) }))),
    committeeWithLinkedMembers:
      committee.length === 0
        ? []
        : input.members.filter((m) => m.id !== sec && !committeeSet.has(m.id)).map((m) => ({ label: m.name, a: one(m.id), b: committeeSet })),
  }
  const rows: TalkCoverageRow[] = []
  for (const requirement of TALK_REQUIREMENTS) {
    const freq = input.frequencies[requirement]
    for (const period of periodsBetween(freq.per, `${input.year}-01-01`, `${input.year}-12-31`)) {
      const inPeriod = input.talks.filter((t) => t.date >= period.start && t.date <= period.end)
      const missing: string[] = []
      for (const u of units[requirement]) {
        const n = inPeriod.filter((t) => (u.a.has(t.byId) && u.b.has(t.withId)) || (u.a.has(t.withId) && u.b.has(t.byId))).length
        if (n < freq.min) missing.push(u.label)
      }
      const expected = units[requirement].length
      const status: CoverageStatus = missing.length === 0 ? 'done' : period.end < today ? 'overdue' : period.start > today ? 'upcoming' : 'missing'
      rows.push({
        requirement,
        label: TALK_REQUIREMENT_LABELS[requirement],
        periodKey: period.key,
        periodLabel: period.label,
        min: freq.min,
        expected,
        covered: expected - missing.length,
        missing,
        status,
      })
    }
  }
  return rows
}
