/**
 * org.createMember — add a member. The id is derived from branch + name + 入党日期, so a double tap or a
 * retried request creates one record, and the second answers CONFLICT.
 */
import { AppError } from '@shared/contract/errors'
import type { org } from '@shared/contract/org'
import type { MemberDoc } from '../documents'
import { loadBranch } from '../public/branches'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { stableId } from '../../_kit/ids'
import { isDuplicate } from '../../_kit/store'
import { memberDetail } from '../views'
import { checkMemberFields } from './member-rules'

export const createMember: Handler<typeof org.actions.createMember, string> = {
  target: branchTarget,
  run: async ({ fields }, ctx, branchId) => {
    const branch = await loadBranch(ctx.store, branchId)
    const at = ctx.now.toISOString()
    const doc: MemberDoc = {
      _id: stableId('m', branchId, fields.name, fields.joinedAt),
      branchId,
      name: fields.name,
      gender: fields.gender,
      phone: fields.phone ?? null,
      joinedAt: fields.joinedAt,
      formalAt: fields.formalAt ?? null,
      status: fields.status,
      groupId: fields.groupId ?? null,
      duesCategory: fields.duesCategory ?? null,
      flags: fields.flags ?? { elderly: false, mobile: false },
      roles: [],
      openid: null,
      boundAt: null,
      active: true,
      createdAt: at,
      updatedAt: at,
    }
    checkMemberFields(branch, doc)
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
