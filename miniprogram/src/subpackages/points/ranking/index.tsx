/**
 * 支部积分排名 for members — only when the branch has chosen to publish it (off by default, anti-形式主义).
 * Equal totals share a rank (1, 2, 2, 4); 离退休 / 长期卧病 / 长期外出 members are not ranked.
 */
import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { points } from '@shared/contract/points'
import { AccessGate, type BoundMe } from '@/components/AccessGate'
import { PageError, PageLoading } from '@/components/PageState'
import { useRanking } from '@/features/points/use-points'
import '@/features/points/points.scss'
import './index.scss'

function Ranking({ me, year }: { me: BoundMe; year: number }): React.ReactElement {
  const { data, error, reload } = useRanking(year)
  if (error) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (!data) return <View className='page'><PageLoading /></View>
  return (
    <View className='page' data-testid='ranking-page'>
      <View className='card'>
        <View className='card__title'>
          <Text>{data.year}年度积分排名</Text>
          <Text className='card__title-extra'>{data.rows.length}人</Text>
        </View>
        {data.rows.map((r) => (
          <View key={r.memberId} className={`rank-row${r.memberId === me.member.id ? ' rank-row--me' : ''}`}>
            <Text className='rank-row__rank'>{r.rank}</Text>
            <Text className='rank-row__name'>{r.name}</Text>
            <Text className='rank-row__band'>{r.bandLabel}</Text>
            <Text className='rank-row__total'>{r.total}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

export default function RankingPage(): React.ReactElement {
  const year = Number(useRouter().params.year) || new Date().getFullYear()
  return <AccessGate action={points.actions.ranking}>{(me) => <Ranking me={me} year={year} />}</AccessGate>
}
