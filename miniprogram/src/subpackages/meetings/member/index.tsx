/**
 * A member's year of 组织生活 (`?memberId=` for 支委 and 党小组长; the member's own without it): each
 * meeting with how they took part, totals, and — for 支委 only — the neutral consecutive-absence prompt.
 */
import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { ROUTES } from '@/constants/routes'
import { useRequireBound } from '@/features/org/use-me'
import { Chip } from '@/features/meetings/components/MeetingCard'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { MEETING_KIND_SHORT_LABELS, ROSTER_STATUS } from '@/features/meetings/labels'
import { useMemberHistory } from '@/features/meetings/use-meetings'
import { formatDate } from '@/utils/format'
import { go } from '@/utils/nav'
import { YearSwitch, beijingYear } from '@/components/YearSwitch'
import '../shared.scss'
import './index.scss'

export default function MemberAttendancePage(): React.ReactElement {
  const { params } = useRouter()
  const { me } = useRequireBound()
  const thisYear = beijingYear()
  const [year, setYear] = useState(Number(params.year) || thisYear)
  const memberId = params.memberId && params.memberId !== me?.member?.id ? params.memberId : undefined
  const { data, loading, error, reload } = useMemberHistory(memberId, year)
  useEffect(() => {
    if (data) void Taro.setNavigationBarTitle({ title: memberId ? `${data.name}的出勤` : '我的出勤' })
  }, [data?.name, memberId])
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  const rows = [...(data?.rows ?? [])].reverse()
  return (
    <View className='page member-attendance' data-testid='member-attendance-page'>
      <YearSwitch year={year} max={thisYear} onChange={setYear} />
      {error && !data ? (
        <PageError message={error.message} onRetry={() => void reload()} />
      ) : loading && !data ? (
        <PageLoading cards={2} />
      ) : !data ? null : (
        <>
          <View className='card'>
            <View className='card__title'>{data.name}</View>
            <View className='mt-counts'>
              <View>
                <Text className='mt-count__num'>{data.totals.present}</Text>
                <Text className='mt-count__label'>参加</Text>
              </View>
              <View>
                <Text className='mt-count__num'>{data.totals.leave}</Text>
                <Text className='mt-count__label'>请假</Text>
              </View>
              <View>
                <Text className='mt-count__num'>{data.totals.absent}</Text>
                <Text className='mt-count__label'>缺席</Text>
              </View>
            </View>
            {data.flag && data.flag.flag !== 'none' ? (
              <View className='member-attendance__flag' data-testid='member-flag'>
                <Text>
                  连续{data.flag.run}个月未参加组织生活：{data.flag.text}
                </Text>
                <Text className='mt-note'>仅支部委员会可见，供谈心提醒和支部研究，系统不作任何自动处理。</Text>
              </View>
            ) : null}
          </View>
          <View className='section-label'>会议</View>
          {rows.length === 0 ? (
            <View className='card'>
              <EmptyState text='这一年没有需要参加的会议' icon='calendar' compact />
            </View>
          ) : (
            <View className='member-attendance__list'>
              {rows.map((r) => {
                const st = ROSTER_STATUS[r.status]
                return (
                  <View key={r.meetingId} className='member-attendance__row' data-testid='history-row' onClick={() => go(ROUTES.meetingDetail, { meetingId: r.meetingId })}>
                    <View className='member-attendance__main'>
                      <Text className='member-attendance__topic'>{r.topic}</Text>
                      <Text className='member-attendance__date'>
                        {formatDate(r.date)} · {MEETING_KIND_SHORT_LABELS[r.kind]}
                        {(r.status === 'absent' || r.status === 'leave') && r.makeupDone ? ' · 已补学' : ''}
                      </Text>
                    </View>
                    <Chip tone={r.status === 'pending' ? 'gold' : st.tone}>{r.status === 'pending' ? '待参加' : st.label}</Chip>
                  </View>
                )
              })}
            </View>
          )}
        </>
      )}
    </View>
  )
}
