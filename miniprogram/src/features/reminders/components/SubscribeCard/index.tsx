/**
 * "开启提醒" card at a natural moment (after signing in, on 我的党费): one tap asks WeChat for the
 * relevant subscribe templates. Nothing shows once the member has accepts left; declining is fine —
 * the 首页 to-do list still carries every reminder.
 */
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { TemplateKey } from '@shared/contract/reminders'
import { useSubscribePrompt } from '@/features/reminders/use-subscribe-prompt'
import './index.scss'

export function SubscribeCard({ wanted, text }: { wanted: readonly TemplateKey[]; text: string }): React.ReactElement | null {
  const { needed, ask } = useSubscribePrompt(wanted)
  if (!needed) return null
  const onTap = (): void => {
    void ask().then((accepted) => {
      void Taro.showToast({ title: accepted.length ? '已开启提醒' : '未开启，提醒仍会出现在首页待办中', icon: accepted.length ? 'success' : 'none' })
    })
  }
  return (
    <View className='subscribe-card' data-testid='subscribe-card'>
      <Text className='subscribe-card__text'>{text}</Text>
      <Button className='subscribe-card__btn' type='primary' fill='outline' data-testid='subscribe-card-ask' onClick={onTap}>
        开启提醒
      </Button>
    </View>
  )
}
