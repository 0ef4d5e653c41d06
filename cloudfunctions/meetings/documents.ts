/**
 * Documents of 组织生活 (registered in `_kit/collections.ts`): the meetings, denormalised so a member's
 * read is one request, one attendance record per member and meeting, leave requests, corrections to a
 * locked record and the year's plan. Other domains read them through `meetings/public/`.
 */
import type { RosterMember } from '@shared/rules/meetings/attendance'
import type { MeetingKind } from '@shared/rules/meetings/kinds'

/** A member as a meeting's roster recorded them (snapshot; refreshed on edit and at lock): the rules' roster shape. */
export type MeetingRosterEntry = RosterMember

export interface MeetingMinutesDoc {
  content: string
  resolutions: string[]
  photos: { fileId: string; name: string }[]
  inviteesPresent: number
  savedAt: string | null
  savedBy: string | null
  savedByName: string | null
}

export interface MeetingCorrectionEntry {
  id: string
  at: string
  by: string | null
  byName: string
  field: 'content' | 'resolutions' | 'attendance' | 'other'
  text: string
  reason: string
}

export interface MeetingFinalDoc {
  due: number
  present: number
  leave: number
  absent: number
  observers: number
  voting: { due: number; present: number }
  quorum: { quorate: boolean; needed: number; due: number; present: number } | null
}

/**
 * One meeting, denormalised so member reads are one request: the roster and the id lists (应到, present,
 * leave, 补学) live here. `secret` is the per-meeting sign-in key: never returned to anyone.
 */
export interface MeetingDoc {
  _id: string
  branchId: string
  kind: MeetingKind
  topic: string
  /** Beijing date and time; `startsAt` the instant (ISO UTC). */
  date: string
  time: string
  startsAt: string
  /** The sign-in window (from the branch profile when the meeting was set up). */
  signInOpensAt: string
  signInClosesAt: string
  durationMinutes: number
  year: number
  place: string
  location: { lat: number; lng: number; radiusM: number } | null
  groupId: string | null
  hostId: string
  hostName: string
  recorderId: string
  recorderName: string
  agenda: string[]
  invitees: { name: string; kind: 'activist' | 'public' | 'other' }[]
  materials: string
  status: 'planned' | 'held' | 'cancelled'
  cancelReason: string | null
  roster: MeetingRosterEntry[]
  rosterIds: string[]
  exemptIds: string[]
  mobileIds: string[]
  presentIds: string[]
  /** Approved leave; pending and declined requests are listed too for the member's own status. */
  leaveIds: string[]
  leavePendingIds: string[]
  leaveDeclinedIds: string[]
  /** Reasons and decision notes by member id (denormalised from meeting_leaves for the member's detail read). */
  leaveNotes: Record<string, { reason: string; note: string }>
  /** 补学 owed (absent or on leave at lock) and confirmed. */
  makeupIds: string[]
  makeupDoneIds: string[]
  minutes: MeetingMinutesDoc | null
  corrections: MeetingCorrectionEntry[]
  final: MeetingFinalDoc | null
  lockedAt: string | null
  lockedBy: string | null
  /** Per-meeting sign-in secret (server only). */
  secret: string
  planId: string | null
  planKey: string | null
  createdBy: string | null
  createdAt: string
  updatedAt: string
}

/** One member at one meeting: `_id` `${meetingId}_${memberId}` so a repeat or a race yields one record. */
export interface AttendanceDoc {
  _id: string
  meetingId: string
  branchId: string
  memberId: string
  memberName: string
  kind: MeetingKind
  date: string
  at: string
  via: 'scan' | 'remote' | 'recorder'
  markedBy: string | null
  markedByName: string | null
}

/** A leave request, `${meetingId}_${memberId}`. */
export interface MeetingLeaveDoc {
  _id: string
  meetingId: string
  branchId: string
  memberId: string
  memberName: string
  groupId: string | null
  meetingTopic: string
  meetingKind: MeetingKind
  meetingStartsAt: string
  reason: string
  status: 'pending' | 'approved' | 'declined'
  requestedAt: string
  decidedAt: string | null
  decidedBy: string | null
  decidedByName: string | null
  note: string
}

/** A correction to a locked record: an audited entry, never an edit of the minutes. */
export interface MeetingCorrectionDoc {
  _id: string
  meetingId: string
  branchId: string
  at: string
  by: string | null
  byName: string
  field: MeetingCorrectionEntry['field']
  text: string
  reason: string
}

/** The year's plan, `${branchId}_${year}`. */
export interface MeetingPlanDoc {
  _id: string
  branchId: string
  year: number
  status: 'draft' | 'published'
  items: { key: string; kind: MeetingKind; date: string; time: string; groupId: string | null; topic: string; bySecretary: boolean; meetingId: string | null }[]
  createdAt: string
  updatedAt: string
  publishedAt: string | null
  publishedBy: string | null
}
