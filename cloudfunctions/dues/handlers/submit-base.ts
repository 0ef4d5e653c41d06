/**
 * dues.submitBase — a member submits their own category and base; the 党费管理员 sees it on the 核定 screen
 * and confirms it by saving (which clears the submission). The amount shown is computed, not trusted.
 */
import type { dues } from '@shared/contract/dues'
import { AppError } from '@shared/contract/errors'
import { DUES_CATEGORY_LABELS } from '@shared/rules/dues/categories'
import { formatYuan } from '@shared/rules/money'
import type { Handler } from '../../_kit/create-main'
import { checkEntry } from '../bases'
import { duesBandOf } from '@shared/rules/dues/ledger'
import { branchDues, emptyAccount, memberDuesFor, type MemberDuesLoad } from '../model'

export const submitBase: Handler<typeof dues.actions.submitBase, MemberDuesLoad> = {
  target: ({ memberId }, ctx) => memberDuesFor(ctx, memberId, false),
  run: async (input, ctx, { member, branch }) => {
    const bd = branchDues(branch, ctx.now)
    const record = checkEntry({ memberId: member._id, category: input.category, baseFen: input.baseFen, farmerFen: input.farmerFen }, bd.currentMonth, bd)
    if (typeof record === 'string') throw new AppError('INVALID_INPUT', record)
    const nowIso = ctx.now.toISOString()
    const proposal = { category: record.category, baseFen: record.baseFen, farmerFen: record.farmerFen, note: input.note?.trim() || null, at: nowIso }
    await ctx.store.transaction(async (tx) => {
      const acc = await tx.get('dues_accounts', member._id)
      if (acc) await tx.update('dues_accounts', member._id, { proposal, updatedAt: nowIso })
      else await tx.create('dues_accounts', member._id, { ...emptyAccount(member._id, member.branchId, nowIso), proposal })
    })
    await ctx.audit({
      branchId: member.branchId,
      action: 'dues.submitBase',
      targetId: member._id,
      summary: `${member.name}提交党费基数（${DUES_CATEGORY_LABELS[record.category]}，每月${formatYuan(record.monthlyFen)}），待党费管理员确认`,
    })
    return { memberId: member._id, monthlyFen: record.monthlyFen, band: duesBandOf(record) }
  },
}
