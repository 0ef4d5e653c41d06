/** 党费收缴公示: the branch's published 公示, newest first; tap one for the per-member table. */
import { View, Text } from '@tarojs/components'
import { dues } from '@shared/contract/dues'
import { ROUTES } from '@/constants/routes'
import { AccessGate } from '@/components/AccessGate'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { yuan } from '@/features/dues/labels'
import { usePublications } from '@/features/dues/use-dues'
import { formatInstant } from '@/utils/format'
import { go } from '@/utils/nav'
import '@/features/dues/dues.scss'
import './index.scss'

function List(): React.ReactElement {
  const { data, error, reload } = usePublications()
  if (error && !data) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (!data) return <View className='page'><PageLoading /></View>
  return (
    <View className='page' data-testid='publications-page'>
      {data.items.length === 0 ? (
        <View className='card'>
          <EmptyState text='暂无公示' icon='clipboard' />
        </View>
      ) : (
        data.items.map((p) => (
          <View key={p.id} className='card pub-item' data-testid='publication-item' onClick={() => go(ROUTES.duesPublication, { id: p.id })}>
            <View className='pub-item__head'>
              <Text className='pub-item__title'>{p.label}党费收缴情况</Text>
              <Text className='muted'>›</Text>
            </View>
            <Text className='dues-hint'>
              应交 {yuan(p.totals.dueFen)} 元，实交 {yuan(p.totals.paidFen)} 元；{p.totals.fullyPaid}/{p.totals.members} 人足额交纳
            </Text>
            <Text className='dues-hint'>公示时间 {formatInstant(p.publishedAt)}</Text>
          </View>
        ))
      )}
    </View>
  )
}

export default function PublicationsPage(): React.ReactElement {
  return <AccessGate action={dues.actions.listPublications}>{() => <List />}</AccessGate>
}
