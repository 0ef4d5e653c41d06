/** The head of an identity page (绑定党员身份, 上级党委管理员 setup): a red emblem, a title and a line of explanation. */
import { View, Text } from '@tarojs/components'
import { Icon } from '../Icon'
import './index.scss'

export function PageIntro({ title, desc }: { title: string; desc: string }): React.ReactElement {
  return (
    <View className='page-intro'>
      <View className='page-intro__emblem'>
        <Icon name='shield' size={40} color='#ffffff' strokeWidth={1.6} />
      </View>
      <Text className='page-intro__title'>{title}</Text>
      <Text className='page-intro__desc'>{desc}</Text>
    </View>
  )
}
