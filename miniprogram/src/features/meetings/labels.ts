/**
 * Chinese labels and colours for the meetings pages: the caller's own status at a meeting, sign-in
 * states, grid cells, compliance statuses. Kind names come from the shared rules (MEETING_KIND_LABELS).
 */
import type { MyMeetingStatus, RosterRow } from '@shared/contract/meetings'
import { MEETING_KIND_LABELS, MEETING_KIND_SHORT_LABELS, type MeetingKind } from '@shared/rules/meetings/kinds'
import { beijingTime } from '@shared/rules/time'

export { MEETING_KIND_LABELS, MEETING_KIND_SHORT_LABELS }
export type { MeetingKind }

export type Tone = 'red' | 'green' | 'gold' | 'grey' | 'blue'

export const MY_STATUS: Record<MyMeetingStatus, { label: string; tone: Tone }> = {
  present: { label: '已签到', tone: 'green' },
  leave: { label: '已请假', tone: 'blue' },
  'leave-pending': { label: '请假待批', tone: 'gold' },
  'leave-declined': { label: '请假未批准', tone: 'red' },
  absent: { label: '缺席', tone: 'red' },
  exempt: { label: '免于参会', tone: 'grey' },
  pending: { label: '待参加', tone: 'gold' },
  'not-invited': { label: '', tone: 'grey' },
}

export const ROSTER_STATUS: Record<RosterRow['status'], { label: string; tone: Tone }> = {
  present: { label: '已到', tone: 'green' },
  leave: { label: '请假', tone: 'blue' },
  absent: { label: '缺席', tone: 'red' },
  exempt: { label: '免于参会', tone: 'grey' },
  pending: { label: '未到', tone: 'grey' },
}

export const SIGN_IN_LABELS: Record<'not-yet' | 'open' | 'closed', string> = { 'not-yet': '未开始签到', open: '签到中', closed: '签到已结束' }

export const GRID_CELL: Record<'took-part' | 'excused' | 'absent' | 'no-meeting' | 'exempt' | 'future', { short: string; tone: Tone | 'none' }> = {
  'took-part': { short: '到', tone: 'green' },
  excused: { short: '假', tone: 'blue' },
  absent: { short: '缺', tone: 'red' },
  'no-meeting': { short: '—', tone: 'none' },
  exempt: { short: '免', tone: 'grey' },
  future: { short: '', tone: 'none' },
}

export const COMPLIANCE_STATUS: Record<'held' | 'missing' | 'overdue' | 'upcoming', { label: string; tone: Tone }> = {
  held: { label: '已召开', tone: 'green' },
  missing: { label: '本期待召开', tone: 'gold' },
  overdue: { label: '逾期未召开', tone: 'red' },
  upcoming: { label: '未到期', tone: 'grey' },
}

export const LEAVE_STATUS: Record<'pending' | 'approved' | 'declined', { label: string; tone: Tone }> = {
  pending: { label: '待审批', tone: 'gold' },
  approved: { label: '已批准', tone: 'green' },
  declined: { label: '未批准', tone: 'red' },
}

/** Meeting kinds a 支委 may choose when setting one up, in the order 三会一课 first. */
export const KIND_CHOICES: { value: MeetingKind; label: string }[] = (
  ['theme-day', 'party-congress', 'committee', 'group', 'lecture', 'life-meeting', 'evaluation', 'other'] as const
).map((k) => ({ value: k, label: MEETING_KIND_SHORT_LABELS[k] }))

/** `2026-11-26` + `14:30` → `11月26日 周四 14:30`. */
export function meetingWhen(date: string, time: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const weekday = '日一二三四五六'[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]
  return `${m}月${d}日 周${weekday} ${time}`
}

/** Seconds left until an ISO instant, never negative. */
export function secondsUntil(iso: string | null, nowMs: number): number {
  if (!iso) return 0
  return Math.max(0, Math.ceil((Date.parse(iso) - nowMs) / 1000))
}

/** `HH:mm` of an ISO instant in Beijing time. */
export function beijingHm(iso: string): string {
  return beijingTime(Date.parse(iso))
}
