/**
 * points.overview — a member's year in one read of their totals document: the monthly trend, total, band,
 * scoring periods and their 公示 (with their own objection). Members without entries yet read the branch head.
 */
import type { points } from '@shared/contract/points'
import { bandLabel, yearScore } from '@shared/rules/points/scores'
import { beijingDate, monthsBetween } from '@shared/rules/time'
import type { Handler } from '../../_kit/create-main'
import { memberTarget } from '../access'
import { loadHead, scoringFor } from '../engine'
import { emptyYearDoc, yearDocId, type MemberRef } from '../model'
import { myPublicationView } from '../views'

export const overview: Handler<typeof points.actions.overview, MemberRef> = {
  target: (input, ctx) => memberTarget(ctx, input.memberId),
  run: async (input, ctx, member) => {
    const today = beijingDate(ctx.now)
    const year = input.year ?? Number(today.slice(0, 4))
    let doc = await ctx.store.get('points_years', yearDocId(member.memberId, year))
    if (!doc) {
      const head = await loadHead(ctx.store, member.branchId)
      const scoring = head ? await scoringFor(ctx.store, head, year) : null
      if (!head || !scoring) {
        return {
          memberId: member.memberId,
          memberName: member.memberName,
          year,
          schemeName: null,
          total: null,
          band: null,
          bandLabel: null,
          vetoed: false,
          adds: 0,
          deducts: 0,
          months: monthsBetween(`${year}-01`, `${year}-12`).map((month) => ({ month, adds: 0, deducts: 0, net: 0 })),
          periods: [],
          publications: [],
          updatedAt: null,
        }
      }
      doc = emptyYearDoc(member, year, scoring, head.publications)
    }
    const score = yearScore(doc.scoring, year, doc.months, doc.vetoed)
    const d = doc
    return {
      memberId: member.memberId,
      memberName: doc.memberName || member.memberName,
      year,
      schemeName: doc.scoring.name,
      total: score.total,
      band: score.band,
      bandLabel: bandLabel(score.band),
      vetoed: score.vetoed,
      adds: score.adds,
      deducts: score.deducts,
      months: monthsBetween(`${year}-01`, `${year}-12`).map((month) => {
        const m = d.months[month] ?? { adds: 0, deducts: 0 }
        return { month, adds: m.adds, deducts: m.deducts, net: Math.round((m.adds - m.deducts) * 100) / 100 }
      }),
      periods: score.periods.map((p) => ({ key: p.key, label: p.label, total: p.total })),
      publications: Object.entries(doc.publications)
        .sort(([a], [b]) => (a < b ? 1 : -1))
        .map(([key, meta]) => myPublicationView(key, meta, d.months, d.scoring, d.vetoed, today)),
      updatedAt: doc.updatedAt || null,
    }
  },
}
