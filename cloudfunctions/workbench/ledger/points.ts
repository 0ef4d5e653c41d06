/** The 积分汇总表 sheet. */
import { POINTS_BAND_LABELS } from '@shared/rules/points/scheme'
import type { MemberDoc } from '../../org/public/branches'
import type { Cell, Sheet } from '../../_kit/xlsx'
import { groupName, head, type LedgerContext, type PointsYearDoc } from './context'

/** 积分汇总表: each member's year from `points_years` (支委 copy: no public ranking). */
export function pointsSheet(ctx: LedgerContext, members: readonly Pick<MemberDoc, '_id' | 'name' | 'groupId'>[], years: readonly PointsYearDoc[]): Sheet {
  const byMember = new Map(years.map((y) => [y.memberId, y]))
  const periodLabels = years.find((y) => y.periods.length > 0)?.periods.map((p) => p.label.replace(/^\d{4}年/, '')) ?? []
  const rows: Cell[][] = members.map((m, i) => {
    const y = byMember.get(m._id)
    const periods = periodLabels.map((_, j) => y?.periods[j]?.total ?? '—')
    return [i + 1, m.name, groupName(ctx.branch, m.groupId), ...periods, y ? y.adds : '—', y ? y.deducts : '—', y ? y.total : '—', y ? POINTS_BAND_LABELS[y.band] : '未计分']
  })
  return {
    name: '积分汇总表',
    ...head(ctx.branch, ctx.year, 'points'),
    subtitle: ctx.subtitle,
    columns: [
      { header: '序号', width: 6 },
      { header: '姓名', width: 10 },
      { header: '党小组', width: 12 },
      ...periodLabels.map((l) => ({ header: l, width: 10 })),
      { header: '加分', width: 8 },
      { header: '扣分', width: 8 },
      { header: '年度积分', width: 10 },
      { header: '等次', width: 8 },
    ],
    rows,
  }
}
