/**
 * dues.publish — the 公示 of a closed period (每半年公布1次 [HN], the profile's unit): per member paid /
 * due and totals, visible to the branch's members, never a base. `dryRun` previews; publishing a period
 * again needs `replace` (an earlier 公示 is not silently changed).
 */
import type { dues } from '@shared/contract/dues'
import { AppError } from '@shared/contract/errors'
import { duesDayOf } from '@shared/rules/dues/months'
import { duesPeriodOf } from '@shared/rules/dues/publication'
import { formatDateCN } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import type { OrgDoc } from '../../org/public/branches'
import type { DuesPublicationDoc } from '../documents'
import { isDuplicate } from '../../_kit/store'
import { branchDues, branchFor } from '../model'
import { periodSummary } from '../summary'

export const publicationId = (branchId: string, period: string): string => `${branchId}_${period}`

export const publish: Handler<typeof dues.actions.publish, OrgDoc> = {
  target: branchFor,
  run: async (input, ctx, branch) => {
    const bd = branchDues(branch, ctx.now)
    const period = duesPeriodOf(input.period)
    const lastCollection = duesDayOf(period.end.slice(0, 7), bd.duesDay)
    if (bd.today <= lastCollection) {
      throw new AppError('RULE_VIOLATED', `${period.label}的最后一次收缴日为${formatDateCN(lastCollection)}，之后才能公示`, { rule: 'PERIOD_NOT_CLOSED' })
    }
    const summary = await periodSummary(ctx, bd, input.period)
    const id = publicationId(branch._id, period.key)
    const doc: DuesPublicationDoc = {
      _id: id,
      branchId: branch._id,
      branchName: branch.name,
      period: period.key,
      label: period.label,
      start: period.start,
      end: period.end,
      publishedAt: ctx.now.toISOString(),
      publishedBy: ctx.caller.memberId,
      publishedByName: ctx.caller.name,
      rows: summary.rows,
      totals: summary.totals,
    }
    if (input.dryRun) return { ...doc, id, publishedAt: null, publishedByName: null }
    const { _id, ...body } = doc
    if (input.replace) {
      await ctx.store.set('dues_publications', _id, body)
    } else {
      try {
        await ctx.store.add('dues_publications', doc)
      } catch (e) {
        if (isDuplicate(e)) throw new AppError('CONFLICT', `${period.label}的党费收缴情况已公示；如需更正，请选择“重新公示”`)
        throw e
      }
    }
    await ctx.audit({
      branchId: branch._id,
      action: 'dues.publish',
      targetId: id,
      summary: `${input.replace ? '重新' : ''}公示${period.label}党费收缴情况（${summary.totals.members}人）`,
    })
    return { ...doc, id }
  },
}
