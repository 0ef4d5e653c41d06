/**
 * points' public surface — 积分 for other functions (民主评议 "结合党员积分确定评议等次", the dashboard): each member's
 * yearly total and band, in two reads (the branch's points head and every member's year totals). 积分 is
 * an input to 民主评议, never the grade itself.
 */
import { POINTS_BAND_LABELS, type PointsBand } from '@shared/rules/points/scheme'
import { yearScore } from '@shared/rules/points/scores'
import type { Store } from '../../_kit/store'
import type { ScoringDoc } from '../documents'

export interface YearlyPointTotal {
  total: number
  band: PointsBand
  /** 优秀 / 良好 / 合格 / 不合格. */
  bandLabel: string
  /** An approved 一票否决 item puts the year in the lowest band. */
  vetoed: boolean
  /** False for a member with no scored entry this year (their total is the scheme's base). */
  scored: boolean
}

/**
 * memberId → the year's total and band for a branch (the dashboard; evaluation reads the totals below). Members with entries come from their totals document;
 * pass `memberIds` to also get the base score for members without any (else they are absent). Null when
 * the branch has no published 积分 scheme. Two database requests whatever the branch size (≤1000 members).
 */
export const yearlyPointStandings = async (
  store: Store,
  branchId: string,
  year: number,
  memberIds: readonly string[] = [],
): Promise<Map<string, YearlyPointTotal> | null> => {
  const [head, years] = await Promise.all([store.get('points_branches', branchId), store.findAll('points_years', { branchId, year })])
  const out = new Map<string, YearlyPointTotal>()
  if (!head?.current) return null
  for (const y of years) {
    const s = yearScore(y.scoring, year, y.months, y.vetoed)
    out.set(y.memberId, { total: s.total, band: s.band, bandLabel: POINTS_BAND_LABELS[s.band], vetoed: s.vetoed, scored: true })
  }
  if (memberIds.some((id) => !out.has(id))) {
    const v = [...head.versions].sort((a, b) => b.version - a.version).find((x) => x.effectiveFrom <= `${year}-12-31`)
    if (v) {
      // The base score under the year's scoring: the one every totals document of that year carries (they are
      // updated together when a version is published), else the current version's numbers.
      const s = head.current.scheme
      const scoring: ScoringDoc = years[0]?.scoring ?? { version: v.version, name: s.name, base: s.base, floor: s.floor, max: s.max, scorePeriod: s.scorePeriod, yearly: s.yearly, bands: s.bands }
      const base = yearScore(scoring, year, {}, false)
      for (const id of memberIds) {
        if (!out.has(id)) out.set(id, { total: base.total, band: base.band, bandLabel: POINTS_BAND_LABELS[base.band], vetoed: false, scored: false })
      }
    }
  }
  return out
}

/**
 * memberId → the year's total (民主评议 captures these at the close of its 测评), null when the branch has no
 * published 积分 scheme. Same two reads as `yearlyPointStandings`.
 */
export const yearlyPointTotals = async (store: Store, branchId: string, year: number, memberIds: readonly string[] = []): Promise<Record<string, number> | null> => {
  const standings = await yearlyPointStandings(store, branchId, year, memberIds)
  return standings ? Object.fromEntries([...standings].map(([id, s]) => [id, s.total])) : null
}
