/**
 * The workbench pages' gate: the signed-in user must be allowed the page's action by its contract policy —
 * a 支委 of the branch, or a 上级 admin (who is often not a member, so `AccessGate` would send them to bind).
 */
import { View } from '@tarojs/components'
import type { ActionDef } from '@shared/contract/define'
import type { Me } from '@shared/contract/org'
import { PageError, PageLoading } from '@/components/PageState'
import { can } from '@/features/org/permissions'
import { useMe } from '@/features/org/use-me'

export function WorkbenchGate({ action, children }: { action: Pick<ActionDef, 'policy'>; children: (me: Me) => React.ReactNode }): React.ReactElement {
  const { me, loading, error, reload } = useMe()
  if (error && !me) {
    return (
      <View className='page'>
        <PageError message={error.message} onRetry={() => void reload()} />
      </View>
    )
  }
  if (loading || !me) {
    return (
      <View className='page'>
        <PageLoading cards={3} />
      </View>
    )
  }
  if (!can(me, action)) {
    return (
      <View className='page'>
        <PageError message={me.bound ? '工作台仅供支部委员和上级党组织使用' : '请先绑定党员身份'} />
      </View>
    )
  }
  return <>{children(me)}</>
}
