/**
 * 审核积分申报: the queue filtered by month, 党小组 and status. Each 申报 shows what was done and its photos;
 * 通过, 调整 (with a reason) or 不通过 (with a reason); several can be approved at once. 党小组长 see their
 * own group and give the first review; a 支委 gives the final one. Nobody reviews their own.
 */
import { useMemo, useState } from 'react'
import { View, Text, Checkbox } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { points, type EntryView } from '@shared/contract/points'
import { beijingMonth, shiftMonth } from '@shared/rules/time'
import { ROUTES } from '@/constants/routes'
import { AccessGate, type BoundMe } from '@/components/AccessGate'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { isCommittee } from '@/features/org/permissions'
import { BATCH_MAX, batchChosen, batchable } from '@/features/points/entries'
import { monthLabel, signed } from '@/features/points/labels'
import { ReviewSheet, type ReviewTarget } from '@/features/points/ReviewSheet'
import { StatusTag } from '@/features/points/ui'
import { PhotoGrid } from '@/components/PhotoGrid'
import { useReviewQueue, type QueueFilter } from '@/features/points/use-points'
import { useReloadOnReturn } from '@/features/common/use-reload-on-return'
import { go } from '@/utils/nav'
import '@/styles/nutui-forms'
import '@/features/points/points.scss'
import { useReviewBatch, useReviewEntry } from '@/features/points/use-review-entry'
import './index.scss'

const STATUS_CHIPS: { value: QueueFilter['status']; label: string }[] = [
  { value: 'pending', label: '待审核' },
  { value: 'approved', label: '已通过' },
  { value: 'rejected', label: '未通过' },
  { value: 'all', label: '全部' },
]

function Card({ e, selected, onSelect, onApprove, onReview, busy }: {
  e: EntryView
  selected: boolean
  onSelect: (on: boolean) => void
  onApprove: () => void
  onReview: (t: ReviewTarget) => void
  busy: boolean
}): React.ReactElement {
  const last = e.reviews[e.reviews.length - 1]
  return (
    <View className='card rq-card' data-testid='queue-card' data-entry-id={e.id} data-member-id={e.memberId}>
      <View className='rq-card__head'>
        {e.canReview ? (
          <View className='rq-card__check' onClick={() => onSelect(!selected)}>
            <Checkbox value={e.id} checked={selected} color='#c8161d' />
          </View>
        ) : null}
        <View className='rq-card__who' onClick={() => go(ROUTES.pointsEntry, { id: e.id })}>
          <Text className='rq-card__name'>{e.memberName}</Text>
          <Text className='rq-card__item'>
            {monthLabel(e.month)} · {e.itemName}
            {e.count > 1 ? ` ×${e.count}` : ''}
          </Text>
        </View>
        <View className='rq-card__side'>
          <Text className='rq-card__points'>{signed(e.counted ?? e.awarded ?? e.points)}</Text>
          <StatusTag status={e.status} />
        </View>
      </View>
      <Text className='rq-card__desc'>{e.description}</Text>
      <PhotoGrid photos={e.photos} />
      {e.capNote ? <Text className='pts-entry__note'>{e.capNote}</Text> : null}
      {last ? (
        <Text className='pts-hint'>
          {last.stage === 'group' ? '党小组长' : '支委'}
          {last.byName}
          {last.decision === 'approve' ? '已通过' : last.decision === 'adjust' ? `调整为${last.points}分` : '不通过'}
          {last.reason ? `：${last.reason}` : ''}
        </Text>
      ) : null}
      {e.canReview ? (
        <View className='rq-card__actions'>
          <Button size='large' data-testid='queue-reject' onClick={() => onReview({ entry: e, decision: 'reject' })}>
            不通过
          </Button>
          <Button size='large' data-testid='queue-adjust' onClick={() => onReview({ entry: e, decision: 'adjust' })}>
            调整
          </Button>
          <Button size='large' type='primary' loading={busy} data-testid='queue-approve' onClick={onApprove}>
            通过
          </Button>
        </View>
      ) : null}
    </View>
  )
}

function Queue({ me }: { me: BoundMe }): React.ReactElement {
  const committee = isCommittee(me)
  const thisMonth = beijingMonth(Date.now())
  const [status, setStatus] = useState<QueueFilter['status']>('pending')
  const [month, setMonth] = useState<string | undefined>(undefined)
  const [groupId, setGroupId] = useState<string | undefined>(committee ? undefined : (me.member.groupId ?? undefined))
  const { data, error, loading, reload } = useReviewQueue({ status, month, groupId })
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [reviewing, setReviewing] = useState<ReviewTarget | null>(null)
  const [busyId, setBusyId] = useState<string | null>(null)
  const approve = useReviewEntry()
  const batch = useReviewBatch()
  useReloadOnReturn(reload)
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  const months = useMemo(() => [0, 1, 2].map((n) => shiftMonth(thisMonth, -n)), [thisMonth])
  const entries = data?.entries ?? []
  const reviewable = batchable(entries)
  const chosen = batchChosen(reviewable, selected)

  const after = (msg: string): void => {
    setSelected(new Set())
    void Taro.showToast({ title: msg, icon: 'success' })
    void reload()
  }
  const approveOne = async (e: EntryView): Promise<void> => {
    setBusyId(e.id)
    const r = await approve.run({ entryId: e.id, decision: 'approve' })
    setBusyId(null)
    if (r) after(r.status === 'approved' ? `已通过，计${r.counted ?? 0}分` : '已转支委审核')
  }
  const approveMany = async (): Promise<void> => {
    const ids = chosen.slice(0, BATCH_MAX)
    if (ids.length === 0) return
    const { confirm } = await Taro.showModal({ title: '批量通过', content: `通过选中的 ${ids.length} 条申报？`, confirmText: '通过', confirmColor: '#c8161d' })
    if (!confirm) return
    const r = await batch.run({ entryIds: ids })
    if (r) after(`通过${r.approved + r.forwarded}条${r.skipped.length ? `，跳过${r.skipped.length}条` : ''}`)
  }

  return (
    <View className={`page review-queue${reviewable.length ? ' page--with-bar' : ''}`} data-testid='review-page'>
      <View className='card rq-filters'>
        <View className='pts-chips pts-chips--scroll'>
          {STATUS_CHIPS.map((c) => (
            <Text key={c.value} className={`pts-chip${status === c.value ? ' pts-chip--on' : ''}`} data-testid='filter-status' onClick={() => setStatus(c.value)}>
              {c.label}
            </Text>
          ))}
        </View>
        <View className='pts-chips pts-chips--scroll rq-filters__row'>
          <Text className={`pts-chip${month === undefined ? ' pts-chip--on' : ''}`} onClick={() => setMonth(undefined)}>
            全部月份
          </Text>
          {months.map((m) => (
            <Text key={m} className={`pts-chip${month === m ? ' pts-chip--on' : ''}`} data-testid='filter-month' onClick={() => setMonth(m)}>
              {monthLabel(m)}
            </Text>
          ))}
        </View>
        {committee && me.branch.groups.length > 0 ? (
          <View className='pts-chips pts-chips--scroll rq-filters__row'>
            <Text className={`pts-chip${groupId === undefined ? ' pts-chip--on' : ''}`} onClick={() => setGroupId(undefined)}>
              全部党小组
            </Text>
            {me.branch.groups.map((g) => (
              <Text key={g.id} className={`pts-chip${groupId === g.id ? ' pts-chip--on' : ''}`} data-testid='filter-group' onClick={() => setGroupId(g.id)}>
                {g.name}
              </Text>
            ))}
          </View>
        ) : null}
      </View>

      {error && !data ? (
        <PageError message={error.message} onRetry={() => void reload()} />
      ) : !data || loading ? (
        <PageLoading />
      ) : entries.length === 0 ? (
        <View className='card'>
          <EmptyState text={status === 'pending' ? '没有待审核的积分申报' : '没有符合条件的申报'} icon='check' />
        </View>
      ) : (
        entries.map((e) => (
          <Card
            key={e.id}
            e={e}
            busy={busyId === e.id}
            selected={selected.has(e.id)}
            onSelect={(on) =>
              setSelected((s) => {
                const n = new Set(s)
                if (on) n.add(e.id)
                else n.delete(e.id)
                return n
              })
            }
            onApprove={() => void approveOne(e)}
            onReview={setReviewing}
          />
        ))
      )}

      {reviewable.length > 0 ? (
        <View className='bottom-bar'>
          <Button size='large' onClick={() => setSelected(chosen.length === reviewable.length ? new Set() : new Set(reviewable))}>
            {chosen.length === reviewable.length ? '取消全选' : `全选（${reviewable.length}）`}
          </Button>
          <Button type='primary' size='large' loading={batch.pending} disabled={chosen.length === 0} data-testid='batch-approve' onClick={() => void approveMany()}>
            {chosen.length ? `批量通过（${chosen.length}）` : '批量通过'}
          </Button>
        </View>
      ) : null}

      <ReviewSheet
        target={reviewing}
        onClose={() => setReviewing(null)}
        onDone={() => {
          setReviewing(null)
          after('已提交')
        }}
      />
    </View>
  )
}

export default function ReviewPage(): React.ReactElement {
  return <AccessGate action={points.actions.reviewQueue}>{(me) => <Queue me={me} />}</AccessGate>
}
