/**
 * A placeholder for features that are not built yet (党费, 积分, 消息提醒 …): `?title=党费`.
 */
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { EmptyState } from '@/components/PageState'
import { back } from '@/utils/nav'

export default function ComingSoonPage(): React.ReactElement {
  const router = useRouter()
  const title = decodeURIComponent(router.params.title ?? '') || '该功能'

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title })
  }, [title])

  return (
    <View className='page' data-testid='coming-soon-page'>
      <View className='card'>
        <EmptyState text={`“${title}”功能即将上线，敬请期待`} icon='clipboard'>
          <Button type='primary' fill='outline' style={{ marginTop: Taro.pxTransform(20), minWidth: Taro.pxTransform(140) }} onClick={back}>
            返回
          </Button>
        </EmptyState>
      </View>
    </View>
  )
}
