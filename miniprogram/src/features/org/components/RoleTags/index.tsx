/**
 * A member's status (正式/预备) and roles as small tags, labelled from the shared contract.
 */
import { View, Text } from '@tarojs/components'
import type { BranchRole, MemberStatus } from '@shared/contract/roles'
import { STATUS_LABELS, roleLabels } from '@/features/org/labels'
import './index.scss'

export function RoleTags({
  status,
  roles,
  inverse = false,
  hideFormal = false,
}: {
  status?: MemberStatus
  roles: readonly BranchRole[]
  inverse?: boolean
  /** In lists, tag only the exception (预备党员) so the roles stand out. */
  hideFormal?: boolean
}): React.ReactElement {
  const showStatus = status !== undefined && !(hideFormal && status === 'formal')
  return (
    <View className={`role-tags${inverse ? ' role-tags--inverse' : ''}`} data-testid='role-tags'>
      {showStatus ? <Text className={`role-tag role-tag--status role-tag--${status}`}>{STATUS_LABELS[status]}</Text> : null}
      {roleLabels(roles).map((label) => (
        <Text className='role-tag' key={label}>
          {label}
        </Text>
      ))}
    </View>
  )
}
