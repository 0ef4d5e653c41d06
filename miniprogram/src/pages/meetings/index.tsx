/**
 * 组织生活 tab: this month's 主题党日 (from the two lists below), scan to sign in, the 支委's entries (新建会议, 年度计划, 出勤统计, 请假审批, 达标情况), the
 * meetings coming up and those held (more on demand). Each list is one call; tapping a meeting opens it.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { ROUTES } from '@/constants/routes'
import { useRequireBound } from '@/features/org/use-me'
import { can, isCommittee } from '@/features/org/permissions'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { EntryGrid, type Entry } from '@/components/EntryGrid'
import { MeetingCard } from '@/features/meetings/components/MeetingCard'
import { ThemeDayCard, themeDayOfMonth } from '@/features/meetings/components/ThemeDayCard'
import { useAction } from '@/features/common/use-action'
import { PAGE_SIZE, useMeetingList } from '@/features/meetings/use-meetings'
import { scanAndSignIn } from '@/features/meetings/sign-in'
import { go } from '@/utils/nav'
import { useReloadOnReturn } from '@/features/common/use-reload-on-return'
import './index.scss'
import { CATALOG } from '@shared/contract/catalog'

export default function MeetingsPage(): React.ReactElement {
  const { me, loading, error, reload } = useRequireBound()
  const bound = !!me?.bound && !!me.branch
  const [pastLimit, setPastLimit] = useState(PAGE_SIZE)
  const upcoming = useMeetingList('upcoming')
  const past = useMeetingList('past', pastLimit)
  const scan = useAction(() => scanAndSignIn())

  useReloadOnReturn(upcoming.reload, past.reload)
  usePullDownRefresh(() => {
    void Promise.all([reload(), upcoming.reload(), past.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  if (error && !me) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (loading || !bound || !me?.branch) return <View className='page'><PageLoading /></View>

  const onScan = async (): Promise<void> => {
    const done = await scan.run()
    if (!done) return
    void Taro.showToast({ title: done.repeat ? '您已签到' : '签到成功', icon: 'success' })
    void upcoming.reload()
    go(ROUTES.meetingDetail, { meetingId: done.meetingId })
  }

  const committee = isCommittee(me)
  const entries: Entry[] = []
  if (can(me, CATALOG.meetings.actions.createMeeting)) entries.push({ key: 'new', label: '新建会议', icon: 'plus', onClick: () => go(ROUTES.meetingEdit) })
  entries.push({ key: 'plan', label: '年度计划', icon: 'calendar', onClick: () => go(ROUTES.meetingPlan) })
  if (committee) entries.push({ key: 'grid', label: '出勤统计', icon: 'users', onClick: () => go(ROUTES.meetingGrid) })
  else entries.push({ key: 'mine', label: '我的出勤', icon: 'user', onClick: () => go(ROUTES.meetingMember) })
  if (can(me, CATALOG.meetings.actions.decideLeave)) entries.push({ key: 'leaves', label: '请假审批', icon: 'clipboard', onClick: () => go(ROUTES.meetingLeaves) })
  if (committee) entries.push({ key: 'compliance', label: '达标情况', icon: 'check', onClick: () => go(ROUTES.meetingCompliance) })

  const up = upcoming.data?.meetings ?? []
  const held = past.data?.meetings ?? []
  // Today's, once its sign-in has closed, is in the past list.
  const themeDay = upcoming.data ? themeDayOfMonth([...held, ...up], Date.now()) : undefined

  return (
    <View className='page meetings' data-testid='meetings-page'>
      <View className='card meetings__top'>
        <ThemeDayCard meeting={themeDay} rule={me.branch.themeDayRule} />
        <Button type='primary' size='large' block loading={scan.pending} data-testid='scan-sign-in' onClick={() => void onScan()}>
          扫码签到
        </Button>
        <Text className='meetings__hint'>到会后扫描主持人手机上的二维码签到</Text>
      </View>

      <View className='card'>
        <EntryGrid entries={entries} />
      </View>

      <View className='section-label'>即将召开</View>
      {upcoming.error && !upcoming.data ? (
        <PageError message={upcoming.error.message} onRetry={() => void upcoming.reload()} />
      ) : upcoming.loading && !upcoming.data ? (
        <PageLoading cards={1} />
      ) : up.length === 0 ? (
        <View className='card'>
          <EmptyState text='近期没有会议安排' icon='calendar' compact />
        </View>
      ) : (
        <View className='meetings__list' data-testid='upcoming-list'>
          {up.map((m) => (
            <MeetingCard key={m.id} m={m} onClick={() => go(ROUTES.meetingDetail, { meetingId: m.id })} />
          ))}
        </View>
      )}

      <View className='section-label'>已召开</View>
      {past.error && !past.data ? (
        <PageError message={past.error.message} onRetry={() => void past.reload()} />
      ) : past.loading && !past.data ? (
        <PageLoading cards={1} />
      ) : held.length === 0 ? (
        <View className='card'>
          <EmptyState text='还没有已召开的会议' icon='clipboard' compact />
        </View>
      ) : (
        <>
          <View className='meetings__list' data-testid='past-list'>
            {held.map((m) => (
              <MeetingCard key={m.id} m={m} onClick={() => go(ROUTES.meetingDetail, { meetingId: m.id })} />
            ))}
          </View>
          {past.data?.hasMore ? (
            <View className='meetings__more'>
              <Button fill='outline' loading={past.loading} onClick={() => setPastLimit((n) => Math.min(200, n + PAGE_SIZE))}>
                加载更多
              </Button>
            </View>
          ) : null}
        </>
      )}
    </View>
  )
}
