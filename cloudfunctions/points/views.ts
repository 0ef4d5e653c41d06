/** Mapping points documents to the contract's views that several handlers share. */
import type { MyPublicationSchema, Publication, SchemeEditor, SchemeVersion } from '@shared/contract/points'
import type * as z from 'zod/mini'
import { bandLabel, publicationScore } from '@shared/rules/points/scores'
import { periodFromKey } from '@shared/rules/points/calendar'
import type { MemberPublicationDoc, PointsBranchDoc, PointsPublicationDoc, PointsYearDoc, ScoringDoc } from './documents'

export const versionView = (v: NonNullable<PointsBranchDoc['current']>): SchemeVersion => ({
  version: v.version,
  effectiveFrom: v.effectiveFrom,
  publishedAt: v.publishedAt,
  publishedByName: v.publishedByName,
  scheme: v.scheme,
})

export const editorView = (branchId: string, head: PointsBranchDoc | null, presets: SchemeEditor['presets']): SchemeEditor => ({
  branchId,
  draft: head?.draft ?? null,
  draftUpdatedAt: head?.draftUpdatedAt ?? null,
  current: head?.current ? versionView(head.current) : null,
  versions: [...(head?.versions ?? [])].sort((a, b) => b.version - a.version),
  presets,
  settings: { publishRanking: head?.publishRanking ?? false, requireEvidence: head?.requireEvidence ?? false },
})

type MyPublication = z.infer<typeof MyPublicationSchema>

/** One member's view of a 公示: the period's points from their own monthly sums, and their objection. */
export const myPublicationView = (
  key: string,
  meta: MemberPublicationDoc,
  months: PointsYearDoc['months'],
  scoring: ScoringDoc,
  vetoed: boolean,
  today: string,
): MyPublication => {
  const period = periodFromKey(key)
  const score = period ? publicationScore(scoring, period, months, vetoed) : { adds: 0, deducts: 0, net: 0, score: scoring.base, band: 'qualified' as const }
  return {
    key,
    label: meta.label,
    status: meta.status,
    publishedAt: meta.publishedAt,
    endsOn: meta.endsOn,
    finalisedAt: meta.finalisedAt,
    adds: score.adds,
    deducts: score.deducts,
    net: score.net,
    score: score.score,
    bandLabel: bandLabel(score.band),
    objection: meta.objection ? { ...meta.objection } : null,
    canObject: meta.status === 'publicity' && today <= meta.endsOn && !meta.objection?.answer,
  }
}

export const publicationView = (p: PointsPublicationDoc, today: string): Publication => {
  const objections = Object.entries(p.objections).map(([memberId, o]) => ({ memberId, ...o }))
  return {
    branchId: p.branchId,
    key: p.key,
    label: p.label,
    status: p.status,
    start: p.start,
    end: p.end,
    publishedAt: p.publishedAt,
    publishedByName: p.publishedByName,
    endsOn: p.endsOn,
    finalisedAt: p.finalisedAt,
    rows: p.rows.map((r) => ({ memberId: r.memberId, name: r.name, groupId: r.groupId, adds: r.adds, deducts: r.deducts, net: r.net, score: r.score, bandLabel: bandLabel(r.band), excluded: r.excluded })),
    objections: objections.sort((a, b) => (a.at < b.at ? -1 : 1)),
    canFinalise: p.status === 'publicity' && today > p.endsOn && objections.every((o) => o.answer !== null),
  }
}
