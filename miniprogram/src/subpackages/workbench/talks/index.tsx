/**
 * 谈心谈话 (支委): the coverage the profile asks for (书记 with each 班子成员 every half-year, with each 党员
 * every year …) with who is still owed a talk; a small form to record one (who, when, topic, notes the
 * 书记 alone reads); this year's talks, each removable by its recorder or the 书记 after confirming.
 */
import { useMemo, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { workbench, type Talk } from '@shared/contract/workbench'
import type { Me } from '@shared/contract/org'
import { DateField, SelectField, TextField } from '@/components/Fields'
import { FormField } from '@/components/FormField'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { COVERAGE_LABELS } from '@/features/workbench/format'
import { useRecordTalk, useRemoveTalk, useTalks } from '@/features/workbench/use-workbench'
import { formatDate } from '@/utils/format'
import { beijingDate } from '@shared/rules/time'
import { WorkbenchGate } from '../Gate'
import { beijingYear } from '@/components/YearSwitch'
import { useRoster } from '@/features/org/use-roster'
import '../shared.scss'

const todayYmd = (): string => beijingDate(new Date())

function Talks({ me, withId }: { me: Me; withId: string | undefined }): React.ReactElement {
  const year = beijingYear()
  const { data, error, reload } = useTalks(year)
  const roster = useRoster()
  const record = useRecordTalk()
  const remove = useRemoveTalk()
  const [form, setForm] = useState({ withId: withId ?? '', date: todayYmd(), topic: '', notes: '' })
  const [errors, setErrors] = useState<Partial<Record<'withId' | 'date' | 'topic', string>>>({})
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  const people = useMemo(
    () => (roster.data?.members ?? []).filter((m) => m.id !== me.member?.id).map((m) => ({ value: m.id, label: m.name })),
    [roster.data, me.member?.id],
  )
  const isSecretary = me.member?.roles.includes('secretary') ?? false

  const submit = async (): Promise<void> => {
    const e: typeof errors = {}
    if (!form.withId) e.withId = '请选择谈话对象'
    if (!form.date) e.date = '请选择日期'
    if (!form.topic.trim()) e.topic = '请填写谈话主题'
    setErrors(e)
    if (Object.keys(e).length > 0) return
    const saved = await record.run({ withId: form.withId, date: form.date, topic: form.topic.trim(), notes: form.notes.trim() || undefined })
    if (!saved) return
    void Taro.showToast({ title: saved.repeat ? '这次谈话已记录过' : '已记录', icon: 'success', duration: 1200 })
    setForm((f) => ({ ...f, withId: '', topic: '', notes: '' }))
    void reload()
  }

  const onRemove = async (t: Talk): Promise<void> => {
    const res = await Taro.showModal({ title: '删除谈话记录', content: `删除与${t.withName}（${formatDate(t.date)}）的谈话记录？删除后不再计入谈心谈话统计。`, confirmText: '删除', confirmColor: '#c8161d' })
    if (!res.confirm) return
    if (await remove.run(t.id)) void reload()
  }

  const coverage = (data?.coverage ?? []).filter((r) => r.status !== 'upcoming')
  return (
    <View className='page page--with-bar' data-testid='wb-talks-page'>
      {error && !data ? <PageError message={error.message} onRetry={() => void reload()} /> : !data ? <PageLoading cards={2} /> : (
        <View className='card' data-testid='wb-talk-coverage'>
          <View className='card__title'>{year}年谈心谈话情况</View>
          {coverage.map((r) => (
            <View key={`${r.requirement}-${r.periodKey}`} className='wb-row'>
              <View className='wb-row__main'>
                <Text className='wb-row__title'>
                  {r.label}（{r.periodLabel.replace(`${year}年`, '') || '全年'}）{r.covered}/{r.expected}
                </Text>
                {r.missing.length > 0 ? <Text className='wb-row__detail'>尚未谈：{r.missing.join('、')}</Text> : null}
              </View>
              <Text className={`tag tag--${r.status === 'done' ? 'green' : r.status === 'overdue' ? 'red' : 'gold'}`}>{COVERAGE_LABELS[r.status]}</Text>
            </View>
          ))}
        </View>
      )}

      <View className='form-group__title'>记录一次谈话</View>
      <View className='form-group' data-testid='wb-talk-form'>
        <SelectField name='withId' label='谈话对象' required value={form.withId} error={errors.withId} options={people} onChange={(v) => setForm((f) => ({ ...f, withId: v }))} />
        <DateField name='date' label='谈话日期' required value={form.date} error={errors.date} start={new Date(year - 1, 0, 1)} end={new Date()} onChange={(v) => setForm((f) => ({ ...f, date: v }))} />
        <TextField name='topic' label='主题' required value={form.topic} error={errors.topic} maxLength={60} placeholder='如：思想和工作情况' onChange={(v) => setForm((f) => ({ ...f, topic: v }))} />
        <FormField label='谈话要点' stacked hint='仅书记可见' testId='field-notes'>
          <TextArea className='wb-input' value={form.notes} maxLength={1000} placeholder='谈话中了解的情况、提出的意见建议' onChange={(v) => setForm((f) => ({ ...f, notes: v }))} />
        </FormField>
      </View>

      <View className='card' data-testid='wb-talk-list'>
        <View className='card__title'>
          本年谈话记录
          <Text className='card__title-extra'>{data?.talks.length ?? 0}次</Text>
        </View>
        {(data?.talks ?? []).length === 0 ? <EmptyState text='还没有谈话记录' compact /> : null}
        {(data?.talks ?? []).map((t) => (
          <View key={t.id} className='wb-row' data-testid='wb-talk'>
            <View className='wb-row__main'>
              <Text className='wb-row__title'>
                {t.byName} 与 {t.withName}：{t.topic}
              </Text>
              <Text className='wb-row__detail'>{formatDate(t.date)}</Text>
              {t.notes ? <Text className='wb-row__detail'>要点：{t.notes}</Text> : null}
            </View>
            {t.canRemove ? (
              <Text className='wb-link' onClick={() => void onRemove(t)}>
                删除
              </Text>
            ) : null}
          </View>
        ))}
        {!isSecretary ? <Text className='wb-note'>谈话要点仅书记可见。</Text> : null}
      </View>

      <View className='bottom-bar'>
        <Button type='primary' size='large' block loading={record.pending} disabled={record.pending} data-testid='wb-talk-save' onClick={() => void submit()}>
          保存谈话记录
        </Button>
      </View>
    </View>
  )
}

export default function TalksPage(): React.ReactElement {
  const { params } = useRouter()
  return <WorkbenchGate action={workbench.actions.listTalks}>{(me) => <Talks me={me} withId={params.withId || undefined} />}</WorkbenchGate>
}
