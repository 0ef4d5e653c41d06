/**
 * 本月主题党日, in one tap: the next (or today's) 主题党日 of this Beijing month with its date, time and
 * place, opening its page; when none is set up, says so. The branch's rule ("每月26日（遇节假日顺延）")
 * is the small print. Shown on 首页 (from `meetings.myTasks`) and atop the 组织生活 tab (from its lists).
 */
import { View, Text } from '@tarojs/components'
import type { MeetingSummary } from '@shared/contract/meetings'
import type { ThemeDayRule } from '@shared/rules/theme-day-rule'
import { beijingDate } from '@shared/rules/time'
import { ROUTES } from '@/constants/routes'
import { themeDayRuleLabel } from '@/features/org/labels'
import { meetingWhen } from '@/features/meetings/labels'
import { go } from '@/utils/nav'
import './index.scss'

/** This Beijing month's next or today's 主题党日 among `meetings` at `nowMs`, not cancelled; null when none. */
export function themeDayOfMonth(meetings: readonly MeetingSummary[], nowMs: number): MeetingSummary | null {
  const today = beijingDate(nowMs)
  const month = today.slice(0, 7)
  const found = meetings
    .filter((m) => m.kind === 'theme-day' && m.status !== 'cancelled' && m.date >= today && m.date.slice(0, 7) === month)
    .sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0))
  return found[0] ?? null
}

/** `meeting`: the month's 主题党日, null when there is none, undefined while loading. */
export function ThemeDayCard({ meeting, rule }: { meeting: MeetingSummary | null | undefined; rule: ThemeDayRule }): React.ReactElement {
  const today = meeting ? meeting.date === beijingDate(Date.now()) : false
  return (
    <View className='theme-day' data-testid='theme-day'>
      <Text className='theme-day__label'>{today ? '今天是主题党日' : '本月主题党日'}</Text>
      {meeting ? (
        <View className='theme-day__next' data-testid='theme-day-next' data-meeting-id={meeting.id} onClick={() => go(ROUTES.meetingDetail, { meetingId: meeting.id })}>
          <View className='theme-day__main'>
            <Text className='theme-day__when'>{meetingWhen(meeting.date, meeting.time)}</Text>
            <Text className='theme-day__place'>{meeting.place}</Text>
            <Text className='theme-day__topic'>{meeting.topic}</Text>
          </View>
          <Text className='theme-day__link'>详情 ›</Text>
        </View>
      ) : meeting === null ? (
        <Text className='theme-day__none' data-testid='theme-day-none'>
          本月暂无待召开的主题党日安排
        </Text>
      ) : null}
      <Text className='theme-day__rule' data-testid='theme-day-rule'>
        主题党日：{themeDayRuleLabel(rule)}
      </Text>
    </View>
  )
}
