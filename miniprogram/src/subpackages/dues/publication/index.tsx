/** One 公示: per member months and amounts due and paid in the period, and totals — never a base. */
import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { dues } from '@shared/contract/dues'
import { AccessGate } from '@/components/AccessGate'
import { PageError, PageLoading } from '@/components/PageState'
import { PublicationTable } from '@/features/dues/PublicationTable'
import { usePublication } from '@/features/dues/use-dues'

function Detail({ id }: { id: string }): React.ReactElement {
  const { data, error, reload } = usePublication(id)
  if (error && !data) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (!data) return <View className='page'><PageLoading /></View>
  return (
    <View className='page' data-testid='publication-page'>
      <PublicationTable p={data} />
    </View>
  )
}

export default function PublicationPage(): React.ReactElement {
  const { params } = useRouter()
  return (
    <AccessGate action={dues.actions.getPublication}>
      {() => (params.id ? <Detail id={params.id} /> : <View className='page'><Text>没有指定公示</Text></View>)}
    </AccessGate>
  )
}
