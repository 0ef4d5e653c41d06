/**
 * A 民主评议 round's dates (docs/DOMAIN.md §5): the voting window (ordered, not over, at most 31 days), where
 * today falls in it, and the 限期改正 deadline (一般不超过一年 [N]). Pure; callers pass `today`.
 */
import { addYears, diffDays } from '../time'

/** The longest voting window a round may have (a 测评 is held at one meeting; a month covers absentees). */
export const MAX_VOTING_DAYS = 31

export type WindowCheck = { ok: true } | { ok: false; reason: 'WINDOW_REVERSED' | 'WINDOW_PAST' | 'WINDOW_TOO_LONG'; message: string }

/** The voting window `[from, to]` (Beijing dates, inclusive): ordered, not over, at most 31 days. */
export function checkVotingWindow(from: string, to: string, today: string): WindowCheck {
  if (diffDays(from, to) < 0) return { ok: false, reason: 'WINDOW_REVERSED', message: '测评结束日期不能早于开始日期' }
  if (diffDays(today, to) < 0) return { ok: false, reason: 'WINDOW_PAST', message: '测评结束日期不能早于今天' }
  if (diffDays(from, to) + 1 > MAX_VOTING_DAYS) {
    return { ok: false, reason: 'WINDOW_TOO_LONG', message: `测评时间最长${MAX_VOTING_DAYS}天` }
  }
  return { ok: true }
}

export type VotingState = 'before' | 'open' | 'ended'

/** Where `today` falls in the voting window. */
export function votingState(from: string, to: string, today: string): VotingState {
  if (diffDays(from, today) < 0) return 'before'
  if (diffDays(today, to) < 0) return 'ended'
  return 'open'
}

export type FollowUpCheck = { ok: true } | { ok: false; reason: 'DEADLINE_PAST' | 'DEADLINE_TOO_FAR'; message: string }

/**
 * 限期改正: the deadline is not in the past and at most one year after the result was decided
 * (不合格党员限期改正，期限一般不超过一年 [N]). Nothing follows automatically.
 */
export function checkFollowUpDeadline(deadline: string, today: string, decidedOn: string): FollowUpCheck {
  if (diffDays(today, deadline) < 0) return { ok: false, reason: 'DEADLINE_PAST', message: '改正期限不能早于今天' }
  const latest = addYears(decidedOn, 1)
  if (diffDays(deadline, latest) < 0) return { ok: false, reason: 'DEADLINE_TOO_FAR', message: `限期改正一般不超过一年（最晚${latest}）` }
  return { ok: true }
}
