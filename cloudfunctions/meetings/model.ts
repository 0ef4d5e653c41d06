/**
 * What the meetings handlers share: loading a meeting (and the target steps naming whose it is), who may
 * see or keep it, building its roster from the membership, setting one up from fields, and mapping the
 * stored document to the contract's views (the per-meeting secret never leaves this function).
 */
import { AppError } from '@shared/contract/errors'
import type { MeetingDetail, MeetingFields, MeetingSummary, MyMeetingStatus } from '@shared/contract/meetings'
import { COMMITTEE_ROLES } from '@shared/contract/roles'
import { meetingRoster } from '@shared/rules/meetings/attendance'
import { SIGN_IN_DISTANCE_RULE, signInState, signInWindow } from '@shared/rules/meetings/sign-in'
import type { GridMeeting } from '@shared/rules/meetings/absence'
import { beijingDateTime } from '@shared/rules/time'
import { resolveProfile, type Profile } from '@shared/profiles'
import type { Caller } from '../_kit/caller'
import type { MeetingDoc, MeetingRosterEntry } from './documents'
import type { MemberDoc, OrgDoc } from '../org/public/branches'
import type { TargetContext, Targeted } from '../_kit/create-main'
import { files, PICTURE_LINK_SECONDS } from '../_kit/files'
import type { Target } from '../_kit/policy'
import type { Store } from '../_kit/store'
import { newMeetingSecret } from './code'

export const loadMeeting = async (store: Store, meetingId: string): Promise<MeetingDoc> => {
  const m = await store.get('meetings', meetingId)
  if (!m) throw new AppError('NOT_FOUND', '没有找到该会议')
  return m
}

/**
 * The meeting without its long parts (roster, minutes, corrections, texts): what sign-in and the host
 * screen need. Still one request; it keeps a 300-member burst from moving the whole roster 300 times.
 */
export const loadMeetingLean = async (store: Store, meetingId: string): Promise<MeetingDoc> => {
  const [m] = await store.find('meetings', { _id: meetingId }, { limit: 1, fields: LEAN_FIELDS })
  if (!m) throw new AppError('NOT_FOUND', '没有找到该会议')
  return { ...m, roster: [], minutes: null, corrections: [], leaveNotes: {}, materials: '', agenda: [], invitees: [] } as MeetingDoc
}

const LEAN_FIELDS = { roster: false, minutes: false, corrections: false, leaveNotes: false, materials: false, agenda: false, invitees: false } as const

export const profileOf = (branch: OrgDoc): Profile => resolveProfile(branch.profileId, branch.profileOverrides ?? {})

export const isCommitteeCaller = (caller: Caller): boolean => caller.branchRoles.some((r) => COMMITTEE_ROLES.includes(r))

/** The meeting's host or recorder. */
export const isKeeper = (caller: Caller, m: Pick<MeetingDoc, 'hostId' | 'recorderId'>): boolean =>
  !!caller.memberId && (caller.memberId === m.hostId || caller.memberId === m.recorderId)

/**
 * The target of an action of those who keep a meeting (policy `{ committee: 'branch', member: 'self', … }`):
 * the host and recorder pass as `self`, 支委 by branch, 党小组长 by the meeting's group where the policy allows.
 */
export const keeperTarget = (caller: Caller, m: MeetingDoc): Target => ({
  branchId: m.branchId,
  groupId: m.groupId,
  memberId: isKeeper(caller, m) ? caller.memberId : m.hostId,
})

/**
 * The target step of a keepers' action: the meeting named (read whole, or lean with `loadMeetingLean`),
 * authorized as `keeperTarget`; `run` gets the meeting.
 */
export const keptMeeting =
  (load: (store: Store, meetingId: string) => Promise<MeetingDoc> = loadMeeting) =>
  async ({ meetingId }: { meetingId: string }, ctx: TargetContext): Promise<Targeted<MeetingDoc>> => {
    const m = await load(ctx.store, meetingId)
    return { target: keeperTarget(ctx.caller, m), loaded: m }
  }

/** The target step of an action on the meeting named, authorized by its branch and 党小组; `run` gets the meeting. */
export const scopedMeeting = async ({ meetingId }: { meetingId: string }, ctx: TargetContext): Promise<Targeted<MeetingDoc>> => {
  const m = await loadMeeting(ctx.store, meetingId)
  return { target: { branchId: m.branchId, groupId: m.groupId }, loaded: m }
}

/** Where a meeting's 纪实 photos are kept: one folder per meeting, so a record names only its own. */
export const photoFolder = (m: MeetingDoc): string => `meetings/${m.branchId}/${m._id}/`

/**
 * Whether a member of the branch sees this meeting: branch-wide ones, their own group's, 支委会 only the 支委.
 * The one rule for who may attend it too (`signIn`), so a forwarded code opens nothing this would not show.
 */
export const visibleTo = (caller: Caller, m: Pick<MeetingDoc, 'kind' | 'groupId' | 'rosterIds' | 'presentIds' | 'hostId' | 'recorderId' | 'branchId'>): boolean => {
  if (caller.adminBranchIds.includes(m.branchId) && caller.branchId !== m.branchId) return true
  if (caller.branchId !== m.branchId) return false
  if (isCommitteeCaller(caller) || isKeeper(caller, m)) return true
  if (caller.memberId && (m.rosterIds.includes(caller.memberId) || m.presentIds.includes(caller.memberId))) return true
  if (m.kind === 'committee') return false
  return m.groupId === null || m.groupId === caller.groupId
}

export const assertVisible = (caller: Caller, m: MeetingDoc): void => {
  if (!visibleTo(caller, m)) throw new AppError('FORBIDDEN', '您不在这次会议的参会范围内')
}

export const rosterEntry = (m: MemberDoc): MeetingRosterEntry => ({
  id: m._id,
  name: m.name,
  groupId: m.groupId,
  status: m.status,
  roles: m.roles,
  exempt: m.flags.elderly,
  mobile: m.flags.mobile,
})

/** The roster of a meeting from the branch's active members who had joined by the meeting's date. */
export const buildRoster = (members: readonly MemberDoc[], scope: { kind: MeetingDoc['kind']; groupId: string | null; date: string }): MeetingRosterEntry[] =>
  meetingRoster(
    members.filter((m) => m.active && m.joinedAt <= scope.date).map(rosterEntry),
    scope,
  )

export const rosterFields = (roster: MeetingRosterEntry[]): Pick<MeetingDoc, 'roster' | 'rosterIds' | 'exemptIds' | 'mobileIds'> => ({
  roster,
  rosterIds: roster.map((r) => r.id),
  exemptIds: roster.filter((r) => r.exempt).map((r) => r.id),
  mobileIds: roster.filter((r) => r.mobile).map((r) => r.id),
})

/** The bookkeeping a meeting document gets when created (`newMeetingState`), never from the form. */
type MeetingStateKey =
  | 'presentIds'
  | 'leaveIds'
  | 'leavePendingIds'
  | 'leaveDeclinedIds'
  | 'leaveNotes'
  | 'makeupIds'
  | 'makeupDoneIds'
  | 'minutes'
  | 'corrections'
  | 'final'
  | 'lockedAt'
  | 'lockedBy'
  | 'secret'
  | 'createdBy'
  | 'createdAt'
  | 'updatedAt'
  | 'status'
  | 'cancelReason'

/** Validates fields against the branch (党小组, host and recorder are members) and derives the stored parts. */
export const meetingFromFields = (
  fields: MeetingFields,
  branch: OrgDoc,
  members: readonly MemberDoc[],
): Omit<MeetingDoc, '_id' | 'planId' | 'planKey' | MeetingStateKey> => {
  const groupId = fields.groupId ?? null
  if (groupId !== null && !branch.groups.some((g) => g.id === groupId)) throw new AppError('INVALID_INPUT', '没有这个党小组')
  if (fields.kind === 'group' && groupId === null) throw new AppError('INVALID_INPUT', '党小组会请选择党小组')
  if ((fields.invitees ?? []).length > 0 && fields.kind !== 'theme-day' && fields.kind !== 'other') {
    throw new AppError('INVALID_INPUT', '只有主题党日等活动可以邀请非党员参加')
  }
  const byId = new Map(members.filter((m) => m.active).map((m) => [m._id, m]))
  const host = byId.get(fields.hostId)
  const recorder = byId.get(fields.recorderId)
  if (!host) throw new AppError('INVALID_INPUT', '主持人应为本支部党员')
  if (!recorder) throw new AppError('INVALID_INPUT', '记录人应为本支部党员')
  const profile = profileOf(branch)
  const startsAt = beijingDateTime(fields.date, fields.time)
  const window = signInWindow(startsAt, profile.signIn)
  const roster = buildRoster(members, { kind: fields.kind, groupId, date: fields.date })
  return {
    branchId: branch._id,
    kind: fields.kind,
    topic: fields.topic,
    date: fields.date,
    time: fields.time,
    startsAt,
    signInOpensAt: window.opensAt,
    signInClosesAt: window.closesAt,
    durationMinutes: fields.durationMinutes ?? 90,
    year: Number(fields.date.slice(0, 4)),
    place: fields.place,
    location: fields.location ? { lat: fields.location.lat, lng: fields.location.lng, radiusM: fields.location.radiusM ?? SIGN_IN_DISTANCE_RULE.defaultRadiusMeters } : null,
    groupId,
    hostId: host._id,
    hostName: host.name,
    recorderId: recorder._id,
    recorderName: recorder.name,
    agenda: fields.agenda ?? [],
    invitees: fields.invitees ?? [],
    materials: fields.materials ?? '',
    ...rosterFields(roster),
  }
}

/** A fresh meeting document's bookkeeping fields. */
export const newMeetingState = (by: string | null, nowIso: string): Pick<MeetingDoc, MeetingStateKey> => ({
  presentIds: [],
  leaveIds: [],
  leavePendingIds: [],
  leaveDeclinedIds: [],
  leaveNotes: {},
  makeupIds: [],
  makeupDoneIds: [],
  minutes: null,
  corrections: [],
  final: null,
  lockedAt: null,
  lockedBy: null,
  secret: newMeetingSecret(),
  createdBy: by,
  createdAt: nowIso,
  updatedAt: nowIso,
  status: 'planned',
  cancelReason: null,
})

/** Over: locked, cancelled, or its sign-in window has closed. */
export const isFinal = (m: Pick<MeetingDoc, 'lockedAt' | 'signInClosesAt' | 'status'>, now: Date): boolean =>
  m.lockedAt !== null || m.status === 'cancelled' || Date.parse(m.signInClosesAt) < now.getTime()

export const signInStateOf = (m: Pick<MeetingDoc, 'signInOpensAt' | 'signInClosesAt' | 'lockedAt' | 'status'>, now: Date): 'not-yet' | 'open' | 'closed' => {
  if (m.lockedAt !== null || m.status === 'cancelled') return 'closed'
  return signInState(m, now)
}

/** The caller's own standing at a meeting. */
export const myStatus = (m: MeetingDoc, memberId: string | null, now: Date): MyMeetingStatus => {
  if (!memberId) return 'not-invited'
  if (m.presentIds.includes(memberId)) return 'present'
  if (!m.rosterIds.includes(memberId)) return 'not-invited'
  if (m.exemptIds.includes(memberId)) return 'exempt'
  if (m.leaveIds.includes(memberId)) return 'leave'
  const final = isFinal(m, now)
  if (m.leavePendingIds.includes(memberId)) return final ? 'absent' : 'leave-pending'
  if (m.leaveDeclinedIds.includes(memberId)) return final ? 'absent' : 'leave-declined'
  return final ? 'absent' : 'pending'
}

/** Live counts: 应到 (roster less exempt members who did not come), present and approved leave among them. */
export const liveCounts = (m: Pick<MeetingDoc, 'rosterIds' | 'exemptIds' | 'presentIds' | 'leaveIds'>): { due: number; present: number; leave: number } => {
  const present = new Set(m.presentIds)
  let due = 0
  let here = 0
  let leave = 0
  const exempt = new Set(m.exemptIds)
  for (const id of m.rosterIds) {
    if (exempt.has(id) && !present.has(id)) continue
    due += 1
    if (present.has(id)) here += 1
    else if (m.leaveIds.includes(id)) leave += 1
  }
  return { due, present: here, leave }
}

export const summaryView = (m: MeetingDoc, caller: Caller, now: Date): MeetingSummary => ({
  id: m._id,
  kind: m.kind,
  topic: m.topic,
  date: m.date,
  time: m.time,
  startsAt: m.startsAt,
  place: m.place,
  groupId: m.groupId,
  status: m.status,
  locked: m.lockedAt !== null,
  hostName: m.hostName,
  counts: m.final ? { due: m.final.due, present: m.final.present, leave: m.final.leave } : liveCounts(m),
  my: myStatus(m, caller.memberId, now),
  signIn: signInStateOf(m, now),
})

/** The meeting as its page shows it; 纪实 photos, when shown, come with temporary links. */
export const detailView = async (m: MeetingDoc, caller: Caller, now: Date): Promise<MeetingDetail> => {
  const keeper = isKeeper(caller, m) || (caller.branchId === m.branchId && isCommitteeCaller(caller))
  const canManage =
    caller.branchId === m.branchId &&
    (isCommitteeCaller(caller) || (m.groupId !== null && caller.branchRoles.includes('group-leader') && caller.groupId === m.groupId))
  const me = caller.memberId
  const leaveStatus = me
    ? m.leaveIds.includes(me)
      ? 'approved'
      : m.leavePendingIds.includes(me)
        ? 'pending'
        : m.leaveDeclinedIds.includes(me)
          ? 'declined'
          : null
    : null
  const notes = me ? m.leaveNotes[me] : undefined
  const showMinutes = m.minutes !== null && (m.lockedAt !== null || keeper)
  const photos = showMinutes && m.minutes ? m.minutes.photos : []
  const links = photos.length > 0 ? await files().tempUrls(photos.map((p) => p.fileId), PICTURE_LINK_SECONDS) : new Map<string, string>()
  return {
    ...summaryView(m, caller, now),
    durationMinutes: m.durationMinutes,
    location: m.location,
    hostId: m.hostId,
    recorderId: m.recorderId,
    recorderName: m.recorderName,
    agenda: m.agenda,
    invitees: m.invitees,
    materials: m.materials,
    cancelReason: m.cancelReason,
    signInOpensAt: m.signInOpensAt,
    signInClosesAt: m.signInClosesAt,
    canHost: keeper && m.branchId === caller.branchId,
    canManage,
    remoteAllowed: !!me && m.mobileIds.includes(me),
    minutes:
      showMinutes && m.minutes
        ? {
            content: m.minutes.content,
            resolutions: m.minutes.resolutions,
            photos: photos.map((p) => ({ fileId: p.fileId, name: p.name, url: links.get(p.fileId) ?? null })),
            inviteesPresent: m.minutes.inviteesPresent,
            savedAt: m.minutes.savedAt,
            savedByName: m.minutes.savedByName,
          }
        : null,
    corrections: m.lockedAt ? m.corrections.map((c) => ({ id: c.id, at: c.at, byName: c.byName, field: c.field, text: c.text, reason: c.reason })) : [],
    final: m.final,
    lockedAt: m.lockedAt,
    myLeave: leaveStatus ? { status: leaveStatus, reason: notes?.reason ?? '', note: notes?.note ?? '' } : null,
    makeup: me && m.makeupIds.includes(me) ? { done: m.makeupDoneIds.includes(me) } : null,
  }
}

/** Fields left out of list reads: the roster, the secret and the long texts. */
export const LIST_FIELDS = {
  roster: false,
  secret: false,
  minutes: false,
  corrections: false,
  materials: false,
  agenda: false,
  invitees: false,
  leaveNotes: false,
} as const


/** Only the lists the attendance views need (no roster texts, no secret). */
export const ATTENDANCE_FIELDS = {
  _id: true,
  kind: true,
  topic: true,
  date: true,
  status: true,
  lockedAt: true,
  signInClosesAt: true,
  rosterIds: true,
  exemptIds: true,
  presentIds: true,
  leaveIds: true,
  makeupIds: true,
  makeupDoneIds: true,
} as const

/** A meeting as the attendance grid counts it. */
export const gridMeeting = (m: MeetingDoc, now: Date): GridMeeting => ({
  date: m.date,
  final: m.lockedAt !== null || (m.status !== 'cancelled' && isFinal(m, now)),
  cancelled: m.status === 'cancelled',
  rosterIds: m.rosterIds,
  exemptIds: m.exemptIds,
  presentIds: m.presentIds,
  leaveIds: m.leaveIds,
})
