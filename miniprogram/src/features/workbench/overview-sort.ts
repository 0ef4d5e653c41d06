/**
 * Sorting the 上级 overview table by a column, either way; rows without a figure (no meetings, no dues)
 * go last whatever the direction, and ties keep the branch names in order.
 */
import type { OverviewRow } from '@shared/contract/workbench'

export const OVERVIEW_COLUMNS = [
  { key: 'name', label: '支部' },
  { key: 'complianceRate', label: '三会一课' },
  { key: 'attendanceRate', label: '出勤率' },
  { key: 'duesRate', label: '党费' },
  { key: 'reelection', label: '换届' },
] as const
export type OverviewSortKey = (typeof OVERVIEW_COLUMNS)[number]['key']

export interface OverviewSort {
  key: OverviewSortKey
  dir: 'asc' | 'desc'
}

/** Days until 换届 (overdue is negative); branches without a term last. */
const value = (r: OverviewRow, key: OverviewSortKey): number | string | null => {
  switch (key) {
    case 'name':
      return r.name
    case 'reelection':
      return r.reelection.daysLeft
    default:
      return r[key]
  }
}

export function sortOverview(rows: readonly OverviewRow[], sort: OverviewSort): OverviewRow[] {
  const sign = sort.dir === 'asc' ? 1 : -1
  return [...rows].sort((a, b) => {
    const x = value(a, sort.key)
    const y = value(b, sort.key)
    if (x === null && y === null) return a.name.localeCompare(b.name, 'zh-CN')
    if (x === null) return 1
    if (y === null) return -1
    const c = typeof x === 'string' && typeof y === 'string' ? x.localeCompare(y, 'zh-CN') : (x as number) - (y as number)
    return c !== 0 ? sign * c : a.name.localeCompare(b.name, 'zh-CN')
  })
}

/** Tapping a column: the same column flips its direction, another starts with the worst first (ascending). */
export const nextSort = (current: OverviewSort, key: OverviewSortKey): OverviewSort =>
  current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }
