/**
 * Recording one member present at a meeting — shared by sign-in and recorder marks. The attendance `_id`
 * is `${meetingId}_${memberId}`, so concurrent or repeated attempts make one record; the `attendance.present`
 * event (for 积分) is emitted right after, idempotently, and the member is added to the meeting's
 * `presentIds` with `addToSet` (idempotent too), so a retry after a crash completes what was missing.
 */
import type { Attendance } from '@shared/contract/meetings'
import type { AttendanceDoc, MeetingDoc, MeetingRosterEntry } from '../documents'
import { emitEvent } from '../../_kit/events'
import { isDuplicate, type Store } from '../../_kit/store'

export const attendanceId = (meetingId: string, memberId: string): string => `${meetingId}_${memberId}`

export const attendanceView = (a: AttendanceDoc, repeat: boolean): Attendance => ({
  id: a._id,
  meetingId: a.meetingId,
  memberId: a.memberId,
  memberName: a.memberName,
  at: a.at,
  via: a.via,
  markedByName: a.markedByName,
  repeat,
})

export interface AttendInput {
  meeting: MeetingDoc
  member: { id: string; name: string }
  via: AttendanceDoc['via']
  markedBy: { id: string | null; name: string } | null
  /** Add to the roster (a branch-wide meeting's late joiner). */
  joinRoster: MeetingRosterEntry | null
  now: Date
}

/** Creates the record (or finds the existing one), then the event and the meeting's present list together. */
export const attend = async (store: Store, a: AttendInput): Promise<{ doc: AttendanceDoc; repeat: boolean }> => {
  const { meeting: m, now } = a
  const id = attendanceId(m._id, a.member.id)
  const doc: AttendanceDoc = {
    _id: id,
    meetingId: m._id,
    branchId: m.branchId,
    memberId: a.member.id,
    memberName: a.member.name,
    kind: m.kind,
    date: m.date,
    at: now.toISOString(),
    via: a.via,
    markedBy: a.markedBy?.id ?? null,
    markedByName: a.markedBy?.name ?? null,
  }
  let stored = doc
  let repeat = false
  try {
    await store.add('attendance', doc)
  } catch (e) {
    if (!isDuplicate(e)) throw e
    repeat = true
    stored = (await store.get('attendance', id)) ?? doc
  }
  const patch: Record<string, unknown> = { presentIds: store.cmd.addToSet(a.member.id) }
  if (a.joinRoster && !repeat) {
    patch.rosterIds = store.cmd.addToSet(a.member.id)
    patch.roster = store.cmd.push([a.joinRoster])
  }
  // Both idempotent and independent: sent together, so a sign-in waits for one round trip, not two.
  await Promise.all([
    emitEvent(
      store,
      {
        type: 'attendance.present',
        sourceId: id,
        branchId: m.branchId,
        memberId: a.member.id,
        occurredAt: stored.at,
        data: { meetingId: m._id, kind: m.kind, via: stored.via },
      },
      now,
    ),
    store.update('meetings', m._id, patch),
  ])
  return { doc: stored, repeat }
}
