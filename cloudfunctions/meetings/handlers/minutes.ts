/**
 * 纪实: the draft minutes (内容, 决议, 照片) are saved by the host, recorder or a 支委 until submitted;
 * submitting locks the record — 应到 / 实到 / 请假 / 缺席 and the quorum are fixed from the current
 * membership, absentees owe 补学 and get an `attendance.absent` event — and afterwards only corrections
 * (new audited entries, never edits) are possible. 补学 is confirmed by the member.
 */
import { AppError } from '@shared/contract/errors'
import { CORRECTION_FIELD_LABELS, MAX_MINUTES_PHOTO_BYTES, type meetings } from '@shared/contract/meetings'
import { attendanceSummary, meetingQuorum } from '@shared/rules/meetings-extra'
import type { Handler } from '../../_kit/create-main'
import type { MeetingCorrectionEntry, MeetingDoc, MeetingMinutesDoc } from '../../_kit/collections'
import { emitEvent } from '../../_kit/events'
import { inFolder, storeImage } from '../../_kit/files'
import { newId } from '../../_kit/ids'
import { branchMembers } from '../../_kit/org-data'
import { authorizeKeeper, buildRoster, detailView, loadMeeting, rosterFields } from '../model'

const emptyMinutes = (): MeetingMinutesDoc => ({
  content: '',
  resolutions: [],
  photos: [],
  inviteesPresent: 0,
  savedAt: null,
  savedBy: null,
  savedByName: null,
})

/** Where a meeting's 纪实 photos are kept: one folder per meeting, so a record names only its own. */
const photoFolder = (m: MeetingDoc): string => `meetings/${m.branchId}/${m._id}/`

/** While the record is open, so a photo cannot be added to a locked 纪实 behind the recorder's back. */
const assertOpen = (m: MeetingDoc): void => {
  if (m.status === 'cancelled') throw new AppError('RULE_VIOLATED', '会议已取消')
  if (m.lockedAt) throw new AppError('RULE_VIOLATED', '会议记录已提交锁定，不能再修改；如需更正请添加更正记录')
}

export const uploadPhoto: Handler<typeof meetings.actions.uploadPhoto> = async (input, ctx) => {
  const m = await loadMeeting(ctx.store, input.meetingId)
  authorizeKeeper(ctx, m)
  assertOpen(m)
  return storeImage(photoFolder(m), input, MAX_MINUTES_PHOTO_BYTES, ctx.now)
}

export const saveMinutes: Handler<typeof meetings.actions.saveMinutes> = async ({ meetingId, minutes }, ctx) => {
  const { caller, store, now } = ctx
  const m = await loadMeeting(store, meetingId)
  authorizeKeeper(ctx, m)
  if (m.status === 'cancelled') throw new AppError('RULE_VIOLATED', '会议已取消')
  if (minutes.photos?.some((p) => !inFolder(p.fileId, photoFolder(m)))) throw new AppError('INVALID_INPUT', '照片不属于本次会议，请重新上传')
  const base = m.minutes ?? emptyMinutes()
  const next: MeetingMinutesDoc = {
    content: minutes.content ?? base.content,
    resolutions: minutes.resolutions ?? base.resolutions,
    photos: minutes.photos ? minutes.photos.map((p) => ({ fileId: p.fileId, name: p.name ?? '' })) : base.photos,
    inviteesPresent: minutes.inviteesPresent ?? base.inviteesPresent,
    savedAt: now.toISOString(),
    savedBy: caller.memberId,
    savedByName: caller.name,
  }
  // Conditional on "not locked": a save racing the submit cannot change a locked record.
  const n = await store.updateWhere('meetings', { _id: meetingId, lockedAt: null }, { minutes: next, updatedAt: next.savedAt })
  if (n === 0) throw new AppError('RULE_VIOLATED', '会议记录已提交锁定，不能再修改；如需更正请添加更正记录')
  return detailView({ ...m, minutes: next }, caller, now)
}

export const submitMinutes: Handler<typeof meetings.actions.submitMinutes> = async ({ meetingId }, ctx) => {
  const { caller, store, now } = ctx
  const m = await loadMeeting(store, meetingId)
  authorizeKeeper(ctx, m)
  if (m.status === 'cancelled') throw new AppError('RULE_VIOLATED', '会议已取消')
  if (m.lockedAt) throw new AppError('CONFLICT', '会议记录已提交')
  if (now.getTime() < Date.parse(m.startsAt)) throw new AppError('RULE_VIOLATED', '会议尚未开始，不能提交记录')
  if (!m.minutes || (m.minutes.content.trim() === '' && m.minutes.resolutions.length === 0)) {
    throw new AppError('RULE_VIOLATED', '请先填写会议内容再提交')
  }

  // The roster as of the meeting: today's active members who had joined by its date (leavers drop out,
  // late joiners are not counted absent); anyone signed in stays counted.
  const members = await branchMembers(store, m.branchId)
  const fresh = buildRoster(members, { kind: m.kind, groupId: m.groupId, date: m.date })
  const keep = m.roster.filter((r) => m.presentIds.includes(r.id) && !fresh.some((f) => f.id === r.id))
  const roster = [...fresh, ...keep]
  const summary = attendanceSummary({ roster, presentIds: m.presentIds, leaveIds: m.leaveIds })
  const q = meetingQuorum(m.kind, summary)
  const final: MeetingDoc['final'] = {
    due: summary.due,
    present: summary.present,
    leave: summary.leave,
    absent: summary.absent,
    observers: summary.observers,
    voting: summary.voting,
    quorum: q,
  }
  const nowIso = now.toISOString()
  const makeupIds = [...summary.absentIds, ...summary.leaveIds]
  const n = await store.updateWhere(
    'meetings',
    { _id: meetingId, lockedAt: null },
    { ...rosterFields(roster), final, makeupIds, status: 'held', lockedAt: nowIso, lockedBy: caller.memberId, updatedAt: nowIso },
  )
  if (n === 0) throw new AppError('CONFLICT', '会议记录已提交')

  // Unexcused absences, for 积分 (deterministic ids: a retry emits nothing twice).
  await Promise.all(
    summary.absentIds.map((memberId) =>
      emitEvent(
        store,
        { type: 'attendance.absent', sourceId: `${meetingId}_${memberId}`, branchId: m.branchId, memberId, occurredAt: m.startsAt, data: { meetingId, kind: m.kind } },
        now,
      ),
    ),
  )
  await ctx.audit({
    branchId: m.branchId,
    action: 'meetings.submitMinutes',
    targetId: meetingId,
    summary: `提交“${m.topic}”会议记录：应到${final.due}人，实到${final.present}人，请假${final.leave}人，缺席${final.absent}人${q ? `，${q.quorate ? '符合' : '不符合'}法定人数要求` : ''}`,
    after: final,
  })
  return detailView({ ...m, ...rosterFields(roster), final, makeupIds, status: 'held', lockedAt: nowIso, lockedBy: caller.memberId }, caller, now)
}

export const addCorrection: Handler<typeof meetings.actions.addCorrection> = async ({ meetingId, field, text, reason }, ctx) => {
  const { caller, store, now } = ctx
  const m = await loadMeeting(store, meetingId)
  authorizeKeeper(ctx, m)
  if (!m.lockedAt) throw new AppError('RULE_VIOLATED', '会议记录尚未提交，可以直接修改')
  const entry: MeetingCorrectionEntry = { id: newId('mc'), at: now.toISOString(), by: caller.memberId, byName: caller.name, field, text, reason }
  await store.add('meeting_corrections', { _id: entry.id, meetingId, branchId: m.branchId, at: entry.at, by: entry.by, byName: entry.byName, field, text, reason })
  await store.update('meetings', meetingId, { corrections: store.cmd.push([entry]) })
  await ctx.audit({
    branchId: m.branchId,
    action: 'meetings.addCorrection',
    targetId: meetingId,
    summary: `更正“${m.topic}”的${CORRECTION_FIELD_LABELS[field]}：${text}（原因：${reason}）`,
    after: entry,
  })
  return detailView({ ...m, corrections: [...m.corrections, entry] }, caller, now)
}

export const confirmMakeup: Handler<typeof meetings.actions.confirmMakeup> = async ({ meetingId }, ctx) => {
  const { caller, store } = ctx
  const memberId = caller.memberId as string
  const branchId = caller.branchId as string
  // One conditional update, limited to the caller's own branch and id: the meeting must owe them 补学.
  const n = await store.updateWhere('meetings', { _id: meetingId, branchId, makeupIds: memberId }, { makeupDoneIds: store.cmd.addToSet(memberId) })
  if (n > 0) {
    ctx.authorize({ branchId, memberId })
    return { meetingId, done: true }
  }
  const m = await loadMeeting(store, meetingId)
  ctx.authorize({ branchId: m.branchId, memberId })
  if (!m.makeupIds.includes(memberId)) throw new AppError('RULE_VIOLATED', '这次会议没有需要您补学的内容')
  return { meetingId, done: m.makeupDoneIds.includes(memberId) }
}
