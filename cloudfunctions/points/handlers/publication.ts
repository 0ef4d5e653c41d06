/** Shared by the 公示 handlers: loading a publication and snapshotting every member's points for it. */
import { AppError } from '@shared/contract/errors'
import { exclusionOf, type BranchScheme } from '@shared/rules/points/branch-scheme'
import { periodFromKey } from '@shared/rules/points/calendar'
import { publicationScore } from '@shared/rules/points/scores'
import type { Period } from '@shared/rules/time'
import type { PointsPublicationDoc, PointsYearDoc, ScoringDoc } from '../documents'
import { branchMembers, type MemberDoc } from '../../org/public/branches'
import type { Store } from '../../_kit/store'
import { publicationDocId, scoringOf } from '../model'

export const loadPublication = async (store: Store, branchId: string, key: string): Promise<PointsPublicationDoc> => {
  const p = await store.get('points_publications', publicationDocId(branchId, key))
  if (!p) throw new AppError('NOT_FOUND', '该期积分尚未公示')
  return p
}

export const periodOfKey = (key: string, scheme: BranchScheme): Period => {
  const period = periodFromKey(key)
  const unit = key.includes('-Q') ? 'quarter' : 'half-year'
  if (!period || unit !== scheme.publication.period) {
    throw new AppError('RULE_VIOLATED', scheme.publication.period === 'quarter' ? '本支部按季度公示积分' : '本支部按半年公示积分', { rule: 'PERIOD_UNIT' })
  }
  return period
}

/** Every active member's row for the period, from their year totals (two reads: members, totals). */
export const snapshotRows = async (store: Store, branchId: string, period: Period, scheme: BranchScheme, version: number): Promise<PointsPublicationDoc['rows']> => {
  const year = Number(period.start.slice(0, 4))
  const [members, years] = await Promise.all([branchMembers(store, branchId), store.findAll('points_years', { branchId, year })])
  const byMember = new Map(years.map((y) => [y.memberId, y]))
  const fallback = scoringOf(scheme, version)
  return members.map((m) => publicationRow(m, byMember.get(m._id), fallback, period, scheme))
}

/** One member's row of a 公示 from their year totals (none yet: the scheme's base under `fallback`). The demo seed uses it too. */
export const publicationRow = (
  m: MemberDoc,
  y: Pick<PointsYearDoc, 'scoring' | 'months' | 'vetoed'> | undefined,
  fallback: ScoringDoc,
  period: Period,
  scheme: BranchScheme,
): PointsPublicationDoc['rows'][number] => {
  const s = publicationScore(y?.scoring ?? fallback, period, y?.months ?? {}, y?.vetoed ?? false)
  return {
    memberId: m._id,
    name: m.name,
    groupId: m.groupId,
    adds: s.adds,
    deducts: s.deducts,
    net: s.net,
    score: s.score,
    band: s.band,
    excluded: exclusionOf(m, scheme.exclusions),
  }
}
