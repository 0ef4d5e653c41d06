/**
 * 谈心谈话 records [HN]: the year's talks with the coverage the profile asks for, recording a talk the
 * caller held (one per pair and day: a double submit is one record) and removing one entered by mistake
 * (a mark, audited). The notes are read by the 书记 only.
 */
import { AppError } from '@shared/contract/errors'
import { COMMITTEE_ROLES } from '@shared/contract/roles'
import type { Talk, workbench } from '@shared/contract/workbench'
import { beijingDate, formatDateCN } from '@shared/rules/time'
import { talkCoverage } from '@shared/rules/workbench-extra'
import type { TalkDoc } from '../../_kit/collections-workbench'
import type { Caller } from '../../_kit/caller'
import type { Handler } from '../../_kit/create-main'
import { stableId } from '../../_kit/ids'
import { isDuplicate } from '../../_kit/store'
import { loadRecords } from '../../_kit/workbench-data'
import { profileOfBranch } from '../board'
import { branchOf, yearOf } from './common'

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

export const listTalks: Handler<typeof workbench.actions.listTalks> = async (input, ctx) => {
  const branchId = branchOf(input, ctx)
  ctx.authorize({ branchId })
  const year = yearOf(input, ctx.now)
  const data = await loadRecords(ctx.store, 'talks', branchId, year)
  if (!data) throw new AppError('NOT_FOUND', '没有找到该支部')
  const { members, records } = data
  const coverage = talkCoverage({
    talks: records,
    frequencies: profileOfBranch(data.branch).talks,
    secretaryId: members.find((m) => m.roles.includes('secretary'))?._id ?? null,
    committeeIds: members.filter((m) => m.roles.some((r) => COMMITTEE_ROLES.includes(r))).map((m) => m._id),
    members: members.map((m) => ({ id: m._id, name: m.name })),
    year,
    today: beijingDate(ctx.now),
  })
  return { year, talks: records.map((t) => talkView(t, ctx.caller)), coverage }
}

export const recordTalk: Handler<typeof workbench.actions.recordTalk> = async (input, ctx) => {
  const branchId = branchOf(input, ctx)
  ctx.authorize({ branchId })
  const { caller, store, now } = ctx
  const byId = caller.memberId as string
  const today = beijingDate(now)
  if (input.date > today) throw new AppError('INVALID_INPUT', '谈话日期不能晚于今天')
  if (input.date < `${Number(today.slice(0, 4)) - 1}-01-01`) throw new AppError('INVALID_INPUT', '只能补记今年和去年的谈话')
  if (input.withId === byId) throw new AppError('INVALID_INPUT', '请选择谈话对象（不能是自己）')
  const other = await store.get('members', input.withId)
  if (!other || !other.active || other.branchId !== branchId) throw new AppError('INVALID_INPUT', '谈话对象不是本支部党员')
  const id = stableId('tk', branchId, byId, input.withId, input.date)
  const doc: TalkDoc = {
    _id: id,
    branchId,
    year: Number(input.date.slice(0, 4)),
    date: input.date,
    byId,
    byName: caller.name,
    withId: other._id,
    withName: other.name,
    topic: input.topic,
    notes: input.notes ?? '',
    recordedBy: byId,
    createdAt: now.toISOString(),
    removedAt: null,
  }
  try {
    await store.add('talks', doc)
  } catch (e) {
    if (!isDuplicate(e)) throw e
    const existing = await store.get('talks', id)
    if (!existing) throw e
    if (existing.removedAt === null) return { talk: talkView(existing, caller), repeat: true }
    // Recorded again after a removal: it counts again, with what was entered now.
    await store.set('talks', id, { ...doc, createdAt: existing.createdAt })
  }
  await ctx.audit({ branchId, action: 'workbench.recordTalk', targetId: id, summary: `记录与${other.name}的谈心谈话（${formatDateCN(input.date)}）` })
  return { talk: talkView(doc, caller), repeat: false }
}

export const removeTalk: Handler<typeof workbench.actions.removeTalk> = async ({ talkId }, ctx) => {
  const talk = await ctx.store.get('talks', talkId)
  if (!talk) throw new AppError('NOT_FOUND', '没有找到该谈话记录')
  ctx.authorize({ branchId: talk.branchId, memberId: talk.recordedBy })
  if (talk.removedAt !== null) return { id: talkId, removed: false }
  const n = await ctx.store.updateWhere('talks', { _id: talkId, removedAt: null }, { removedAt: ctx.now.toISOString() })
  if (n > 0) {
    await ctx.audit({ branchId: talk.branchId, action: 'workbench.removeTalk', targetId: talkId, summary: `删除与${talk.withName}的谈心谈话记录（${formatDateCN(talk.date)}）`, before: { topic: talk.topic } })
  }
  return { id: talkId, removed: n > 0 }
}
