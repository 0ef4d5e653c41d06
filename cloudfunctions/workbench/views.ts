/** Mapping stored 谈心谈话 and 学时 records to the contract's views (the talk notes only for the branch's 书记). */
import type { StudyRecord, Talk } from '@shared/contract/workbench'
import type { StudyDoc, TalkDoc } from './documents'
import type { Caller } from '../_kit/caller'

const isSecretary = (caller: Caller) => caller.branchRoles.includes('secretary')

export const talkView = (t: TalkDoc, caller: Caller): Talk => ({
  id: t._id,
  date: t.date,
  byId: t.byId,
  byName: t.byName,
  withId: t.withId,
  withName: t.withName,
  topic: t.topic,
  notes: isSecretary(caller) && caller.branchId === t.branchId ? t.notes : null,
  recordedAt: t.createdAt,
  canRemove: caller.branchId === t.branchId && (isSecretary(caller) || caller.memberId === t.recordedBy),
})

export const studyView = (r: StudyDoc): StudyRecord => ({
  id: r._id,
  memberId: r.memberId,
  memberName: r.memberName,
  date: r.date,
  course: r.course,
  hours: r.hours,
  evidence: r.evidence,
  recordedByName: r.recordedByName,
  recordedAt: r.createdAt,
})
