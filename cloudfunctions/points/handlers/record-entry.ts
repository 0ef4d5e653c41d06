/**
 * points.recordEntry — a 支委 records an entry for a member (受到表彰, 未完成任务, 处分 …), approved at once with
 * caps and audited. Items fed by attendance or dues records are automatic only; nobody records for themself.
 */
import { AppError } from '@shared/contract/errors'
import type { points } from '@shared/contract/points'
import { beijingDate, monthRange } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import { isDuplicate } from '../../_kit/store'
import { memberTarget, requireCurrent } from '../access'
import { approveTx, loadHead, schemeAt, scoringFor } from '../engine'
import { entryView, recordedEntry, recordedEntryId, type MemberRef } from '../model'
import { loadEntry } from './get-entry'

export const recordEntry: Handler<typeof points.actions.recordEntry, MemberRef> = {
  target: (input, ctx) => memberTarget(ctx, input.memberId),
  run: async (input, ctx, member) => {
    if (input.memberId === ctx.caller.memberId) throw new AppError('FORBIDDEN', '不能为本人记录积分')
    const today = beijingDate(ctx.now)
    if (input.month > today.slice(0, 7)) throw new AppError('RULE_VIOLATED', '不能记录尚未到来的月份', { rule: 'FUTURE_MONTH' })
    const head = await loadHead(ctx.store, member.branchId)
    requireCurrent(head)
    const h = head as NonNullable<typeof head>
    const end = monthRange(input.month).end
    const at = await schemeAt(ctx.store, h, end < today ? end : today)
    if (!at) throw new AppError('RULE_VIOLATED', '该月份尚无生效的积分方案', { rule: 'NO_SCHEME' })
    const item = at.scheme.items.find((i) => i.code === input.itemCode)
    if (!item) throw new AppError('NOT_FOUND', '没有找到该积分项目')
    if (item.auto && item.auto.source !== 'volunteer') {
      throw new AppError('RULE_VIOLATED', `“${item.name}”由系统根据签到或党费记录自动记分`, { rule: 'AUTO_ITEM' })
    }
    const scoring = await scoringFor(ctx.store, h, Number(input.month.slice(0, 4)))
    if (!scoring) throw new AppError('INTERNAL')
    const entry = recordedEntry(
      member,
      { clientKey: input.clientKey, month: input.month, count: input.count ?? 1, reason: input.reason },
      item,
      at.version,
      { id: ctx.caller.memberId as string, name: ctx.caller.name },
      ctx.now.toISOString(),
    )
    try {
      const done = await ctx.store.transaction((tx) => approveTx(tx, entry, item, entry.points, scoring, h.publications, ctx.now, null, true))
      await ctx.audit({
        branchId: member.branchId,
        action: 'points.recordEntry',
        targetId: entry._id,
        summary: `为 ${member.memberName} 记录积分“${item.name}”（${input.month}）${item.kind === 'add' ? '+' : '−'}${done.entry.counted}分：${input.reason}`,
        after: { itemCode: item.code, month: input.month, counted: done.entry.counted },
      })
      return entryView(done.entry, ctx.caller, ctx.now)
    } catch (e) {
      if (!isDuplicate(e)) throw e
      return entryView(await loadEntry(ctx.store, recordedEntryId(member.memberId, input.clientKey)), ctx.caller, ctx.now)
    }
  },
}
