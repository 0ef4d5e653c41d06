/**
 * Attendance at one meeting (docs/DOMAIN.md §2): who is 应到 (the roster), each member's status, the
 * 应到 / 实到 / 请假 / 缺席 summary, and the quorum [N]: more than half of 应到 with 表决权 (正式党员) present.
 */
import { type BranchRole, COMMITTEE_ROLES, type MemberStatus } from '../../contract/roles'
import { RuleInputError } from '../errors'
import type { MeetingKind } from './kinds'

function assertCount(n: number, what: string): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new RuleInputError('INVALID_COUNT', `${what}应为非负整数`, { value: n })
  return n
}

export interface QuorumResult {
  quorate: boolean
  /** Smallest number present for a quorum: more than half of `due`. */
  needed: number
  due: number
  present: number
}

/** Whether `present` of `due` (应到, with 表决权) is more than half. No quorum when nobody is due. */
export function quorum(due: number, present: number): QuorumResult {
  assertCount(due, '应到人数')
  assertCount(present, '实到人数')
  if (present > due) throw new RuleInputError('INVALID_COUNT', '实到人数不能多于应到人数', { due, present })
  const needed = Math.floor(due / 2) + 1
  return { quorate: due > 0 && present >= needed, needed, due, present }
}

// ---------------------------------------------------------------------------------------------------
// 应到: who is expected at a meeting.

/** A member as a meeting's roster records them (a snapshot taken when the meeting is set up). */
export interface RosterMember {
  id: string
  name: string
  groupId: string | null
  status: MemberStatus
  roles: BranchRole[]
  /** 年老体弱、行动不便、重病 [N]: not counted absent; a recorder may sign them in. */
  exempt: boolean
  /** 流动党员 [HN]: may take part remotely. */
  mobile: boolean
}

/**
 * The roster of a meeting: 支委会 → the 支委 (members holding a committee role); a meeting scoped to a
 * 党小组 (党小组会) → that group's members; anything else → the whole branch. Sorted by name order given.
 */
export function meetingRoster<T extends RosterMember>(members: readonly T[], scope: { kind: MeetingKind; groupId: string | null }): T[] {
  if (scope.kind === 'committee') return members.filter((m) => m.roles.some((r) => COMMITTEE_ROLES.includes(r)))
  if (scope.groupId !== null) return members.filter((m) => m.groupId === scope.groupId)
  return [...members]
}

export type MemberMeetingStatus = 'present' | 'leave' | 'absent' | 'exempt' | 'pending'

export const MEMBER_MEETING_STATUS_LABELS: Record<MemberMeetingStatus, string> = {
  present: '已参加',
  leave: '请假',
  absent: '缺席',
  exempt: '免于参会',
  pending: '待参加',
}

/**
 * A member's status at a meeting. `final`: the meeting is over (its record locked or sign-in closed);
 * before that an expected member is `pending`, not absent. Presence wins over leave.
 */
export function memberMeetingStatus(
  m: { rosterIds: readonly string[]; exemptIds: readonly string[]; presentIds: readonly string[]; leaveIds: readonly string[]; final: boolean },
  memberId: string,
): MemberMeetingStatus | null {
  if (m.presentIds.includes(memberId)) return 'present'
  if (!m.rosterIds.includes(memberId)) return null
  if (m.exemptIds.includes(memberId)) return 'exempt'
  if (m.leaveIds.includes(memberId)) return 'leave'
  return m.final ? 'absent' : 'pending'
}

export interface AttendanceSummary {
  /** 应到: the roster less exempt members who did not come (an exempt member who came counts). */
  due: number
  /** 实到 among 应到. */
  present: number
  /** 请假 (approved, did not come). */
  leave: number
  /** 缺席 without leave (only meaningful once the meeting is over). */
  absent: number
  absentIds: string[]
  leaveIds: string[]
  /** Exempt members who did not come (not counted). */
  exemptIds: string[]
  /** Present but not on the roster (列席: a 支委 at a 党小组会, a late joiner). */
  observers: number
  /** 正式党员 only: those with 表决权 [N]. */
  voting: { due: number; present: number }
}

/** 应到 / 实到 / 请假 / 缺席 of a meeting from its roster, who came and whose leave was approved. */
export function attendanceSummary(input: {
  roster: readonly Pick<RosterMember, 'id' | 'status' | 'exempt'>[]
  presentIds: readonly string[]
  leaveIds: readonly string[]
}): AttendanceSummary {
  const present = new Set(input.presentIds)
  const leave = new Set(input.leaveIds)
  const rosterIds = new Set(input.roster.map((r) => r.id))
  const due = input.roster.filter((r) => !r.exempt || present.has(r.id))
  const out: AttendanceSummary = {
    due: due.length,
    present: 0,
    leave: 0,
    absent: 0,
    absentIds: [],
    leaveIds: [],
    exemptIds: input.roster.filter((r) => r.exempt && !present.has(r.id)).map((r) => r.id),
    observers: [...present].filter((id) => !rosterIds.has(id)).length,
    voting: { due: 0, present: 0 },
  }
  for (const r of due) {
    if (r.status === 'formal') out.voting.due += 1
    if (present.has(r.id)) {
      out.present += 1
      if (r.status === 'formal') out.voting.present += 1
    } else if (leave.has(r.id)) {
      out.leave += 1
      out.leaveIds.push(r.id)
    } else {
      out.absent += 1
      out.absentIds.push(r.id)
    }
  }
  return out
}

/**
 * The quorum that applies to a meeting, or null: 支部党员大会 (and 民主评议大会, a 党员大会) need more than
 * half of 应到 with 表决权 (正式党员) present; 支委会 more than half of its 委员 [N].
 */
export function meetingQuorum(kind: MeetingKind, summary: AttendanceSummary): QuorumResult | null {
  if (kind === 'party-congress' || kind === 'evaluation') return quorum(summary.voting.due, summary.voting.present)
  if (kind === 'committee') return quorum(summary.due, summary.present)
  return null
}
