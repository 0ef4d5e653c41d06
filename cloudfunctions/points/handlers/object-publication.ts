/**
 * points.objectPublication — during the 公示 a member raises an objection to their own points (or rewrites
 * it until answered). Recorded on the publication (for the 支委) and on the member's totals (for their view).
 */
import { AppError } from '@shared/contract/errors'
import type { points } from '@shared/contract/points'
import { beijingDate } from '@shared/rules/time'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { requireCurrent } from '../access'
import { loadHead, scoringFor } from '../engine'
import { emptyYearDoc, publicationDocId, yearDocId } from '../model'
import { myPublicationView } from '../views'

export const objectPublication: Handler<typeof points.actions.objectPublication, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const c = ctx.caller
    const memberId = c.memberId as string
    const today = beijingDate(ctx.now)
    const head = await loadHead(ctx.store, branchId)
    requireCurrent(head)
    const year = Number(input.periodKey.slice(0, 4))
    const scoring = await scoringFor(ctx.store, head!, year)
    if (!scoring) throw new AppError('INTERNAL')
    const nowIso = ctx.now.toISOString()
    const objection = { text: input.text, at: nowIso, answer: null, answeredAt: null, answeredByName: null }
    const yearDoc = await ctx.store.transaction(async (tx) => {
      const pid = publicationDocId(branchId, input.periodKey)
      const pub = await tx.get('points_publications', pid)
      if (!pub) throw new AppError('NOT_FOUND', '该期积分尚未公示')
      if (pub.status !== 'publicity' || today > pub.endsOn) throw new AppError('RULE_VIOLATED', '公示期已结束，不能再提出异议', { rule: 'PUBLICITY_OVER' })
      if (!pub.rows.some((r) => r.memberId === memberId)) throw new AppError('RULE_VIOLATED', '本期公示中没有您的积分', { rule: 'NOT_LISTED' })
      if (pub.objections[memberId]?.answer) throw new AppError('CONFLICT', '您的异议已答复')
      const { _id, ...pubBody } = { ...pub, objections: { ...pub.objections, [memberId]: { name: c.name, ...objection } } }
      await tx.set('points_publications', pid, pubBody)
      const yid = yearDocId(memberId, year)
      const y = (await tx.get('points_years', yid)) ?? emptyYearDoc({ memberId, memberName: c.name, groupId: c.groupId, branchId }, year, scoring, head!.publications, nowIso)
      const meta = y.publications[input.periodKey] ?? { label: pub.label, status: pub.status, publishedAt: pub.publishedAt, endsOn: pub.endsOn, finalisedAt: pub.finalisedAt, objection: null }
      const next = { ...y, publications: { ...y.publications, [input.periodKey]: { ...meta, objection } } }
      const { _id: _y, ...yearBody } = next
      await tx.set('points_years', yid, yearBody)
      return next
    })
    const meta = yearDoc.publications[input.periodKey]!
    return myPublicationView(input.periodKey, meta, yearDoc.months, yearDoc.scoring, yearDoc.vetoed, today)
  },
}
