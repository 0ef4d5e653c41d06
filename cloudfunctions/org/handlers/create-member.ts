/**
 * org.createMember — add a member. The id is derived from branch + name + 入党日期, so a double tap or a
 * retried request creates one record, and the second answers CONFLICT.
 */
import { AppError } from '@shared/contract/errors'
import type { org } from '@shared/contract/org'
import { loadBranch } from '../public/branches'
import { newMemberDoc } from '../public/members'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { stableId } from '../../_kit/ids'
import { isDuplicate } from '../../_kit/store'
import { memberDetail } from '../views'

export const createMember: Handler<typeof org.actions.createMember, string> = {
  target: branchTarget,
  run: async ({ fields }, ctx, branchId) => {
    const branch = await loadBranch(ctx.store, branchId)
    const doc = newMemberDoc(branch, stableId('m', branchId, fields.name, fields.joinedAt), { ...fields, groupId: fields.groupId ?? null }, ctx.now)
    try {
      await ctx.store.add('members', doc)
    } catch (e) {
      if (isDuplicate(e)) throw new AppError('CONFLICT', '该党员已在名册中（姓名与入党日期相同）')
      throw e
    }
    await ctx.audit({ branchId, action: 'org.createMember', targetId: doc._id, summary: `添加党员 ${doc.name}`, after: doc })
    return memberDetail(doc, true)
  },
}
