/**
 * Display formatting for dates and instants, in Beijing time (UTC+8, no DST) whatever the phone's zone.
 */
import { formatDateTimeCN } from '@shared/rules/time'

const pad = (n: number): string => String(n).padStart(2, '0')

/** `2025-07-01` → `2025年7月1日`. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return ''
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return date
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`
}

/** An ISO instant → `2025年7月1日 14:05` in Beijing time. */
export function formatInstant(iso: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  return formatDateTimeCN(t)
}

/** A Date picked in the UI → `YYYY-MM-DD` of its local calendar day (the picker works in local days). */
export function dateToYmd(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** `YYYY-MM-DD` → a local Date at noon (safe from zone shifts), for seeding a picker. */
export function ymdToDate(s: string | null | undefined): Date | undefined {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12) : undefined
}
