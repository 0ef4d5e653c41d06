/** Grouping and counting a member's entries for the 积分 pages. */
import type { EntryView } from '@shared/contract/points'

export interface MonthGroup {
  month: string
  entries: EntryView[]
  /** Counted points of approved entries (credits − deductions). */
  net: number
  pending: number
}

const round2 = (x: number): number => Math.round(x * 100) / 100

/** Entries by month, newest month first, each month's entries newest first. */
export function groupByMonth(entries: readonly EntryView[]): MonthGroup[] {
  const map = new Map<string, EntryView[]>()
  for (const e of entries) map.set(e.month, [...(map.get(e.month) ?? []), e])
  return [...map.entries()]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([month, list]) => ({
      month,
      entries: [...list].sort((a, b) => (a.createdAt === b.createdAt ? 0 : a.createdAt < b.createdAt ? 1 : -1)),
      net: round2(list.filter((e) => e.status === 'approved').reduce((s, e) => s + (e.kind === 'add' ? 1 : -1) * (e.counted ?? 0), 0)),
      pending: list.filter((e) => e.status === 'pending-group' || e.status === 'pending-committee').length,
    }))
}

/** The member's own 申报 (declared entries) of a month that still wait for review. */
export const pendingDeclared = (entries: readonly EntryView[], month: string): EntryView[] =>
  entries.filter((e) => e.month === month && e.origin === 'declared' && (e.status === 'pending-group' || e.status === 'pending-committee'))

/** Ids of entries this reviewer can approve in one go. */
export const batchable = (entries: readonly EntryView[]): string[] => entries.filter((e) => e.canReview).map((e) => e.id)

/** At most this many entries go in one batch approval (the contract's limit). */
export const BATCH_MAX = 100

/** What 批量通过 counts and approves: only the ticked entries still reviewable; nothing when none is ticked. */
export const batchChosen = (reviewable: readonly string[], ticked: ReadonlySet<string>): string[] => reviewable.filter((id) => ticked.has(id))
