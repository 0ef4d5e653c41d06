/**
 * The review dialog for one 申报: 通过 at once; 调整 needs the new points and a reason; 不通过 needs a
 * reason (the member sees it). Used by the review queue and the entry page.
 */
import { useEffect, useState } from 'react'
import { View, Text, Input, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Popup } from '@nutui/nutui-react-taro'
import type { EntryView, ReviewDecision } from '@shared/contract/points'
import { api } from '@/services/api'
import { useAction } from '@/features/common/use-action'
import { signed } from './labels'
import '@/styles/nutui-forms'
import './points.scss'

export interface ReviewTarget {
  entry: EntryView
  decision: Exclude<ReviewDecision, 'approve'>
}

export function ReviewSheet({ target, onClose, onDone }: { target: ReviewTarget | null; onClose: () => void; onDone: (e: EntryView) => void }): React.ReactElement {
  const [points, setPoints] = useState('')
  const [reason, setReason] = useState('')
  const review = useAction(api.points.reviewEntry)
  useEffect(() => {
    setPoints(target ? String(target.entry.awarded ?? target.entry.points) : '')
    setReason('')
  }, [target])

  const submit = async (): Promise<void> => {
    if (!target) return
    const why = reason.trim()
    if (why === '') {
      void Taro.showToast({ title: target.decision === 'adjust' ? '请填写调整理由' : '请填写不通过的理由', icon: 'none' })
      return
    }
    let value: number | undefined
    if (target.decision === 'adjust') {
      value = Number(points)
      if (!Number.isFinite(value) || value <= 0 || Math.round(value * 100) !== value * 100) {
        void Taro.showToast({ title: '请填写大于0的分值（最多两位小数）', icon: 'none' })
        return
      }
    }
    const r = await review.run({ entryId: target.entry.id, decision: target.decision, reason: why, ...(value !== undefined ? { points: value } : {}) })
    if (r) onDone(r)
  }

  const e = target?.entry
  return (
    <Popup visible={target !== null} position='bottom' round onClose={onClose}>
      <View className='pts-sheet' data-testid='review-sheet'>
        <Text className='pts-sheet__title'>{target?.decision === 'adjust' ? '调整分值' : '不予通过'}</Text>
        {e ? (
          <View className='pts-sheet__sub'>
            {e.memberName}：{e.itemName}（申报 {signed(e.kind === 'add' ? e.points : -e.points)} 分）
          </View>
        ) : null}
        {target?.decision === 'adjust' ? (
          <>
            <Text className='pts-label'>调整后的分值</Text>
            <Input className='pts-input' type='digit' data-testid='review-points' value={points} onInput={(ev) => setPoints(ev.detail.value)} />
          </>
        ) : null}
        <Text className='pts-label'>理由（党员可以看到）</Text>
        <Textarea
          className='pts-input pts-textarea'
          data-testid='review-reason'
          value={reason}
          maxlength={200}
          placeholder={target?.decision === 'adjust' ? '如：佐证材料不完整，按一半计分' : '如：属于本职工作，不符合加分条件'}
          onInput={(ev) => setReason(ev.detail.value)}
        />
        <View className='pts-actions'>
          <Button size='large' onClick={onClose}>
            取消
          </Button>
          <Button type={target?.decision === 'reject' ? 'danger' : 'primary'} size='large' loading={review.pending} data-testid='review-confirm' onClick={() => void submit()}>
            {target?.decision === 'adjust' ? '确认调整' : '不予通过'}
          </Button>
        </View>
      </View>
    </Popup>
  )
}
