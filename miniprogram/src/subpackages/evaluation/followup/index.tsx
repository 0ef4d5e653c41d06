/**
 * 限期改正 (`?roundId=&memberId=`, 支委): for a member the 支委会 graded 不合格, the deadline (at most one
 * year) and notes. A record only — 劝退 / 除名 are decided by the 支部大会, never by the app.
 */
import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { evaluation } from '@shared/contract/evaluation'
import { addYears, beijingDate } from '@shared/rules/time'
import { AccessGate } from '@/components/AccessGate'
import { PageError, PageLoading } from '@/components/PageState'
import { DateField } from '@/components/Fields'
import { FormField } from '@/components/FormField'
import { useTally } from '@/features/evaluation/use-evaluation'
import { ymdToDate } from '@/utils/format'
import { back } from '@/utils/nav'
import { useRecordFollowUp } from '@/features/evaluation/use-follow-up'
import '../nutui'
import '../evaluation.scss'

function FollowUpForm({ roundId, memberId }: { roundId: string; memberId: string }): React.ReactElement {
  const { data, loading, error, reload } = useTally(roundId)
  const row = data?.rows.find((r) => r.memberId === memberId)
  const [deadline, setDeadline] = useState('')
  const [notes, setNotes] = useState('')
  useEffect(() => {
    if (row?.followUp) {
      setDeadline(row.followUp.deadline)
      setNotes(row.followUp.notes)
    }
  }, [row])
  const save = useRecordFollowUp()

  if (error && !data) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (loading && !data) return <View className='page'><PageLoading /></View>
  if (!data || !row) return <View className='page'><PageError message='没有找到该党员的评议结果' /></View>

  const today = beijingDate(new Date())
  const decided = data.publishedOn ?? today
  const submit = async (): Promise<void> => {
    if (!deadline || notes.trim() === '') {
      void Taro.showToast({ title: '请填写改正期限和情况', icon: 'none' })
      return
    }
    const done = await save.run({ roundId, memberId, deadline, notes: notes.trim() })
    if (done) {
      void Taro.showToast({ title: '已记录', icon: 'success', duration: 1200 })
      setTimeout(back, 600)
    }
  }

  return (
    <View className='page page--with-bar' data-testid='followup-page'>
      <View className='card'>
        <Text className='ev-head__title'>{row.name}</Text>
        <Text className='ev-head__line'>
          {data.title}评定为不合格{row.final?.reason ? `：${row.final.reason}` : ''}
        </Text>
      </View>
      <View className='form-group'>
        <DateField
          name='deadline'
          label='改正期限'
          required
          value={deadline}
          hint='限期改正一般不超过一年'
          start={ymdToDate(today)}
          end={ymdToDate(addYears(decided, 1))}
          onChange={setDeadline}
        />
        <FormField label='情况记录' required testId='field-notes' stacked>
          <TextArea className='ev-textarea' value={notes} placeholder='支委会的要求、谈心谈话、改正情况等' maxLength={500} onChange={setNotes} />
        </FormField>
      </View>
      {save.error ? <View className='ev-error'>{save.error}</View> : null}
      <Text className='ev-note'>系统只做记录，不会自动作出任何处理。期满仍无转变的处置，由支部大会讨论决定并按规定报批。</Text>
      <View className='bottom-bar'>
        <Button type='primary' size='large' block loading={save.pending} disabled={save.pending} data-testid='followup-save' onClick={() => void submit()}>
          保存记录
        </Button>
      </View>
    </View>
  )
}

export default function FollowUpPage(): React.ReactElement {
  const { params } = useRouter()
  if (!params.roundId || !params.memberId) return <View className='page'><PageError message='缺少参数' /></View>
  return (
    <AccessGate action={evaluation.actions.recordFollowUp}>
      {() => <FollowUpForm roundId={params.roundId as string} memberId={params.memberId as string} />}
    </AccessGate>
  )
}
