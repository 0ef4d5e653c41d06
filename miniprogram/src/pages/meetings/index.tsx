/**
 * 组织生活 tab: the branch's meetings (三会一课, 主题党日 …). A placeholder list until the meetings domain
 * lands; it already guards unbound users like every tab.
 */
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useRequireBound } from '@/features/org/use-me'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { themeDayRuleLabel } from '@/features/org/labels'
import './index.scss'

export default function MeetingsPage(): React.ReactElement {
  const { me, loading, error, reload } = useRequireBound()

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (error && !me) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (loading || !me?.bound || !me.branch) return <View className='page'><PageLoading /></View>

  return (
    <View className='page meetings' data-testid='meetings-page'>
      <View className='card meetings__rule'>
        <Text className='meetings__rule-label'>主题党日</Text>
        <Text className='meetings__rule-value'>{themeDayRuleLabel(me.branch.themeDayRule)}</Text>
      </View>
      <View className='section-label'>会议安排</View>
      <View className='card'>
        <EmptyState text='暂无会议安排' icon='calendar' />
      </View>
    </View>
  )
}
