/**
 * 学时 (支委): each member's hours this year against 32 (党员) / 56 (书记和支委), those short first; a form
 * to record one course for several members at once (课程, 日期, 学时 in steps of 0.5, 佐证); the records,
 * each removable after confirming.
 */
import { useMemo, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { StudyHours, workbench, type StudyRecord } from '@shared/contract/workbench'
import { beijingDate } from '@shared/rules/time'
import { DateField, TextField } from '@/components/Fields'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { useRecordStudy, useRemoveStudy, useStudy } from '@/features/workbench/use-workbench'
import { formatDate } from '@/utils/format'
import { WorkbenchGate } from '../Gate'
import { beijingYear } from '@/components/YearSwitch'
import { useRoster } from '@/features/org/use-roster'
import '../shared.scss'
import './index.scss'

function Study(): React.ReactElement {
  const year = beijingYear()
  const { data, error, reload } = useStudy(year)
  const roster = useRoster()
  const record = useRecordStudy()
  const remove = useRemoveStudy()
  const [form, setForm] = useState({ course: '', date: beijingDate(new Date()), hours: '', evidence: '' })
  const [picked, setPicked] = useState<string[]>([])
  const [errors, setErrors] = useState<Partial<Record<'course' | 'date' | 'hours' | 'members', string>>>({})
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  const members = roster.data?.members ?? []
  const rows = useMemo(() => [...(data?.progress.rows ?? [])].sort((a, b) => Number(a.met) - Number(b.met) || a.hours / a.target - b.hours / b.target), [data])

  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]))

  const submit = async (): Promise<void> => {
    const e: typeof errors = {}
    const hours = Number(form.hours)
    if (!form.course.trim()) e.course = '请填写课程或学习内容'
    if (!form.date) e.date = '请选择日期'
    const h = StudyHours.safeParse(form.hours.trim() === '' ? Number.NaN : hours)
    if (!h.success) e.hours = form.hours.trim() === '' ? '请填写学时' : (h.error.issues[0]?.message ?? '学时不正确')
    if (picked.length === 0) e.members = '请选择参加学习的党员'
    setErrors(e)
    if (Object.keys(e).length > 0) return
    const saved = await record.run({ memberIds: picked, date: form.date, course: form.course.trim(), hours, evidence: form.evidence.trim() || undefined })
    if (!saved) return
    void Taro.showToast({ title: saved.created > 0 ? `已登记${saved.created}人` : '已登记过', icon: 'success', duration: 1200 })
    setPicked([])
    setForm((f) => ({ ...f, course: '', hours: '', evidence: '' }))
    void reload()
  }

  const onRemove = async (r: StudyRecord): Promise<void> => {
    const res = await Taro.showModal({ title: '删除学时记录', content: `删除${r.memberName}的“${r.course}”（${r.hours}学时）？`, confirmText: '删除', confirmColor: '#c8161d' })
    if (!res.confirm) return
    if (await remove.run(r.id)) void reload()
  }

  return (
    <View className='page page--with-bar' data-testid='wb-study-page'>
      {error && !data ? <PageError message={error.message} onRetry={() => void reload()} /> : !data ? <PageLoading cards={2} /> : (
        <View className='card' data-testid='wb-study-progress'>
          <View className='card__title'>
            {year}年学时
            <Text className='card__title-extra'>
              达标 {data.progress.met}/{data.progress.total} 人
            </Text>
          </View>
          <Text className='wb-note'>
            党员每年不少于{data.progress.memberTarget}学时，书记和支委不少于{data.progress.committeeTarget}学时。
          </Text>
          {rows.map((r) => (
            <View key={r.memberId} className='wb-study__row'>
              <Text className='wb-study__name'>{r.name}</Text>
              <View className='wb-study__bar'>
                <View className='wb-bar'>
                  <View className={`wb-bar__fill${r.met ? ' wb-bar__fill--green' : ''}`} style={{ width: `${Math.min(100, Math.round((r.hours / r.target) * 100))}%` }} />
                </View>
              </View>
              <Text className={`wb-study__hours${r.met ? '' : ' wb-study__hours--short'}`}>
                {r.hours}/{r.target}
              </Text>
            </View>
          ))}
        </View>
      )}

      <View className='form-group__title'>登记学时</View>
      <View className='form-group' data-testid='wb-study-form'>
        <TextField name='course' label='学习内容' required value={form.course} error={errors.course} maxLength={60} placeholder='如：党的二十大精神专题学习' onChange={(v) => setForm((f) => ({ ...f, course: v }))} />
        <DateField name='date' label='日期' required value={form.date} error={errors.date} start={new Date(year - 1, 0, 1)} end={new Date()} onChange={(v) => setForm((f) => ({ ...f, date: v }))} />
        <TextField name='hours' label='学时' required type='digit' value={form.hours} error={errors.hours} placeholder='以0.5为单位，如 2.5' onChange={(v) => setForm((f) => ({ ...f, hours: v }))} />
        <TextField name='evidence' label='佐证' value={form.evidence} maxLength={200} placeholder='如：签到表、结业证书' onChange={(v) => setForm((f) => ({ ...f, evidence: v }))} />
      </View>
      <View className='card' data-testid='wb-study-members'>
        <View className='card__title'>
          参加人员
          <Text className='card__title-extra'>已选{picked.length}人</Text>
        </View>
        {errors.members ? <Text className='wb-error'>{errors.members}</Text> : null}
        <View className='wb-actions'>
          <Button fill='outline' onClick={() => setPicked(members.map((m) => m.id))}>
            全选
          </Button>
          <Button fill='outline' onClick={() => setPicked([])}>
            清空
          </Button>
        </View>
        <View className='wb-pick'>
          {members.map((m) => (
            <Text key={m.id} className={`wb-pick__item${picked.includes(m.id) ? ' wb-pick__item--on' : ''}`} data-testid={`wb-pick-${m.id}`} onClick={() => toggle(m.id)}>
              {m.name}
            </Text>
          ))}
        </View>
      </View>

      <View className='card' data-testid='wb-study-records'>
        <View className='card__title'>本年记录</View>
        {(data?.records ?? []).length === 0 ? <EmptyState text='还没有学时记录' compact /> : null}
        {(data?.records ?? []).slice(0, 100).map((r) => (
          <View key={r.id} className='wb-row'>
            <View className='wb-row__main'>
              <Text className='wb-row__title'>
                {r.memberName}：{r.course}
              </Text>
              <Text className='wb-row__detail'>
                {formatDate(r.date)} · {r.hours}学时{r.evidence ? ` · ${r.evidence}` : ''}
              </Text>
            </View>
            <Text className='wb-link' onClick={() => void onRemove(r)}>
              删除
            </Text>
          </View>
        ))}
      </View>

      <View className='bottom-bar'>
        <Button type='primary' size='large' block loading={record.pending} disabled={record.pending} data-testid='wb-study-save' onClick={() => void submit()}>
          登记学时{picked.length > 0 ? `（${picked.length}人）` : ''}
        </Button>
      </View>
    </View>
  )
}

export default function StudyPage(): React.ReactElement {
  return <WorkbenchGate action={workbench.actions.recordStudy}>{() => <Study />}</WorkbenchGate>
}
