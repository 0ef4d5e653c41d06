/**
 * 我的党费 (我的 → 党费): this month's amount and status, 党费交至, arrears, the 核定 in force with its band,
 * and the history; "我已缴纳" opens the self-report. With `?memberId=` the 党费管理员 / 书记 see a member's
 * page and record a payment instead.
 */
import { useEffect, useState } from 'react'
import { View, Text, Input, Picker as NativePicker } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, Popup } from '@nutui/nutui-react-taro'
import { dues, type MemberDues } from '@shared/contract/dues'
import { DUES_CATEGORIES, type DuesCategory } from '@shared/contract/org'
import { getProfile } from '@shared/profiles'
import { DUES_BASE_LABELS, isRateCategory } from '@shared/rules/dues/categories'
import { yuanToFen } from '@shared/rules/money'
import { ROUTES } from '@/constants/routes'
import { AccessGate, type BoundMe } from '@/components/AccessGate'
import { PageError, PageLoading } from '@/components/PageState'
import { checkRow, NO_RELIEF } from '@/features/dues/base-form'
import { DUES_CATEGORY_LABELS, monthCN, yuan } from '@/features/dues/labels'
import { PaymentDialog, type PaymentTarget } from '@/features/dues/PaymentDialog'
import { MonthRow, StatusTag } from '@/features/dues/ui'
import { useMemberDues } from '@/features/dues/use-dues'
import { formatDate } from '@/utils/format'
import { go } from '@/utils/nav'
import '@/styles/nutui-forms'
import './index.scss'
import { SubscribeCard } from '@/features/reminders/components/SubscribeCard'
import { useReloadOnReturn } from '@/features/common/use-reload-on-return'
import { useSubmitBase } from '@/features/dues/use-submit-base'

const CATEGORY_OPTIONS = DUES_CATEGORIES.map((c) => ({ value: c, label: DUES_CATEGORY_LABELS[c] }))

function SubmitBase({ me, data, onClose, onDone }: { me: BoundMe; data: MemberDues; onClose: () => void; onDone: () => void }): React.ReactElement {
  const [category, setCategory] = useState<DuesCategory>(data.current?.category ?? 'employed')
  const [base, setBase] = useState('')
  const [note, setNote] = useState('')
  const submit = useSubmitBase()
  const check = checkRow(
    { memberId: data.memberId, name: data.name, category, base, farmer: '', relief: NO_RELIEF, original: { category: '', base: '', farmer: '', relief: NO_RELIEF } },
    // The branch's profile rounding, as the server will apply it (overrides aside, a preview only).
    { rounding: getProfile(me.branch.profileId).dues.rounding, farmerDefaultFen: getProfile(me.branch.profileId).dues.farmerDefaultFen, fromMonth: data.currentMonth },
  )
  const send = async (): Promise<void> => {
    if (check.error) {
      void Taro.showToast({ title: check.error, icon: 'none' })
      return
    }
    const r = await submit.run({
      memberId: data.memberId,
      category,
      ...(isRateCategory(category) ? { baseFen: yuanToFen(base.trim()) } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    })
    if (!r) return
    void Taro.showToast({ title: '已提交，等待党费管理员确认', icon: 'none' })
    onDone()
  }
  return (
    <View data-testid='submit-base'>
      <Text className='dues-sheet__title'>提交我的党费基数</Text>
      <View className='dues-sheet__sub'>党费管理员核对后生效。基数为每月工资收入扣除个人所得税后的金额。</View>
      <View className='dues-sheet__label'>党员类别</View>
      <NativePicker mode='selector' range={CATEGORY_OPTIONS.map((o) => o.label)} value={DUES_CATEGORIES.indexOf(category)} onChange={(e) => setCategory(DUES_CATEGORIES[Number(e.detail.value)] ?? 'employed')}>
        <View className='dues-input'>{DUES_CATEGORY_LABELS[category]}</View>
      </NativePicker>
      {isRateCategory(category) ? (
        <>
          <View className='dues-sheet__label'>{DUES_BASE_LABELS[category] ?? '基数'}（元）</View>
          <Input className='dues-input' type='digit' data-testid='submit-base-input' value={base} placeholder='例如 6000.00' onInput={(e) => setBase(e.detail.value)} />
        </>
      ) : null}
      <View className='dues-hint mine-dues__calc'>{check.error ? <Text className='mine-dues__error'>{check.error}</Text> : check.monthlyFen !== null ? `每月应交 ${yuan(check.monthlyFen)} 元（${check.band}）` : ''}</View>
      <View className='dues-sheet__label'>说明</View>
      <Input className='dues-input' value={note} maxlength={100} placeholder='选填，如：7月起工资调整' onInput={(e) => setNote(e.detail.value)} />
      <View className='dues-sheet__actions'>
        <Button size='large' onClick={onClose}>
          取消
        </Button>
        <Button type='primary' size='large' loading={submit.pending} onClick={() => void send()}>
          提交
        </Button>
      </View>
    </View>
  )
}

function DuesView({ me, memberId }: { me: BoundMe; memberId: string | undefined }): React.ReactElement {
  const own = memberId === undefined || memberId === me.member.id
  const { data, loading, error, reload } = useMemberDues(own ? undefined : memberId)
  const [paying, setPaying] = useState<PaymentTarget | null>(null)
  const [submitting, setSubmitting] = useState(false)
  useReloadOnReturn(reload)
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  const name = data?.name
  useEffect(() => {
    if (!own && name) void Taro.setNavigationBarTitle({ title: `${name}的党费` })
  }, [own, name])

  if (error && !data) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (loading && !data) return <View className='page'><PageLoading cards={3} /></View>
  if (!data) return <View className='page'><PageLoading /></View>

  const t = data.thisMonth
  const run = data.arrears.currentRun

  return (
    <View className='page page--with-bar mine-dues' data-testid='dues-page'>
      <SubscribeCard wanted={['dues']} text='开启微信提醒，每月收缴日前会通知您交纳党费。' />
      <View className='mine-dues__hero'>
        <Text className='mine-dues__hero-label'>{monthCN(data.currentMonth)}应交党费</Text>
        <View className='mine-dues__hero-row'>
          <Text className='mine-dues__amount' data-testid='dues-amount'>
            {t.dueFen === null ? '未核定' : yuan(t.dueFen)}
          </Text>
          {t.dueFen !== null ? <Text className='mine-dues__unit'>元</Text> : null}
        </View>
        <View className='mine-dues__hero-foot'>
          <StatusTag status={t.status} testId='dues-status' />
          <Text className='mine-dues__collect'>本月收缴日 {formatDate(data.collectionDate)}</Text>
        </View>
      </View>

      <View className='card mine-dues__facts'>
        <View className='mine-dues__fact'>
          <Text className='mine-dues__fact-label'>党费交至</Text>
          <Text className='mine-dues__fact-value' data-testid='paid-through'>
            {data.paidThrough ? monthCN(data.paidThrough) : '—'}
          </Text>
        </View>
        <View className='mine-dues__fact'>
          <Text className='mine-dues__fact-label'>欠交</Text>
          <Text className={`mine-dues__fact-value${run > 0 ? ' mine-dues__fact-value--warn' : ''}`} data-testid='arrears'>
            {data.arrears.unpaidMonths.length > 0 ? `${data.arrears.unpaidMonths.length}个月 ${yuan(data.arrears.owedFen)}元` : '无'}
          </Text>
        </View>
      </View>

      {run >= 3 ? (
        <View className='card'>
          <View className='dues-rule' data-testid='arrears-warning'>
            {own ? '您' : data.name}已连续{run}个月未交纳党费，请尽快交纳；如有困难，可向党支部说明情况申请减免。
          </View>
        </View>
      ) : null}

      <View className='card'>
        <View className='card__title'>
          <Text>党费核定</Text>
          {own ? (
            <Text className='card__title-extra mine-dues__link' data-testid='open-submit-base' onClick={() => setSubmitting(true)}>
              基数有变化？
            </Text>
          ) : null}
        </View>
        {data.current ? (
          <View className='mine-dues__base' data-testid='dues-base'>
            <View className='info-line'>
              <Text className='info-line__label'>党员类别</Text>
              <Text className='info-line__value'>{DUES_CATEGORY_LABELS[data.current.category]}</Text>
            </View>
            {data.current.baseFen !== null ? (
              <View className='info-line'>
                <Text className='info-line__label'>党费基数</Text>
                <Text className='info-line__value'>{yuan(data.current.baseFen)} 元</Text>
              </View>
            ) : null}
            <View className='info-line'>
              <Text className='info-line__label'>每月交纳</Text>
              <Text className='info-line__value'>{yuan(data.current.monthlyFen)} 元</Text>
            </View>
            <Text className='dues-hint'>
              {data.current.band}
              {data.current.relief ? `；已批准${data.current.relief.kind === 'exempt' ? '免交' : '减交'}（${data.current.relief.approvalRef}）` : ''}；自{monthCN(data.current.fromMonth)}起执行
            </Text>
          </View>
        ) : (
          <Text className='dues-hint'>尚未核定党费，请联系党费管理员。</Text>
        )}
        {data.proposal ? (
          <Text className='dues-hint mine-dues__proposal'>
            已提交：{DUES_CATEGORY_LABELS[data.proposal.category]}
            {data.proposal.baseFen !== null ? `，基数 ${yuan(data.proposal.baseFen)} 元` : ''}，等待党费管理员确认
          </Text>
        ) : null}
      </View>

      <View className='card'>
        <View className='card__title'>缴纳记录</View>
        {data.history.length === 0 ? <Text className='dues-hint'>暂无记录</Text> : data.history.map((m) => <MonthRow key={m.month} m={m} />)}
      </View>

      <View className='card mine-dues__nav' data-testid='open-publications' onClick={() => go(ROUTES.duesPublications)}>
        <Text>党费收缴公示</Text>
        <Text className='muted'>›</Text>
      </View>

      <View className='bottom-bar'>
        {own ? (
          data.reportable.length === 0 ? (
            <View className='mine-dues__paid-through' data-testid='paid-through-state'>
              <Text>{data.paidThrough ? `党费已交至${monthCN(data.paidThrough)}，暂无待交党费` : '暂无待交党费'}</Text>
            </View>
          ) : (
            <Button type='primary' size='large' block data-testid='report-paid' onClick={() => go(ROUTES.duesReport)}>
              我已缴纳
            </Button>
          )
        ) : (
          <Button type='primary' size='large' block data-testid='record-payment' onClick={() => setPaying({ memberId: data.memberId, name: data.name })}>
            登记缴费
          </Button>
        )}
      </View>

      <PaymentDialog
        target={paying}
        onClose={() => setPaying(null)}
        onDone={() => {
          setPaying(null)
          void reload()
        }}
      />
      <Popup visible={submitting} position='bottom' round onClose={() => setSubmitting(false)}>
        <View className='dues-sheet'>
          {submitting ? (
            <SubmitBase
              me={me}
              data={data}
              onClose={() => setSubmitting(false)}
              onDone={() => {
                setSubmitting(false)
                void reload()
              }}
            />
          ) : null}
        </View>
      </Popup>
    </View>
  )
}

export default function MyDuesPage(): React.ReactElement {
  const { params } = useRouter()
  return <AccessGate action={dues.actions.memberDues}>{(me) => <DuesView me={me} memberId={params.memberId || undefined} />}</AccessGate>
}
