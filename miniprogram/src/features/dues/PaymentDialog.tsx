/**
 * The 党费管理员's 登记 / 预交 / 补交 dialog: loads the member's owed months within the window, lets the
 * manager pick months (amounts shown, total computed), method, date, 代交 payer and a note, then records
 * them in one payment. The total is sent too, so the server refuses if amounts changed meanwhile.
 */
import { useEffect, useMemo, useState } from 'react'
import { View, Text, Input, Picker as NativePicker } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Popup } from '@nutui/nutui-react-taro'
import type { DuesMethod } from '@shared/contract/dues'
import { api } from '@/services/api'
import { formatDate } from '@/utils/format'
import { useAction } from '../common/use-action'
import { monthCN, yuan } from './labels'
import { checkDraft, defaultSelection, monthChoices, totalFen } from './payment-form'
import { MethodChips, MonthPicker } from './ui'
import { useMemberDues } from './use-dues'
import '@/styles/nutui-forms'
import './dues.scss'

export interface PaymentTarget {
  memberId: string
  name: string
  /** Months to select first (e.g. the month of the collection screen). */
  months?: string[]
}

function Body({ target, onClose, onDone }: { target: PaymentTarget; onClose: () => void; onDone: () => void }): React.ReactElement {
  const dues = useMemberDues(target.memberId)
  const choices = useMemo(() => (dues.data ? monthChoices(dues.data, true) : []), [dues.data])
  const [months, setMonths] = useState<string[]>([])
  const [method, setMethod] = useState<DuesMethod | ''>('cash')
  const [paidOn, setPaidOn] = useState('')
  const [payerName, setPayerName] = useState('')
  const [note, setNote] = useState('')
  const record = useAction(api.dues.recordPayment)

  useEffect(() => {
    if (!dues.data) return
    setPaidOn(dues.data.today)
    const wanted = (target.months ?? []).filter((m) => choices.some((c) => c.month === m))
    setMonths(wanted.length ? wanted : defaultSelection(choices))
  }, [dues.data])

  if (dues.error) return <Text className='dues-hint'>{dues.error.message}</Text>
  if (!dues.data) return <Text className='dues-hint'>正在加载…</Text>
  const today = dues.data.today
  const total = totalFen(choices, months)
  const toggle = (m: string) => setMonths((s) => (s.includes(m) ? s.filter((x) => x !== m) : [...s, m].sort()))

  const submit = async (): Promise<void> => {
    const problem = checkDraft({ months, method, paidOn, payerName, note }, today)
    if (problem) {
      void Taro.showToast({ title: problem, icon: 'none' })
      return
    }
    const r = await record.run({
      memberId: target.memberId,
      months,
      paidOn,
      method: method as DuesMethod,
      amountFen: total,
      ...(payerName.trim() ? { payerName: payerName.trim() } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    })
    if (!r) return
    void Taro.showToast({ title: `已登记 ${yuan(r.totalFen)} 元`, icon: 'success' })
    onDone()
  }

  return (
    <View data-testid='payment-dialog'>
      <Text className='dues-sheet__title'>登记{target.name}的党费</Text>
      <View className='dues-sheet__sub'>
        可补交至{monthCN(dues.data.window.earliest)}、预交至{monthCN(dues.data.window.latest)}（前后各{dues.data.window.backpayMaxMonths}个月）
      </View>
      {choices.length === 0 ? (
        <Text className='dues-hint'>该党员在可登记的月份内没有待交党费。</Text>
      ) : (
        <MonthPicker choices={choices} selected={months} onToggle={toggle} />
      )}
      <View className='dues-total'>
        <Text>共 {months.length} 个月，应收</Text>
        <Text className='dues-total__value' data-testid='payment-total'>
          {yuan(total)} 元
        </Text>
      </View>
      <View className='dues-sheet__label'>交纳方式</View>
      <MethodChips value={method} onChange={setMethod} />
      <View className='dues-sheet__label'>交纳日期</View>
      <NativePicker mode='date' value={paidOn} end={today} onChange={(e) => setPaidOn(String(e.detail.value))}>
        <View className='dues-input' data-testid='payment-date'>
          {formatDate(paidOn)}
        </View>
      </NativePicker>
      <View className='dues-sheet__label'>代交人（党员本人交纳不填）</View>
      <Input className='dues-input' data-testid='payment-payer' value={payerName} maxlength={20} placeholder='如：配偶、子女或其他党员的姓名' onInput={(e) => setPayerName(e.detail.value)} />
      <View className='dues-sheet__label'>备注</View>
      <Input className='dues-input' data-testid='payment-note' value={note} maxlength={100} placeholder='选填，如转账单号' onInput={(e) => setNote(e.detail.value)} />
      <View className='dues-sheet__actions'>
        <Button size='large' onClick={onClose}>
          取消
        </Button>
        <Button type='primary' size='large' loading={record.pending} disabled={months.length === 0} data-testid='payment-submit' onClick={() => void submit()}>
          确认登记
        </Button>
      </View>
    </View>
  )
}

export function PaymentDialog({ target, onClose, onDone }: { target: PaymentTarget | null; onClose: () => void; onDone: () => void }): React.ReactElement {
  return (
    <Popup visible={target !== null} position='bottom' round onClose={onClose}>
      <View className='dues-sheet'>{target ? <Body key={target.memberId} target={target} onClose={onClose} onDone={onDone} /> : null}</View>
    </Popup>
  )
}
