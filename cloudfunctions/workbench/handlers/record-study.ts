/** workbench.recordStudy — record 学时 of one course for several members; one record per member, date and course, so a repeat is one. */
import { AppError } from '@shared/contract/errors'
import type { workbench } from '@shared/contract/workbench'
import { beijingDate, formatDateCN } from '@shared/rules/time'
import type { StudyDoc } from '../documents'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { stableId } from '../../_kit/ids'
import { isDuplicate } from '../../_kit/store'
import { studyView } from '../views'

export const recordStudy: Handler<typeof workbench.actions.recordStudy, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
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
  },
}
