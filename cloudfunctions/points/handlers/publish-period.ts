/**
 * points.publishPeriod — 每季评定公示: once a quarter is over and every 申报 in it is reviewed, snapshot each
 * member's points and open the 公示 for the scheme's days. Members see it in their overview and may object.
 */
import { AppError } from '@shared/contract/errors'
import type { points } from '@shared/contract/points'
import { publicityEnds } from '@shared/rules/points/calendar'
import { beijingDate, monthOf, monthsBetween } from '@shared/rules/time'
import { branchTarget, type Handler } from '../../_kit/create-main'
import type { PointsPublicationDoc, PublicationMeta } from '../documents'
import { isDuplicate } from '../../_kit/store'
import { requireCurrent } from '../access'
import { consumeEvents, loadHead } from '../engine'
import { PENDING, publicationDocId } from '../model'
import { publicationView } from '../views'
import { periodOfKey, snapshotRows } from './publication'

export const publishPeriod: Handler<typeof points.actions.publishPeriod, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const head = await loadHead(ctx.store, branchId)
    const current = requireCurrent(head)
    const period = periodOfKey(input.periodKey, current.scheme)
    const today = beijingDate(ctx.now)
    if (today <= period.end) throw new AppError('RULE_VIOLATED', `${period.label}尚未结束，结束后才能公示`, { rule: 'PERIOD_NOT_OVER' })
    if (current.head.publications[input.periodKey]) throw new AppError('CONFLICT', `${period.label}积分已经公示`)
    const pending = await ctx.store.count('points_entries', {
      branchId,
      origin: 'declared',
      status: ctx.store.cmd.in(PENDING),
      month: ctx.store.cmd.in(monthsBetween(monthOf(period.start), monthOf(period.end))),
    })
    if (pending > 0) throw new AppError('RULE_VIOLATED', `${period.label}还有${pending}条积分申报未审核，请审核后再公示`, { rule: 'PENDING_ENTRIES', pending })
    // Everything that happened in the quarter counts before the snapshot.
    await consumeEvents(ctx.store, current.head, ctx.now, 500, ctx.log)

    const nowIso = ctx.now.toISOString()
    const meta: PublicationMeta = { label: period.label, status: 'publicity', publishedAt: nowIso, endsOn: publicityEnds(today, current.scheme.publication.days), finalisedAt: null }
    const doc: PointsPublicationDoc = {
      _id: publicationDocId(branchId, input.periodKey),
      branchId,
      key: input.periodKey,
      label: period.label,
      year: Number(period.start.slice(0, 4)),
      start: period.start,
      end: period.end,
      status: 'publicity',
      publishedAt: nowIso,
      publishedBy: ctx.caller.memberId,
      publishedByName: ctx.caller.name,
      endsOn: meta.endsOn,
      finalisedAt: null,
      rows: await snapshotRows(ctx.store, branchId, period, current.scheme, current.version),
      objections: {},
    }
    try {
      await ctx.store.add('points_publications', doc)
    } catch (e) {
      if (isDuplicate(e)) throw new AppError('CONFLICT', `${period.label}积分已经公示`)
      throw e
    }
    // Each member's totals document and the head learn of the 公示 (one update each, whatever the branch size).
    await ctx.store.updateWhere('points_years', { branchId, year: doc.year }, { [`publications.${input.periodKey}`]: { ...meta, objection: null } })
    await ctx.store.update('points_branches', branchId, { [`publications.${input.periodKey}`]: meta, updatedAt: nowIso })
    await ctx.audit({
      branchId,
      action: 'points.publishPeriod',
      targetId: doc._id,
      summary: `公示${period.label}党员积分（${doc.rows.length}人），公示至${meta.endsOn}`,
      after: { key: input.periodKey, endsOn: meta.endsOn },
    })
    return publicationView(doc, today)
  },
}
