/**
 * 登记记分 (支委): record 志愿服务 the branch organised for several members at once (credited under the
 * scheme's 志愿服务 item, once per member and activity), or record one item for one member (受到表彰,
 * 未完成任务 …) with a reason — approved at once, caps applied, audited. Never for oneself.
 */
import { useMemo, useRef, useState } from 'react'
import { View, Text, Input, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { points } from '@shared/contract/points'
import { beijingDate, shiftMonth } from '@shared/rules/time'
import { AccessGate, type BoundMe } from '@/components/AccessGate'
import { PageError, PageLoading } from '@/components/PageState'
import { useMembers } from '@/features/org/use-org'
import { monthLabel } from '@/features/points/labels'
import { itemSummary } from '@/features/points/scheme-form'
import { useSchemeInfo } from '@/features/points/use-points'
import '@/styles/nutui-forms'
import '@/features/points/points.scss'
import { useRecordEntry, useRecordVolunteer } from '@/features/points/use-record-points'
import './index.scss'

const today = (): string => beijingDate(Date.now())
const newKey = (): string => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`

function Record({ me }: { me: BoundMe }): React.ReactElement {
  const [mode, setMode] = useState<'volunteer' | 'item'>('volunteer')
  const members = useMembers()
  const info = useSchemeInfo()
  const [picked, setPicked] = useState<Set<string>>(new Set())
  const [date, setDate] = useState(today())
  const [title, setTitle] = useState('')
  const [hours, setHours] = useState('2')
  const [code, setCode] = useState('')
  const [month, setMonth] = useState(today().slice(0, 7))
  const [reason, setReason] = useState('')
  const key = useRef(newKey())
  const volunteer = useRecordVolunteer()
  const record = useRecordEntry()
  const months = useMemo(() => [0, 1, 2].map((n) => shiftMonth(today().slice(0, 7), -n)), [])

  if (members.error || info.error) return <View className='page'><PageError message={(members.error ?? info.error)?.message ?? ''} onRetry={() => void Promise.all([members.reload(), info.reload()])} /></View>
  if (!members.data || !info.data) return <View className='page'><PageLoading /></View>
  if (!info.data.current) return <View className='page'><PageError message='支部尚未发布积分方案' /></View>
  const items = info.data.current.scheme.items.filter((i) => !i.auto || i.auto.source === 'volunteer')
  const others = members.data.members.filter((m) => m.id !== me.member.id)

  const toggle = (id: string) =>
    setPicked((s) => {
      const n = new Set(mode === 'item' ? [] : s)
      if (s.has(id) && mode === 'volunteer') n.delete(id)
      else n.add(id)
      return n
    })

  const submit = async (): Promise<void> => {
    const ids = [...picked]
    if (ids.length === 0) {
      void Taro.showToast({ title: '请选择党员', icon: 'none' })
      return
    }
    if (mode === 'volunteer') {
      const h = Number(hours)
      if (title.trim() === '' || !(h > 0)) {
        void Taro.showToast({ title: '请填写活动名称和时长', icon: 'none' })
        return
      }
      const r = await volunteer.run({ date, title: title.trim(), hours: h, memberIds: ids })
      if (r) {
        void Taro.showToast({ title: `已登记${r.recorded}人，计分${r.credited}人`, icon: 'none' })
        setPicked(new Set())
        setTitle('')
      }
      return
    }
    const item = items.find((i) => i.code === code)
    if (!item || reason.trim() === '') {
      void Taro.showToast({ title: '请选择项目并填写事由', icon: 'none' })
      return
    }
    const name = others.find((m) => m.id === ids[0])?.name ?? ''
    const { confirm } = await Taro.showModal({ title: '确认记分', content: `为${name}记录“${item.name}”（${monthLabel(month)}）？`, confirmText: '记录', confirmColor: '#c8161d' })
    if (!confirm) return
    const r = await record.run({ clientKey: key.current, memberId: ids[0] as string, month, itemCode: item.code, reason: reason.trim() })
    if (r) {
      key.current = newKey()
      void Taro.showToast({ title: r.capNote ? '已记录（已达上限）' : `已记录 ${r.kind === 'add' ? '+' : '−'}${r.counted}分`, icon: 'none' })
      setReason('')
      setPicked(new Set())
    }
  }

  return (
    <View className='page page--with-bar record' data-testid='record-page'>
      <View className='card'>
        <View className='pts-chips'>
          <Text className={`pts-chip${mode === 'volunteer' ? ' pts-chip--on' : ''}`} data-testid='mode-volunteer' onClick={() => { setMode('volunteer'); setPicked(new Set()) }}>
            志愿服务（多人）
          </Text>
          <Text className={`pts-chip${mode === 'item' ? ' pts-chip--on' : ''}`} data-testid='mode-item' onClick={() => { setMode('item'); setPicked(new Set()) }}>
            单项记分（一人）
          </Text>
        </View>
        {mode === 'volunteer' ? (
          <>
            <Text className='pts-label'>活动名称</Text>
            <Input className='pts-input' data-testid='volunteer-title' value={title} maxlength={40} placeholder='如：社区环境整治' onInput={(e) => setTitle(e.detail.value)} />
            <View className='record__pair'>
              <View className='record__col'>
                <Text className='pts-label'>日期</Text>
                <Input className='pts-input' value={date} onInput={(e) => setDate(e.detail.value.trim())} />
              </View>
              <View className='record__col'>
                <Text className='pts-label'>时长（小时）</Text>
                <Input className='pts-input' type='digit' value={hours} onInput={(e) => setHours(e.detail.value)} />
              </View>
            </View>
          </>
        ) : (
          <>
            <Text className='pts-label'>项目</Text>
            {items.map((i) => (
              <View key={i.code} className={`pts-option${i.code === code ? ' pts-option--on' : ''}`} onClick={() => setCode(i.code)}>
                <Text className='pts-option__name'>{i.name}</Text>
                <Text className='pts-option__desc'>{itemSummary(i)}</Text>
              </View>
            ))}
            <Text className='pts-label'>月份</Text>
            <View className='pts-chips'>
              {months.map((m) => (
                <Text key={m} className={`pts-chip${m === month ? ' pts-chip--on' : ''}`} onClick={() => setMonth(m)}>
                  {monthLabel(m, true)}
                </Text>
              ))}
            </View>
            <Text className='pts-label'>事由（党员可以看到）</Text>
            <Textarea className='pts-input pts-textarea' value={reason} maxlength={200} placeholder='如：获评街道优秀共产党员' onInput={(e) => setReason(e.detail.value)} />
          </>
        )}
      </View>

      <View className='form-group__title'>
        选择党员{mode === 'volunteer' ? `（已选${picked.size}人）` : ''}
      </View>
      <View className='card record__members'>
        {others.map((m) => (
          <Text key={m.id} className={`pts-chip${picked.has(m.id) ? ' pts-chip--on' : ''}`} data-testid='record-member' onClick={() => toggle(m.id)}>
            {m.name}
          </Text>
        ))}
      </View>

      <View className='bottom-bar'>
        <Button type='primary' size='large' loading={volunteer.pending || record.pending} data-testid='record-submit' onClick={() => void submit()}>
          {mode === 'volunteer' ? '登记志愿服务' : '记录积分'}
        </Button>
      </View>
    </View>
  )
}

export default function RecordPage(): React.ReactElement {
  return <AccessGate action={points.actions.recordEntry}>{(me) => <Record me={me} />}</AccessGate>
}
