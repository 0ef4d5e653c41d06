/**
 * One entry: item, points (what counted, with the cap note), what was done, photos, where an automatic
 * entry comes from, and the review trail. The member edits or withdraws an unreviewed 申报; a reviewer
 * approves, adjusts or rejects it here.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { points, type EntryView } from '@shared/contract/points'
import { ROUTES } from '@/constants/routes'
import { AccessGate } from '@/components/AccessGate'
import { PageError, PageLoading } from '@/components/PageState'
import { entryPoints, monthLabel, ORIGIN_LABELS, signed } from '@/features/points/labels'
import { ReviewSheet, type ReviewTarget } from '@/features/points/ReviewSheet'
import { StatusTag } from '@/features/points/ui'
import { PhotoGrid } from '@/components/PhotoGrid'
import {  } from '@/features/points/use-points'
import { useReloadOnReturn } from '@/features/common/use-reload-on-return'
import { formatInstant } from '@/utils/format'
import { go } from '@/utils/nav'
import '@/styles/nutui-forms'
import '@/features/points/points.scss'
import { usePointsEntry } from '@/features/points/use-declare'
import { useReviewEntry } from '@/features/points/use-review-entry'

const DECISIONS = { approve: '通过', adjust: '调整', reject: '不通过' } as const
const STAGES = { group: '党小组长', committee: '支委' } as const

function Row({ label, value, testId }: { label: string; value: string; testId?: string }): React.ReactElement {
  return (
    <View className='pts-row'>
      <Text className='pts-row__label'>{label}</Text>
      <Text className='pts-row__value' data-testid={testId}>
        {value}
      </Text>
    </View>
  )
}

function Entry({ entryId }: { entryId: string }): React.ReactElement {
  const { data: e, error, reload, setData } = usePointsEntry(entryId)
  const [reviewing, setReviewing] = useState<ReviewTarget | null>(null)
  const approve = useReviewEntry()
  useReloadOnReturn(reload)
  if (error && !e) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (!e) return <View className='page'><PageLoading /></View>

  const p = entryPoints(e)
  const doApprove = async (entry: EntryView): Promise<void> => {
    const { confirm } = await Taro.showModal({ title: '审核通过', content: `${entry.memberName}：${entry.itemName} ${signed(entry.awarded ?? entry.points)}分`, confirmText: '通过', confirmColor: '#c8161d' })
    if (!confirm) return
    const r = await approve.run({ entryId: entry.id, decision: 'approve' })
    if (r) {
      setData(r)
      void Taro.showToast({ title: r.status === 'approved' ? '已通过' : '已转支委审核', icon: 'success' })
    }
  }

  return (
    <View className={`page${e.canEdit || e.canReview ? ' page--with-bar' : ''}`} data-testid='entry-page' data-status={e.status}>
      <View className='card'>
        <View className='card__title'>
          <Text>{e.itemName}</Text>
          <StatusTag status={e.status} testId='entry-status' />
        </View>
        <Row label='党员' value={e.memberName} />
        <Row label='月份' value={monthLabel(e.month, true)} />
        <Row label='来源' value={e.source ? `${ORIGIN_LABELS[e.origin]}（${e.source.label}）` : ORIGIN_LABELS[e.origin]} />
        <Row label='申报分值' value={`${signed(e.kind === 'add' ? e.points : -e.points)}${e.count > 1 ? `（${e.count}次）` : ''}`} />
        {e.awarded !== null ? <Row label='调整为' value={signed(e.kind === 'add' ? e.awarded : -e.awarded)} /> : null}
        <Row label='计入积分' value={p.counts ? p.text : '—'} testId='entry-counted' />
        {e.capNote ? <View className='pts-warn entry__note'>{e.capNote}</View> : null}
      </View>

      <View className='card'>
        <View className='card__title'>
          <Text>{e.origin === 'declared' ? '做了什么' : '说明'}</Text>
        </View>
        <Text className='entry__text'>{e.description || '—'}</Text>
        <PhotoGrid photos={e.photos} testId='entry-photos' />
        {e.source ? <Text className='pts-hint'>记录时间 {formatInstant(e.source.occurredAt)}</Text> : null}
      </View>

      {e.reviews.length > 0 ? (
        <View className='card' data-testid='entry-reviews'>
          <View className='card__title'>
            <Text>审核记录</Text>
          </View>
          {e.reviews.map((r, i) => (
            <View key={i} className='pts-review'>
              <Text>
                {STAGES[r.stage]} {r.byName}：{DECISIONS[r.decision]}
                {r.points !== null ? ` ${r.points}分` : ''}
              </Text>
              {r.reason ? <View>理由：{r.reason}</View> : null}
              <Text className='pts-review__by'>{formatInstant(r.at)}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {e.canEdit ? (
        <View className='bottom-bar'>
          <Button type='primary' size='large' data-testid='entry-edit' onClick={() => go(ROUTES.pointsDeclare, { id: e.id })}>
            修改或撤回
          </Button>
        </View>
      ) : e.canReview ? (
        <View className='bottom-bar'>
          <Button size='large' data-testid='entry-reject' onClick={() => setReviewing({ entry: e, decision: 'reject' })}>
            不通过
          </Button>
          <Button size='large' data-testid='entry-adjust' onClick={() => setReviewing({ entry: e, decision: 'adjust' })}>
            调整
          </Button>
          <Button type='primary' size='large' loading={approve.pending} data-testid='entry-approve' onClick={() => void doApprove(e)}>
            通过
          </Button>
        </View>
      ) : null}

      <ReviewSheet
        target={reviewing}
        onClose={() => setReviewing(null)}
        onDone={(r) => {
          setReviewing(null)
          setData(r)
          void Taro.showToast({ title: '已提交', icon: 'success' })
        }}
      />
    </View>
  )
}

export default function EntryPage(): React.ReactElement {
  const id = useRouter().params.id ?? ''
  return <AccessGate action={points.actions.getEntry}>{() => <Entry entryId={id} />}</AccessGate>
}
