/**
 * Renders its child only for a bound user allowed to call `action` (per the contract policy); shows
 * loading, the load error, or "没有权限" otherwise. Admin pages wrap their content in it.
 */
import { View } from '@tarojs/components'
import type { ActionDef } from '@shared/contract/define'
import type { Me } from '@shared/contract/org'
import { useRequireBound } from '@/features/org/use-me'
import { can } from '@/features/org/permissions'
import { PageError, PageLoading } from '../PageState'

export type BoundMe = Me & { member: NonNullable<Me['member']>; branch: NonNullable<Me['branch']> }

export function AccessGate({
  action,
  children,
}: {
  action: Pick<ActionDef, 'policy'>
  children: (me: BoundMe) => React.ReactNode
}): React.ReactElement {
  const { me, loading, error, reload } = useRequireBound()
  if (error && !me) {
    return (
      <View className='page'>
        <PageError message={error.message} onRetry={() => void reload()} />
      </View>
    )
  }
  if (loading || !me?.bound || !me.member || !me.branch) {
    return (
      <View className='page'>
        <PageLoading />
      </View>
    )
  }
  if (!can(me, action)) {
    return (
      <View className='page'>
        <PageError message='您没有权限进行此操作' />
      </View>
    )
  }
  return <>{children(me as BoundMe)}</>
}
