/**
 * "我已缴纳": the member says which months they paid (by transfer or online, or cash handed over), when,
 * with an optional screenshot picked through the platform adapter; the 党费管理员 confirms or rejects it.
 */
import { useEffect, useMemo, useState } from 'react'
import { View, Text, Input, Image, Picker as NativePicker } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { dues, type DuesMethod } from '@shared/contract/dues'
import { AccessGate, type BoundMe } from '@/components/AccessGate'
import { PageError, PageLoading } from '@/components/PageState'
import { yuan } from '@/features/dues/labels'
import { checkDraft, defaultSelection, monthChoices, totalFen } from '@/features/dues/payment-form'
import { MethodChips, MonthPicker } from '@/features/dues/ui'
import { useMemberDues } from '@/features/dues/use-dues'
import { pickImage, type PickedImage } from '@/platform/files'
import { formatDate } from '@/utils/format'
import { back } from '@/utils/nav'
import { useReportPayment } from '@/features/dues/use-report-payment'
import './index.scss'

function Report({ me }: { me: BoundMe }): React.ReactElement {
  const { data, error, reload } = useMemberDues()
  const choices = useMemo(() => (data ? monthChoices(data, false) : []), [data])
  const [months, setMonths] = useState<string[]>([])
  const [method, setMethod] = useState<DuesMethod | ''>('transfer')
  const [paidOn, setPaidOn] = useState('')
  const [note, setNote] = useState('')
  const [shot, setShot] = useState<PickedImage | null>(null)
  const send = useReportPayment()

  useEffect(() => {
    if (!data) return
    setPaidOn(data.today)
    setMonths(defaultSelection(choices))
  }, [data])

  if (error && !data) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (!data) return <View className='page'><PageLoading /></View>
  const total = totalFen(choices, months)
  const toggle = (m: string) => setMonths((s) => (s.includes(m) ? s.filter((x) => x !== m) : [...s, m].sort()))

  const choose = async (): Promise<void> => {
    const img = await pickImage()
    if (img) setShot(img)
  }

  const submit = async (): Promise<void> => {
    const problem = checkDraft({ months, method, paidOn, payerName: '', note }, data.today)
    if (problem) {
      void Taro.showToast({ title: problem, icon: 'none' })
      return
    }
    const r = await send.run({
      memberId: me.member.id,
      months,
      method: method as DuesMethod,
      paidOn,
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(shot ? { screenshot: { type: shot.type, base64: shot.base64 } } : {}),
    })
    if (!r) return
    void Taro.showToast({ title: '已提交，等待党费管理员确认', icon: 'none', duration: 2000 })
    setTimeout(back, 800)
  }

  if (choices.length === 0) {
    return (
      <View className='page'>
        <View className='card'>
          <Text className='dues-hint'>目前没有需要报告的党费。</Text>
        </View>
      </View>
    )
  }

  return (
    <View className='page page--with-bar dues-report' data-testid='report-page'>
      <View className='form-group__title'>交纳了哪几个月</View>
      <View className='card'>
        <MonthPicker choices={choices} selected={months} onToggle={toggle} />
        <View className='dues-total'>
          <Text>共 {months.length} 个月，合计</Text>
          <Text className='dues-total__value' data-testid='report-total'>
            {yuan(total)} 元
          </Text>
        </View>
      </View>

      <View className='form-group__title'>交纳方式</View>
      <View className='card'>
        <MethodChips value={method} onChange={setMethod} />
        <View className='dues-sheet__label'>交纳日期</View>
        <NativePicker mode='date' value={paidOn} end={data.today} onChange={(e) => setPaidOn(String(e.detail.value))}>
          <View className='dues-input'>{formatDate(paidOn)}</View>
        </NativePicker>
        <View className='dues-sheet__label'>备注</View>
        <Input className='dues-input' data-testid='report-note' value={note} maxlength={100} placeholder='选填，如：微信转账给王志强' onInput={(e) => setNote(e.detail.value)} />
      </View>

      <View className='form-group__title'>转账截图（选填）</View>
      <View className='card dues-report__shot'>
        {shot ? (
          <View className='dues-report__shot-row'>
            <Image className='dues-report__thumb' src={shot.previewUrl} mode='aspectFill' />
            <Text className='dues-report__shot-action' onClick={() => setShot(null)}>
              删除
            </Text>
          </View>
        ) : (
          <View className='dues-report__pick' data-testid='pick-screenshot' onClick={() => void choose()}>
            <Text className='dues-report__plus'>＋</Text>
            <Text>添加截图</Text>
          </View>
        )}
        <Text className='dues-hint'>截图仅党费管理员和书记可见，用于核对。</Text>
      </View>

      <View className='bottom-bar'>
        <Button type='primary' size='large' block loading={send.pending} data-testid='report-submit' onClick={() => void submit()}>
          提交（{yuan(total)} 元）
        </Button>
      </View>
    </View>
  )
}

export default function ReportPage(): React.ReactElement {
  return <AccessGate action={dues.actions.reportPayment}>{(me) => <Report me={me} />}</AccessGate>
}
