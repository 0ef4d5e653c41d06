/**
 * 收缴登记: one month of the branch — each member's amount and status. Tick "收到" records the month in
 * cash today (after a confirmation); "预交/补交" opens the dialog for several months, another method or a
 * 代交 payer; a paid month can be undone with a reason. Reported months link to 待确认.
 */
import { useMemo, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Popup } from '@nutui/nutui-react-taro'
import { dues, type Collection } from '@shared/contract/dues'
import { beijingDate, beijingMonth, shiftMonth } from '@shared/rules/time'
import { ROUTES } from '@/constants/routes'
import { AccessGate } from '@/components/AccessGate'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { monthCN, yuan } from '@/features/dues/labels'
import { PaymentDialog, type PaymentTarget } from '@/features/dues/PaymentDialog'
import { StatusTag } from '@/features/dues/ui'
import { filterRows, useCollection, type CollectionFilter } from '@/features/dues/use-dues'
import { useReloadOnReturn } from '@/features/common/use-reload-on-return'
import { go } from '@/utils/nav'
import '@/styles/nutui-forms'
import { useRecordPayment, useVoidPayment } from '@/features/dues/use-record-payment'
import './index.scss'

const FILTERS: { key: CollectionFilter; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'unpaid', label: '未交' },
  { key: 'reported', label: '待确认' },
  { key: 'paid', label: '已交' },
]
const VOID_REASONS = ['登记错误', '重复登记', '金额有误']

type Row = Collection['rows'][number]

function Screen(): React.ReactElement {
  const current = beijingMonth(new Date())
  const [month, setMonth] = useState(current)
  const { data, loading, error, reload } = useCollection(month)
  const [filter, setFilter] = useState<CollectionFilter>('all')
  const [paying, setPaying] = useState<PaymentTarget | null>(null)
  const [voiding, setVoiding] = useState<Row | null>(null)
  const [reason, setReason] = useState(VOID_REASONS[0] as string)
  const record = useRecordPayment()
  const undo = useVoidPayment()
  useReloadOnReturn(reload)
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  const rows = useMemo(() => filterRows(data?.rows ?? [], filter), [data, filter])

  const tick = async (r: Row): Promise<void> => {
    if (r.entry.dueFen === null) return
    const { confirm } = await Taro.showModal({
      title: '确认收到党费',
      content: `${r.name} ${monthCN(month)} ${yuan(r.entry.dueFen)} 元（现金，今天）`,
      confirmText: '确认收到',
      confirmColor: '#c8161d',
    })
    if (!confirm) return
    const done = await record.run({ memberId: r.memberId, months: [month], paidOn: beijingDate(new Date()), method: 'cash', amountFen: r.entry.dueFen })
    if (done) {
      void Taro.showToast({ title: '已登记', icon: 'success' })
      void reload()
    }
  }

  const confirmVoid = async (): Promise<void> => {
    if (!voiding) return
    const done = await undo.run({ memberId: voiding.memberId, month, reason })
    if (done) {
      setVoiding(null)
      void Taro.showToast({ title: '已撤销', icon: 'success' })
      void reload()
    }
  }

  const t = data?.totals
  const minMonth = shiftMonth(current, -12)
  const maxMonth = shiftMonth(current, 6)

  return (
    <View className='page collection' data-testid='collection-page'>
      <View className='collection__top'>
        <View className='collection__months'>
          <View className={`collection__arrow${month <= minMonth ? ' collection__arrow--off' : ''}`} data-testid='month-prev' onClick={() => month > minMonth && setMonth(shiftMonth(month, -1))}>
            ‹
          </View>
          <Text className='collection__month' data-testid='collection-month'>
            {monthCN(month)}
          </Text>
          <View className={`collection__arrow${month >= maxMonth ? ' collection__arrow--off' : ''}`} data-testid='month-next' onClick={() => month < maxMonth && setMonth(shiftMonth(month, 1))}>
            ›
          </View>
        </View>
        {t ? (
          <Text className='collection__summary' data-testid='collection-summary'>
            已收 {yuan(t.paidFen)} / 应收 {yuan(t.dueFen)} 元 · 已交 {t.paid} 人 · 未交 {t.unpaid} 人{t.reported ? ` · 待确认 ${t.reported} 人` : ''}
          </Text>
        ) : null}
        <View className='collection__chips'>
          {FILTERS.map((f) => (
            <View key={f.key} className={`collection__chip${filter === f.key ? ' collection__chip--on' : ''}`} data-testid={`filter-${f.key}`} onClick={() => setFilter(f.key)}>
              <Text>{f.label}</Text>
            </View>
          ))}
        </View>
      </View>

      {error && !data ? (
        <PageError message={error.message} onRetry={() => void reload()} />
      ) : loading && !data ? (
        <PageLoading />
      ) : rows.length === 0 ? (
        <View className='card'>
          <EmptyState text='没有符合条件的党员' icon='users' />
        </View>
      ) : (
        <View className='collection__list' data-testid='collection-list'>
          {rows.map((r) => (
            <View key={r.memberId} className='collection-row' data-testid='collection-row' data-member-id={r.memberId} data-status={r.entry.status} onClick={() => go(ROUTES.duesMine, { memberId: r.memberId })}>
              <View className='collection-row__main'>
                <Text className='collection-row__name'>{r.name}</Text>
                <Text className='collection-row__sub'>
                  {r.paidThrough ? `交至${monthCN(r.paidThrough)}` : '尚无记录'}
                  {r.currentRun > 0 ? <Text className={`collection-row__run collection-row__run--${r.flag}`}> · 欠{r.currentRun}个月</Text> : null}
                  {r.entry.shortFen > 0 ? <Text className='collection-row__run collection-row__run--warn'> · 需补差额{yuan(r.entry.shortFen)}元</Text> : null}
                </Text>
              </View>
              <View className='collection-row__side'>
                <Text className='collection-row__amount'>{r.entry.dueFen === null ? '未核定' : `${yuan(r.entry.dueFen)}元`}</Text>
                <StatusTag status={r.entry.status} />
              </View>
              <View className='collection-row__action' onClick={(e) => e.stopPropagation()}>
                {r.entry.status === 'unpaid' || r.entry.status === 'overdue' || r.entry.status === 'rejected' ? (
                  <Button size='small' type='primary' data-testid='tick-paid' onClick={() => void tick(r)}>
                    收到
                  </Button>
                ) : r.entry.status === 'reported' ? (
                  <Button size='small' type='primary' fill='outline' data-testid='go-confirm' onClick={() => go(ROUTES.duesReports)}>
                    确认
                  </Button>
                ) : r.entry.status === 'paid' ? (
                  <Text className='collection-row__undo' data-testid='void-paid' onClick={() => setVoiding(r)}>
                    撤销
                  </Text>
                ) : null}
                {r.entry.dueFen !== null ? (
                  <Text className='collection-row__more' data-testid='open-payment' onClick={() => setPaying({ memberId: r.memberId, name: r.name, months: [month] })}>
                    预交/补交
                  </Text>
                ) : null}
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
      <Popup visible={voiding !== null} position='bottom' round onClose={() => setVoiding(null)}>
        <View className='dues-sheet' data-testid='void-dialog'>
          <Text className='dues-sheet__title'>撤销登记</Text>
          <View className='dues-sheet__sub'>
            撤销{voiding?.name}{monthCN(month)}的党费登记（{yuan(voiding?.entry.paidFen ?? 0)} 元）。撤销会记入操作日志。
          </View>
          <View className='dues-chips'>
            {VOID_REASONS.map((x) => (
              <View key={x} className={`dues-chip${reason === x ? ' dues-chip--on' : ''}`} onClick={() => setReason(x)}>
                <Text>{x}</Text>
              </View>
            ))}
          </View>
          <View className='dues-sheet__actions'>
            <Button size='large' onClick={() => setVoiding(null)}>
              取消
            </Button>
            <Button type='danger' size='large' loading={undo.pending} data-testid='void-confirm' onClick={() => void confirmVoid()}>
              确认撤销
            </Button>
          </View>
        </View>
      </Popup>
    </View>
  )
}

export default function CollectionPage(): React.ReactElement {
  return <AccessGate action={dues.actions.collection}>{() => <Screen />}</AccessGate>
}
