/**
 * 我的 → 消息提醒: what the member will receive per topic (with a switch each; meetings they are 应到 for
 * cannot be switched off), how many WeChat messages each template may still bring, and "开启/补充提醒",
 * which asks WeChat for up to three templates right in the tap. Whatever is not pushed still lands on
 * 首页 → 我的待办.
 */
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Switch } from '@nutui/nutui-react-taro'
import type { ReminderSettings } from '@shared/contract/reminders'
import { useRequireBound } from '@/features/org/use-me'
import { PageError, PageLoading } from '@/components/PageState'
import { topUpLabel, useReminderSettings, wantedTemplates } from '@/features/reminders/use-reminders'
import '@/styles/nutui-forms'
import './index.scss'

function Quotas({ settings }: { settings: ReminderSettings }): React.ReactElement {
  const wanted = wantedTemplates(settings)
  return (
    <>
      {settings.templates.map((t) => (
        <View key={t.key} className='reminders-quota' data-testid={`quota-${t.key}`}>
          <Text className='reminders-quota__title'>{t.title}</Text>
          <Text className={`reminders-quota__count${t.remaining > 0 ? ' reminders-quota__count--on' : ''}`}>
            {t.remaining > 0 ? `还可接收 ${t.remaining} 次` : wanted.includes(t.key) ? '未开启' : '无需开启'}
          </Text>
        </View>
      ))}
    </>
  )
}

export default function ReminderSettingsPage(): React.ReactElement {
  const bound = useRequireBound()
  const { data, error, loading, reload, toggle, topUp } = useReminderSettings()

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  if ((error && !data) || (bound.error && !bound.me)) {
    return (
      <View className='page'>
        <PageError message={(error ?? bound.error)?.message ?? ''} onRetry={() => void reload()} />
      </View>
    )
  }
  if (loading || !data) {
    return (
      <View className='page'>
        <PageLoading cards={3} />
      </View>
    )
  }

  return (
    <View className='page reminders' data-testid='reminders-settings'>
      <View className='card reminders-intro'>
        <Text className='reminders-intro__title'>微信消息提醒</Text>
        <Text className='reminders-intro__text'>
          每同意一次，可收到一条对应的微信提醒。次数用完后，提醒仍会出现在首页“我的待办”中。为免打扰，每天最多推送{data.dailyLimit}
          条，即将开始的会议除外。
        </Text>
      </View>

      <View className='card'>
        <View className='card__title'>可接收次数</View>
        <Quotas settings={data} />
        <Button className='reminders-topup' type='primary' size='large' block loading={topUp.pending} data-testid='reminders-topup' onClick={() => void topUp.run()}>
          {topUpLabel(data)}
        </Button>
        <Text className='reminders-hint'>微信每次最多开启3项，可多次点击补充。</Text>
      </View>

      <View className='card'>
        <View className='card__title'>接收哪些提醒</View>
        {data.topics.map((t) => (
          <View key={t.topic} className='reminders-topic' data-testid={`topic-${t.topic}`}>
            <View className='reminders-topic__main'>
              <Text className='reminders-topic__label'>{t.label}</Text>
              <Text className='reminders-topic__desc'>{t.description}</Text>
              {!t.available ? <Text className='reminders-topic__soon'>暂未开通</Text> : null}
            </View>
            {t.locked ? (
              <Text className='reminders-topic__locked'>始终开启</Text>
            ) : (
              <Switch
                className='reminders-topic__switch'
                checked={t.enabled}
                disabled={!t.available || toggle.pending}
                onChange={(v: boolean) => void toggle.run(t.topic, v)}
              />
            )}
          </View>
        ))}
      </View>
    </View>
  )
}
