/** workbench.removeStudy — remove a 学时 record entered by mistake (a mark, audited). */
import { AppError } from '@shared/contract/errors'
import type { workbench } from '@shared/contract/workbench'
import type { StudyDoc } from '../documents'
import type { Handler } from '../../_kit/create-main'

export const removeStudy: Handler<typeof workbench.actions.removeStudy, StudyDoc> = {
  target: async ({ recordId }, ctx) => {
    const rec = await ctx.store.get('study_records', recordId)
    if (!rec) throw new AppError('NOT_FOUND', '没有找到该学时记录')
    return { target: { branchId: rec.branchId }, loaded: rec }
  },
  run: async ({ recordId }, ctx, rec) => {
    if (rec.removedAt !== null) return { id: recordId, removed: false }
    const n = await ctx.store.updateWhere('study_records', { _id: recordId, removedAt: null }, { removedAt: ctx.now.toISOString() })
    if (n > 0) {
      await ctx.audit({ branchId: rec.branchId, action: 'workbench.removeStudy', targetId: recordId, summary: `删除${rec.memberName}的学时记录：${rec.course}（${rec.hours}学时）` })
    }
    return { id: recordId, removed: n > 0 }
  },
}
