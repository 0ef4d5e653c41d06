/**
 * 待确认: members' "我已缴纳" reports — months, amount, method, date, note and the screenshot. 确认 makes
 * the months paid as reported; 退回 needs a reason the member will see.
 */
import { useState } from 'react'
import { View, Text, Image, Textarea } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Popup } from '@nutui/nutui-react-taro'
import { dues, type PendingReport } from '@shared/contract/dues'
import { AccessGate } from '@/components/AccessGate'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { DUES_METHOD_LABELS, monthCN, yuan } from '@/features/dues/labels'
import { usePendingReports } from '@/features/dues/use-dues'
import { useReloadOnReturn } from '@/features/common/use-reload-on-return'
import { previewImage } from '@/platform/files'
import { formatDate, formatInstant } from '@/utils/format'
import '@/styles/nutui-forms'
import '@/features/dues/dues.scss'
import { useReviewReport } from '@/features/dues/use-review-report'
import './index.scss'

function Reports(): React.ReactElement {
  const { data, loading, error, reload } = usePendingReports()
  const [rejecting, setRejecting] = useState<PendingReport | null>(null)
  const [reason, setReason] = useState('')
  const review = useReviewReport()
  useReloadOnReturn(reload)
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  const approve = async (r: PendingReport): Promise<void> => {
    const { confirm } = await Taro.showModal({
      title: '确认已收到',
      content: `${r.name} ${r.months.map((m) => monthCN(m.month)).join('、')} 共 ${yuan(r.amountFen)} 元`,
      confirmText: '确认',
      confirmColor: '#c8161d',
    })
    if (!confirm) return
    const done = await review.run({ memberId: r.memberId, paymentId: r.paymentId, approve: true })
    if (done) {
      void Taro.showToast({ title: '已确认', icon: 'success' })
      void reload()
    }
  }

  const reject = async (): Promise<void> => {
    if (!rejecting) return
    if (reason.trim() === '') {
      void Taro.showToast({ title: '请填写退回原因', icon: 'none' })
      return
    }
    const done = await review.run({ memberId: rejecting.memberId, paymentId: rejecting.paymentId, approve: false, reason: reason.trim() })
    if (done) {
      setRejecting(null)
      setReason('')
      void Taro.showToast({ title: '已退回', icon: 'success' })
      void reload()
    }
  }

  if (error && !data) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (loading && !data) return <View className='page'><PageLoading /></View>
  const items = data?.items ?? []

  return (
    <View className='page' data-testid='reports-page'>
      {items.length === 0 ? (
        <View className='card'>
          <EmptyState text='没有待确认的缴费报告' icon='check' />
        </View>
      ) : (
        items.map((r) => (
          <View key={r.paymentId} className='card report-card' data-testid='report-card' data-member-id={r.memberId}>
            <View className='report-card__head'>
              <Text className='report-card__name'>{r.name}</Text>
              <Text className='report-card__amount'>{yuan(r.amountFen)} 元</Text>
            </View>
            <Text className='report-card__line'>月份：{r.months.map((m) => monthCN(m.month)).join('、')}</Text>
            <Text className='report-card__line'>
              方式：{DUES_METHOD_LABELS[r.method]}，{formatDate(r.paidOn)}交纳
            </Text>
            {r.note ? <Text className='report-card__line'>说明：{r.note}</Text> : null}
            <Text className='dues-hint'>报告时间 {formatInstant(r.at)}</Text>
            {r.screenshotUrl ? (
              <Image className='report-card__shot' src={r.screenshotUrl} mode='aspectFill' data-testid='report-shot' onClick={() => previewImage(r.screenshotUrl as string)} />
            ) : (
              <Text className='dues-hint report-card__noshot'>未附截图</Text>
            )}
            <View className='report-card__actions'>
              <Button size='large' data-testid='report-reject' onClick={() => setRejecting(r)}>
                退回
              </Button>
              <Button size='large' type='primary' loading={review.pending} data-testid='report-approve' onClick={() => void approve(r)}>
                确认收到
              </Button>
            </View>
          </View>
        ))
      )}

      <Popup visible={rejecting !== null} position='bottom' round onClose={() => setRejecting(null)}>
        <View className='dues-sheet' data-testid='reject-dialog'>
          <Text className='dues-sheet__title'>退回缴费报告</Text>
          <View className='dues-sheet__sub'>{rejecting?.name}会看到退回原因，可核对后重新提交。</View>
          <Textarea className='dues-input report-card__reason' data-testid='reject-reason' value={reason} maxlength={100} placeholder='如：未收到转账，请核对' onInput={(e) => setReason(e.detail.value)} />
          <View className='dues-sheet__actions'>
            <Button size='large' onClick={() => setRejecting(null)}>
              取消
            </Button>
            <Button type='danger' size='large' loading={review.pending} data-testid='reject-confirm' onClick={() => void reject()}>
              退回
            </Button>
          </View>
        </View>
      </Popup>
    </View>
  )
}

export default function ReportsPage(): React.ReactElement {
  return <AccessGate action={dues.actions.pendingReports}>{() => <Reports />}</AccessGate>
}
