/**
 * 基数核定: the whole branch on one screen — category and base per member, the monthly amount and band
 * computed while typing (the shared rules, the branch's rounding), inline errors, members' own
 * submissions to adopt; saving sends the changed rows from the chosen month (all or nothing).
 */
import { useEffect, useMemo, useState } from 'react'
import { View, Text, Input, Picker as NativePicker } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { dues } from '@shared/contract/dues'
import { DUES_CATEGORIES, type DuesCategory } from '@shared/contract/org'
import type { DuesRounding } from '@shared/rules/dues/amount'
import { isRateCategory } from '@shared/rules/dues/categories'
import { formatFen } from '@shared/rules/money'
import { ROUTES } from '@/constants/routes'
import { AccessGate } from '@/components/AccessGate'
import { PageError, PageLoading } from '@/components/PageState'
import { checkRow, entriesToSave, isChanged, rowsFromBaseReview, type BaseRow, type ReliefInput } from '@/features/dues/base-form'
import { DUES_CATEGORY_LABELS, monthCN, yuan } from '@/features/dues/labels'
import { useBaseReview } from '@/features/dues/use-dues'
import { useReloadOnReturn } from '@/features/common/use-reload-on-return'
import { formatDate } from '@/utils/format'
import { go } from '@/utils/nav'
import '@/features/dues/dues.scss'
import { useSetBases } from '@/features/dues/use-set-bases'
import './index.scss'

const CATEGORY_LABELS = DUES_CATEGORIES.map((c) => DUES_CATEGORY_LABELS[c])

const RELIEF_CHOICES: { kind: ReliefInput['kind']; label: string }[] = [
  { kind: 'none', label: '不减免' },
  { kind: 'reduced', label: '减交' },
  { kind: 'exempt', label: '免交' },
]

/**
 * 困难党员减免 on one row: 减交 to an amount or 免交, with the approval it rests on (支部研究、上级批准).
 * Folded away until needed; an approved relief shows as one line.
 */
function ReliefEditor({ value, onChange }: { value: ReliefInput; onChange: (v: ReliefInput) => void }): React.ReactElement {
  const [open, setOpen] = useState(false)
  if (!open) {
    return (
      <Text className='assess-row__relief-link' data-testid='relief-open' onClick={() => setOpen(true)}>
        {value.kind === 'none' ? '困难党员减免 ›' : `已批准${value.kind === 'exempt' ? '免交' : `减交为每月${value.amount}元`}（${value.ref}） 修改 ›`}
      </Text>
    )
  }
  return (
    <View className='assess-row__relief' data-testid='relief-editor'>
      <Text className='dues-hint'>困难党员经支部研究、报上级党委批准，可以少交或免交党费。</Text>
      <View className='assess-row__relief-kinds'>
        {RELIEF_CHOICES.map((c) => (
          <Text
            key={c.kind}
            className={`assess-row__relief-kind${value.kind === c.kind ? ' assess-row__relief-kind--on' : ''}`}
            data-testid={`relief-${c.kind}`}
            onClick={() => onChange({ ...value, kind: c.kind })}
          >
            {c.label}
          </Text>
        ))}
      </View>
      {value.kind === 'reduced' ? (
        <View className='assess-row__base'>
          <Text className='assess-row__unit'>每月</Text>
          <Input className='dues-input' type='digit' data-testid='relief-amount' value={value.amount} placeholder='减交后的金额' onInput={(e) => onChange({ ...value, amount: e.detail.value })} />
          <Text className='assess-row__unit'>元</Text>
        </View>
      ) : null}
      {value.kind !== 'none' ? (
        <View className='assess-row__base assess-row__relief-ref'>
          <Text className='assess-row__unit'>依据</Text>
          <Input
            className='dues-input'
            data-testid='relief-ref'
            value={value.ref}
            maxlength={60}
            placeholder='批准文号或会议记录'
            onInput={(e) => onChange({ ...value, ref: e.detail.value })}
          />
        </View>
      ) : null}
      <Text className='assess-row__relief-link' onClick={() => setOpen(false)}>
        收起
      </Text>
    </View>
  )
}

function Editor(): React.ReactElement {
  const { data, loading, error, reload } = useBaseReview()
  const [rows, setRows] = useState<BaseRow[]>([])
  const [fromMonth, setFromMonth] = useState('')
  const [errorsShown, setErrorsShown] = useState(false)
  const save = useSetBases()
  useReloadOnReturn(reload)

  useEffect(() => {
    if (!data) return
    setRows(rowsFromBaseReview(data))
    setFromMonth((m) => m || data.currentMonth)
  }, [data])

  const opts = useMemo(
    () => ({ rounding: (data?.rounding ?? 'ceil-fen') as DuesRounding, farmerDefaultFen: data?.farmerDefaultFen ?? 20, fromMonth: fromMonth || data?.currentMonth || '2026-01' }),
    [data, fromMonth],
  )
  const changed = rows.filter(isChanged)

  if (error && !data) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (loading || !data) return <View className='page'><PageLoading cards={3} /></View>

  const set = (memberId: string, patch: Partial<BaseRow>) => setRows((rs) => rs.map((r) => (r.memberId === memberId ? { ...r, ...patch } : r)))
  const proposals = new Map(data.rows.filter((r) => r.proposal).map((r) => [r.memberId, r.proposal]))
  const done = data.rows.filter((r) => r.assessedThisYear).length

  const submit = async (): Promise<void> => {
    setErrorsShown(true)
    const plan = entriesToSave(rows, opts)
    if (!plan.ok) {
      void Taro.showToast({ title: plan.message, icon: 'none', duration: 3000 })
      return
    }
    if (plan.entries.length === 0) {
      void Taro.showToast({ title: '没有改动', icon: 'none' })
      return
    }
    const { confirm } = await Taro.showModal({
      title: '保存核定',
      content: `${plan.entries.length}名党员的党费自${monthCN(opts.fromMonth)}起按新核定的金额交纳。`,
      confirmText: '保存',
      confirmColor: '#c8161d',
    })
    if (!confirm) return
    const r = await save.run({ fromMonth: opts.fromMonth, entries: plan.entries })
    if (!r) return
    void Taro.showToast({ title: `已保存${r.updated}人`, icon: 'success' })
    setErrorsShown(false)
    void reload()
  }

  return (
    <View className='page page--with-bar assess' data-testid='base-review-page'>
      <View className='card'>
        <View className='assess__head'>
          <Text className='assess__title'>{data.year}年党费核定</Text>
          <Text className={`assess__progress${data.overdue ? ' assess__progress--late' : ''}`}>
            已核定 {done}/{data.rows.length} 人
          </Text>
        </View>
        <Text className='dues-hint'>
          截止{formatDate(data.deadline)}{data.overdue ? '（已逾期）' : ''}。基数为每月工资收入扣除个人所得税；金额按基数全额分档计算，{data.roundingLabel}。
        </Text>
        <View className='assess__from'>
          <Text className='assess__from-label'>生效月份</Text>
          <NativePicker mode='date' fields='month' value={opts.fromMonth} onChange={(e) => setFromMonth(String(e.detail.value).slice(0, 7))}>
            <View className='dues-input assess__from-value' data-testid='from-month'>
              {monthCN(opts.fromMonth)} ›
            </View>
          </NativePicker>
        </View>
        <Text className='assess__import' data-testid='open-import' onClick={() => go(ROUTES.duesImport)}>
          从 Excel 核算表导入 ›
        </Text>
      </View>

      <View className='assess__list'>
        {rows.map((r) => {
          const c = checkRow(r, opts)
          const showError = c.error && (errorsShown || (r.base.trim() !== '' && r.base.trim() !== r.original.base))
          const proposal = proposals.get(r.memberId)
          return (
            <View key={r.memberId} className={`assess-row${isChanged(r) ? ' assess-row--changed' : ''}`} data-testid='assess-row' data-member-id={r.memberId}>
              <View className='assess-row__top'>
                <Text className='assess-row__name'>{r.name}</Text>
                <Text className='assess-row__amount' data-testid='assess-amount'>
                  {c.monthlyFen !== null ? `每月 ${yuan(c.monthlyFen)} 元` : r.category === '' ? '未核定' : ''}
                </Text>
              </View>
              <View className='assess-row__inputs'>
                <NativePicker
                  mode='selector'
                  range={CATEGORY_LABELS}
                  value={r.category === '' ? 0 : DUES_CATEGORIES.indexOf(r.category)}
                  onChange={(e) => set(r.memberId, { category: DUES_CATEGORIES[Number(e.detail.value)] as DuesCategory })}
                >
                  <View className='dues-input assess-row__cat' data-testid='assess-category'>
                    {r.category === '' ? '选择类别' : DUES_CATEGORY_LABELS[r.category].replace(/党员$/, '')} ▾
                  </View>
                </NativePicker>
                {r.category !== '' && isRateCategory(r.category) ? (
                  <View className='assess-row__base'>
                    <Input className='dues-input' type='digit' data-testid='assess-base' value={r.base} placeholder='基数' onInput={(e) => set(r.memberId, { base: e.detail.value })} />
                    <Text className='assess-row__unit'>元</Text>
                  </View>
                ) : r.category === 'farmer' ? (
                  <View className='assess-row__base'>
                    <Input className='dues-input' type='digit' value={r.farmer} placeholder={formatFen(data.farmerDefaultFen)} onInput={(e) => set(r.memberId, { farmer: e.detail.value })} />
                    <Text className='assess-row__unit'>元/月</Text>
                  </View>
                ) : null}
              </View>
              {showError ? (
                <Text className='assess-row__error' data-testid='assess-error'>
                  {c.error}
                </Text>
              ) : c.band ? (
                <Text className='assess-row__band' data-testid='assess-band'>
                  {c.band}
                </Text>
              ) : null}
              {r.category !== '' ? <ReliefEditor value={r.relief} onChange={(relief) => set(r.memberId, { relief })} /> : null}
              {proposal ? (
                <View className='assess-row__proposal'>
                  <Text>
                    本人提交：{DUES_CATEGORY_LABELS[proposal.category]}
                    {proposal.baseFen !== null ? ` ${yuan(proposal.baseFen)}元` : ''}
                    {proposal.note ? `（${proposal.note}）` : ''}
                  </Text>
                  <Text
                    className='assess-row__adopt'
                    onClick={() => set(r.memberId, { category: proposal.category, base: proposal.baseFen !== null ? formatFen(proposal.baseFen) : r.base })}
                  >
                    采用
                  </Text>
                </View>
              ) : null}
            </View>
          )
        })}
      </View>

      <View className='bottom-bar'>
        <Button type='primary' size='large' block loading={save.pending} disabled={changed.length === 0} data-testid='assess-save' onClick={() => void submit()}>
          {changed.length ? `保存（${changed.length}人有改动）` : '保存'}
        </Button>
      </View>
    </View>
  )
}

export default function BaseReviewPage(): React.ReactElement {
  return <AccessGate action={dues.actions.baseReview}>{() => <Editor />}</AccessGate>
}
