/** Each active member's year total and band, ranked with ties; excluded members (离退休, 长期卧病, 长期外出) apart. */
import type { YearView } from '@shared/contract/points'
import { POINTS_EXCLUSION_LABELS } from '@shared/rules/points/scheme'
import { rankPoints } from '@shared/rules/points/totals'
import { bandLabel, yearScore } from '@shared/rules/points/scores'
import { exclusionOf, type BranchScheme } from '@shared/rules/points/branch-scheme'
import type { MemberDoc } from '../../org/public/branches'
import type { PointsYearDoc, ScoringDoc } from '../documents'

type Row = YearView['ranked'][number]

export const yearRows = (
  members: readonly MemberDoc[],
  years: readonly PointsYearDoc[],
  year: number,
  scheme: BranchScheme | null,
  fallback: ScoringDoc | null,
): { ranked: Row[]; excluded: Row[]; byMember: Map<string, PointsYearDoc> } => {
  const byMember = new Map(years.map((y) => [y.memberId, y]))
  const rows: Row[] = []
  for (const m of members) {
    const y = byMember.get(m._id)
    const scoring = y?.scoring ?? fallback
    if (!scoring) continue
    const s = yearScore(scoring, year, y?.months ?? {}, y?.vetoed ?? false)
    const excluded = scheme ? exclusionOf(m, scheme.exclusions) : null
    rows.push({
      memberId: m._id,
      name: m.name,
      groupId: m.groupId,
      total: s.total,
      band: s.band,
      bandLabel: bandLabel(s.band),
      vetoed: s.vetoed,
      adds: s.adds,
      deducts: s.deducts,
      rank: null,
      excluded,
      excludedLabel: excluded ? POINTS_EXCLUSION_LABELS[excluded] : null,
    })
  }
  const ranks = new Map(rankPoints(rows.filter((r) => !r.excluded)).map((r) => [r.memberId, r.rank]))
  const ranked = rows
    .filter((r) => !r.excluded)
    .map((r) => ({ ...r, rank: ranks.get(r.memberId) ?? null }))
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0) || (a.name < b.name ? -1 : 1))
  const excluded = rows.filter((r) => r.excluded).sort((a, b) => b.total - a.total)
  return { ranked, excluded, byMember }
}
