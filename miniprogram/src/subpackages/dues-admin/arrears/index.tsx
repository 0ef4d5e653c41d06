/**
 * 欠交提醒: members with unpaid months, longest run first. 3 months → remind and find out why; 6 months →
 * flagged for the 书记 with the rule shown — 自行脱党 is for the 支部大会 to decide, the app never acts.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { dues } from '@shared/contract/dues'
import { ROUTES } from '@/constants/routes'
import { AccessGate } from '@/components/AccessGate'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { monthCN, monthShort, yuan } from '@/features/dues/labels'
import { PaymentDialog, type PaymentTarget } from '@/features/dues/PaymentDialog'
import { useArrears } from '@/features/dues/use-dues'
import { useReloadOnReturn } from '@/features/common/use-reload-on-return'
import { go } from '@/utils/nav'
import '@/features/dues/dues.scss'
import './index.scss'

function List(): React.ReactElement {
  const { data, loading, error, reload } = useArrears()
  const [paying, setPaying] = useState<PaymentTarget | null>(null)
  useReloadOnReturn(reload)
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  if (error && !data) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (loading || !data) return <View className='page'><PageLoading /></View>
  const flagged = data.rows.filter((r) => r.flag === 'lapse-review')

  return (
    <View className='page' data-testid='arrears-page'>
      <View className='card'>
        <Text className='dues-hint'>统计至{monthCN(data.throughMonth)}（已过收缴日的月份）。{data.warnRule}</Text>
      </View>
      {flagged.length > 0 ? (
        <View className='card'>
          <View className='dues-rule' data-testid='lapse-rule'>
            {flagged.map((r) => r.name).join('、')}已连续{data.flagMonths}个月以上未交纳党费。{data.lapseRule}
          </View>
        </View>
      ) : null}
      {data.rows.length === 0 ? (
        <View className='card'>
          <EmptyState text='没有欠交党费的党员' icon='check' />
        </View>
      ) : (
        <View className='arrears__list'>
          {data.rows.map((r) => (
            <View key={r.memberId} className='arrears-row' data-testid='arrears-row' data-member-id={r.memberId} data-flag={r.flag} onClick={() => go(ROUTES.duesMine, { memberId: r.memberId })}>
              <View className='arrears-row__head'>
                <Text className='arrears-row__name'>{r.name}</Text>
                {r.currentRun > 0 ? (
                  <Text className={`arrears-row__badge arrears-row__badge--${r.flag}`}>连续{r.currentRun}个月未交</Text>
                ) : (
                  <Text className='arrears-row__badge arrears-row__badge--none'>有欠交</Text>
                )}
              </View>
              <Text className='arrears-row__line'>
                欠交 {r.unpaidMonths.length} 个月，共 {yuan(r.owedFen)} 元；党费交至 {r.paidThrough ? monthCN(r.paidThrough) : '—'}
              </Text>
              <Text className='dues-hint'>{r.unpaidMonths.slice(-12).map(monthShort).join('、')}</Text>
              <View className='arrears-row__actions' onClick={(e) => e.stopPropagation()}>
                <Text className='arrears-row__pay' data-testid='arrears-pay' onClick={() => setPaying({ memberId: r.memberId, name: r.name })}>
                  登记补交
                </Text>
              </View>
            </View>
          ))}
        </View>
      )}
      <PaymentDialog
        target={paying}
        onClose={() => setPaying(null)}
        onDone={() => {
          setPaying(null)
          void reload()
        }}
      />
    </View>
  )
}

export default function ArrearsPage(): React.ReactElement {
  return <AccessGate action={dues.actions.arrears}>{() => <List />}</AccessGate>
}
