/**
 * 学时 records [N][HN]: the year's records with each member's total against 32 (党员) / 56 (书记 and 支委)
 * hours, recording one course for several members (one record per member, date and course: a repeat is
 * one record), and removing one entered by mistake (a mark, audited). A member reads only their own.
 */
import { AppError } from '@shared/contract/errors'
import { COMMITTEE_ROLES } from '@shared/contract/roles'
import type { StudyRecord, workbench } from '@shared/contract/workbench'
import { beijingDate, formatDateCN } from '@shared/rules/time'
import { studyProgress } from '@shared/rules/workbench-extra'
import type { StudyDoc } from '../../_kit/collections-workbench'
import type { Handler } from '../../_kit/create-main'
import { stableId } from '../../_kit/ids'
import { isDuplicate } from '../../_kit/store'
import { loadRecords } from '../../_kit/workbench-data'
import { profileOfBranch } from '../board'
import { branchOf, yearOf } from './common'

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

export const listStudy: Handler<typeof workbench.actions.listStudy> = async (input, ctx) => {
  const branchId = branchOf(input, ctx)
  ctx.authorize({ branchId, memberId: input.memberId ?? null })
  const year = yearOf(input, ctx.now)
  const data = await loadRecords(ctx.store, 'study_records', branchId, year, input.memberId)
  if (!data) throw new AppError('NOT_FOUND', '没有找到该支部')
  const hours: Record<string, number> = {}
  for (const r of data.records) hours[r.memberId] = (hours[r.memberId] ?? 0) + r.hours
  const profile = profileOfBranch(data.branch)
  const progress = studyProgress({
    members: data.members.map((m) => ({ id: m._id, name: m.name, committee: m.roles.some((r) => COMMITTEE_ROLES.includes(r)) })),
    hoursByMember: hours,
    targets: profile.study,
  })
  return {
    year,
    records: data.records.map(studyView),
    progress: { memberTarget: profile.study.memberHours, committeeTarget: profile.study.committeeHours, ...progress },
  }
}

export const recordStudy: Handler<typeof workbench.actions.recordStudy> = async (input, ctx) => {
  const branchId = branchOf(input, ctx)
  ctx.authorize({ branchId })
  const { caller, store, now } = ctx
  const today = beijingDate(now)
  if (input.date > today) throw new AppError('INVALID_INPUT', '学习日期不能晚于今天')
  if (input.date < `${Number(today.slice(0, 4)) - 1}-01-01`) throw new AppError('INVALID_INPUT', '只能补记今年和去年的学时')
  const ids = [...new Set(input.memberIds)]
  const members = await store.find('members', { _id: store.cmd.in(ids), branchId, active: true }, { limit: 1000, fields: { name: true } })
  if (members.length !== ids.length) throw new AppError('INVALID_INPUT', '所选党员不在本支部')
  const at = now.toISOString()
  const docs: StudyDoc[] = members.map((m) => ({
    _id: stableId('st', m._id, input.date, input.course),
    branchId,
    year: Number(input.date.slice(0, 4)),
    memberId: m._id,
    memberName: m.name,
    date: input.date,
    course: input.course,
    hours: input.hours,
    evidence: input.evidence ?? '',
    recordedBy: caller.memberId as string,
    recordedByName: caller.name,
    createdAt: at,
    removedAt: null,
  }))
  // One deterministic record per member, date and course: a repeat or a race inserts each once.
  const results = await Promise.all(
    docs.map(async (doc) => {
      try {
        await store.add('study_records', doc)
        return { doc, created: true }
      } catch (e) {
        if (!isDuplicate(e)) throw e
        const existing = await store.get('study_records', doc._id)
        if (existing && existing.removedAt === null) return { doc: existing, created: false }
        await store.set('study_records', doc._id, { ...doc, createdAt: existing?.createdAt ?? at })
        return { doc, created: true }
      }
    }),
  )
  const created = results.filter((r) => r.created).length
  if (created > 0) {
    await ctx.audit({
      branchId,
      action: 'workbench.recordStudy',
      targetId: docs[0]?._id ?? '',
      summary: `记录学时：${input.course}（${formatDateCN(input.date)}，${input.hours}学时）${created}人`,
    })
  }
  return { records: results.map((r) => studyView(r.doc)), created }
}

export const removeStudy: Handler<typeof workbench.actions.removeStudy> = async ({ recordId }, ctx) => {
  const rec = await ctx.store.get('study_records', recordId)
  if (!rec) throw new AppError('NOT_FOUND', '没有找到该学时记录')
  ctx.authorize({ branchId: rec.branchId })
  if (rec.removedAt !== null) return { id: recordId, removed: false }
  const n = await ctx.store.updateWhere('study_records', { _id: recordId, removedAt: null }, { removedAt: ctx.now.toISOString() })
  if (n > 0) {
    await ctx.audit({ branchId: rec.branchId, action: 'workbench.removeStudy', targetId: recordId, summary: `删除${rec.memberName}的学时记录：${rec.course}（${rec.hours}学时）` })
  }
  return { id: recordId, removed: n > 0 }
}
