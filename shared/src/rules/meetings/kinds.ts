/**
 * Meeting kinds (docs/DOMAIN.md §2): the kinds a branch holds, their Chinese names and short names, and
 * "三会一课", the meetings that must be held on their own.
 */

export const MEETING_KINDS = [
  'party-congress', // 支部党员大会
  'committee', // 支部委员会会议
  'group', // 党小组会
  'lecture', // 党课
  'life-meeting', // 组织生活会
  'theme-day', // 主题党日
  'evaluation', // 民主评议大会
  'other', // 其他: 学习, 志愿服务 …
] as const

export type MeetingKind = (typeof MEETING_KINDS)[number]


export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
  'party-congress': '支部党员大会',
  committee: '支部委员会会议',
  group: '党小组会',
  lecture: '党课',
  'life-meeting': '组织生活会',
  'theme-day': '主题党日',
  evaluation: '民主评议大会',
  other: '其他',
}

/** Short names for chips and tables. */
export const MEETING_KIND_SHORT_LABELS: Record<MeetingKind, string> = {
  'party-congress': '党员大会',
  committee: '支委会',
  group: '党小组会',
  lecture: '党课',
  'life-meeting': '组织生活会',
  'theme-day': '主题党日',
  evaluation: '民主评议',
  other: '其他',
}

/** "三会一课": the meetings that must be held on their own, never merged into a business meeting [HN]. */
export const THREE_MEETINGS_ONE_LECTURE: readonly MeetingKind[] = ['party-congress', 'committee', 'group', 'lecture']
