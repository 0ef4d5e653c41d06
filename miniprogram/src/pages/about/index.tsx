/**
 * 关于: what the app is for and whose rules it follows.
 */
import { View, Text } from '@tarojs/components'
import { Icon } from '@/components/Icon'
import './index.scss'

export default function AboutPage(): React.ReactElement {
  return (
    <View className='page about' data-testid='about-page'>
      <View className='about__head'>
        <View className='about__logo'>
          <Icon name='shield' size={40} color='#ffffff' strokeWidth={1.6} />
        </View>
        <Text className='about__name'>支部助手</Text>
        <Text className='about__tagline'>党支部“五化”建设工作助手</Text>
      </View>
      <View className='card about__body'>
        <Text className='about__p'>
          支部助手帮助党支部落实组织生活、党员管理、党费收缴、民主评议等日常工作，做到有计划、有记录、有提醒。
        </Text>
        <Text className='about__p'>
          规则依据《中国共产党支部工作条例（试行）》和湖南省委组织部《关于推进党支部“五化”建设的意见》（湘组发〔2018〕6号）等文件，各支部可按上级要求选择适用的规则版本。
        </Text>
        <Text className='about__p about__p--muted'>本应用不做每日打卡、积分排名或在线时长统计。</Text>
      </View>
    </View>
  )
}
