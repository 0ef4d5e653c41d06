/** Shared by the 公示 handlers: loading a publication and snapshotting every member's points for it. */
import { AppError } from '@shared/contract/errors'
import { exclusionOf, periodFromKey, publicationScore, type BranchScheme } from '@shared/rules/points-extra'
import type { Period } from '@shared/rules/time'
import type { PointsPublicationDoc } from '../../_kit/collections-points'
import { branchMembers } from '../../_kit/org-data'
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
  return members.map((m) => {
    const y = byMember.get(m._id)
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
  })
}
