/** Display helpers for 积分: entry status tones, signed points, months, sources. */
import { ENTRY_STATUS_LABELS, type EntryStatus, type EntryView } from '@shared/contract/points'

export type Tone = 'green' | 'orange' | 'red' | 'grey'

export const STATUS_TONES: Record<EntryStatus, Tone> = {
  'pending-group': 'orange',
  'pending-committee': 'orange',
  approved: 'green',
  rejected: 'red',
  revoked: 'grey',
  withdrawn: 'grey',
}

export const statusLabel = (s: EntryStatus): string => ENTRY_STATUS_LABELS[s]

const trim2 = (x: number): string => String(Math.round(x * 100) / 100)

/** `+2`, `−3`, `0` (a real minus sign, readable at a glance). */
export const signed = (x: number): string => (x > 0 ? `+${trim2(x)}` : x < 0 ? `−${trim2(-x)}` : '0')

/**
 * The points an entry shows: what counted once approved (signed by kind), what was asked while pending,
 * nothing once rejected, revoked or withdrawn.
 */
export function entryPoints(e: Pick<EntryView, 'status' | 'kind' | 'counted' | 'points' | 'awarded'>): { text: string; counts: boolean } {
  const sign = e.kind === 'add' ? 1 : -1
  if (e.status === 'approved') return { text: signed(sign * (e.counted ?? 0)), counts: true }
  if (e.status === 'pending-group' || e.status === 'pending-committee') return { text: signed(sign * (e.awarded ?? e.points)), counts: false }
  return { text: '0', counts: false }
}

/** `2026-03` → `3月`; with `withYear`, `2026年3月`. */
export const monthLabel = (month: string, withYear = false): string => {
  const [y, m] = month.split('-')
  return withYear ? `${y}年${Number(m)}月` : `${Number(m)}月`
}

export const ORIGIN_LABELS: Record<EntryView['origin'], string> = { declared: '本人申报', auto: '自动记分', recorded: '支委记录' }
