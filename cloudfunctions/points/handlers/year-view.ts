/**
 * points.yearView — the 支委's year: every member's total and band, the ranking with ties (1, 2, 2, 4),
 * excluded members apart, the band distribution, the branch's monthly average and each 公示 period's state.
 * Four reads: caller, head, members, totals.
 */
import type { points, YearView } from '@shared/contract/points'
import { POINTS_BAND_LABELS } from '@shared/rules/points/scheme'
import { publicationPeriods } from '@shared/rules/points/calendar'
import { beijingDate, monthsBetween } from '@shared/rules/time'
import { branchTarget, type Handler } from '../../_kit/create-main'
import { branchMembers } from '../../org/public/branches'
import { loadHead, scoringFor } from '../engine'
import { yearRows } from './year-rows'

const round2 = (x: number): number => Math.round(x * 100) / 100

export const yearView: Handler<typeof points.actions.yearView, string> = {
  target: branchTarget,
  run: async (input, ctx, branchId) => {
    const today = beijingDate(ctx.now)
    const year = input.year ?? Number(today.slice(0, 4))
    const [head, members, years] = await Promise.all([
      loadHead(ctx.store, branchId),
      branchMembers(ctx.store, branchId),
      ctx.store.findAll('points_years', { branchId, year }),
    ])
    const scheme = head?.current?.scheme ?? null
    const fallback = head ? await scoringFor(ctx.store, head, year) : null
    const { ranked, excluded, byMember } = yearRows(members, years, year, scheme, fallback)
    const bands = (fallback?.bands ?? []).map((b) => ({ band: b.band, label: POINTS_BAND_LABELS[b.band], count: ranked.filter((r) => r.band === b.band).length }))
    const months = monthsBetween(`${year}-01`, `${year}-12`).map((month) => {
      let adds = 0
      let deducts = 0
      for (const r of ranked) {
        const m = byMember.get(r.memberId)?.months[month]
        adds += m?.adds ?? 0
        deducts += m?.deducts ?? 0
      }
      const n = Math.max(1, ranked.length)
      return { month, adds: round2(adds / n), deducts: round2(deducts / n), net: round2((adds - deducts) / n) }
    })
    const periods: YearView['periods'] = scheme
      ? publicationPeriods(scheme, year).map((p) => {
          const meta = head?.publications[p.key]
          return {
            key: p.key,
            label: p.label,
            start: p.start,
            end: p.end,
            status: meta ? meta.status : today > p.end ? 'ready' : 'open',
            endsOn: meta?.endsOn ?? null,
            pending: null,
          }
        })
      : []
    return {
      branchId,
      year,
      schemeName: fallback?.name ?? null,
      ranked,
      excluded,
      bands,
      months,
      periods,
      settings: { publishRanking: head?.publishRanking ?? false, requireEvidence: head?.requireEvidence ?? false },
    }
  },
}
