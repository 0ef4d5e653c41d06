/**
 * A grid of large tappable entries (icon + label), used for 支部管理 and 常用功能 on 首页.
 */
import { View, Text } from '@tarojs/components'
import { Icon, type IconName } from '../Icon'
import './index.scss'

export interface Entry {
  key: string
  label: string
  icon: IconName
  onClick: () => void
}

export function EntryGrid({ entries }: { entries: Entry[] }): React.ReactElement {
  return (
    <View className='entry-grid'>
      {entries.map((e) => (
        <View className='entry-grid__item' key={e.key} data-testid={`entry-${e.key}`} onClick={e.onClick}>
          <View className='entry-grid__icon'>
            <Icon name={e.icon} size={26} color='#c8161d' />
          </View>
          <Text className='entry-grid__label'>{e.label}</Text>
        </View>
      ))}
    </View>
  )
}
