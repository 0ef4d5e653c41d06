/**
 * A round avatar showing the member's surname (no photos are collected).
 */
import { View, Text } from '@tarojs/components'
import './index.scss'

export function MemberAvatar({ name, size = 'normal' }: { name: string; size?: 'normal' | 'large' }): React.ReactElement {
  return (
    <View className={`member-avatar member-avatar--${size}`}>
      <Text>{name.trim().slice(0, 1) || '?'}</Text>
    </View>
  )
}
