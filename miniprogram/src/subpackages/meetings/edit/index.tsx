/**
 * 新建 / 修改会议 (`?meetingId=` to edit): kind, topic, date and time, place, 党小组 (党小组会), host and
 * recorder from the roster, agenda and 学习材料. Inline validation with the contract's own schema; saving
 * calls `meetings.createMeeting` (then opens the meeting) or `meetings.updateMeeting`.
 */
import { useEffect, useMemo, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { meetings as contract } from '@shared/contract/meetings'
import { ROUTES, withQuery } from '@/constants/routes'
import { AccessGate, type BoundMe } from '@/components/AccessGate'
import { ChoiceField, DateField, SelectField, TextField } from '@/components/Fields'
import { FormField } from '@/components/FormField'
import { PageError, PageLoading } from '@/components/PageState'
import { isCommittee } from '@/features/org/permissions'
import { KIND_CHOICES } from '@/features/meetings/labels'
import {
  emptyMeetingForm,
  formFromMeeting,
  prefillFromParams,
  RADIUS_CHOICES,
  validateMeetingForm,
  type MeetingForm,
  type MeetingFormErrors,
} from '@/features/meetings/meeting-form'
import { useMeeting } from '@/features/meetings/use-meetings'
import { back } from '@/utils/nav'
import { canChooseOnMap, chooseLocation, getLocation, type Position } from '@/platform'
import { useRoster } from '@/features/org/use-roster'
import { useSaveMeeting } from '@/features/meetings/use-save-meeting'
import '../shared.scss'
import './index.scss'

const TIMES = Array.from({ length: 30 }, (_, i) => {
  const minutes = 7 * 60 + i * 30
  const t = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
  return { value: t, label: t }
})
const NO_GROUP = '__none__'
const RADII = RADIUS_CHOICES.map((r) => ({ value: r, label: `${r}米内` }))

/**
 * 签到位置核对 (optional): the place on the map — the phone's current position, or on WeChat a point
 * picked on the map — and the radius members must be within to sign in.
 */
function PlaceCheck({
  value,
  radius,
  error,
  onChange,
  onRadius,
}: {
  value: MeetingForm['location']
  radius: string
  error?: string
  onChange: (p: MeetingForm['location']) => void
  onRadius: (r: string) => void
}): React.ReactElement {
  const [locating, setLocating] = useState(false)
  const take = async (how: () => Promise<Position | null>, failure: string): Promise<void> => {
    setLocating(true)
    const p = await how()
    setLocating(false)
    if (p) onChange({ lat: p.lat, lng: p.lng })
    else if (failure) void Taro.showToast({ title: failure, icon: 'none', duration: 2500 })
  }
  const here = (): Promise<void> => take(getLocation, '未能获取位置，请在手机设置中允许获取位置')
  const onMap = (): Promise<void> => take(chooseLocation, '')
  return (
    <View className='form-group' data-testid='field-location'>
      <View className='meeting-edit__place'>
        {value ? (
          <>
            <Text className='meeting-edit__place-text' data-testid='location-set'>
              已设定会场位置（纬度 {value.lat.toFixed(5)}，经度 {value.lng.toFixed(5)}）
            </Text>
            <Text className='mt-note'>党员须在会场附近才能扫码签到；远程参加的流动党员不受限制。</Text>
          </>
        ) : (
          <Text className='mt-note'>不核对位置：党员扫主持人手机上的签到码即可签到。如需核对，请在会场定位。</Text>
        )}
        {error ? <Text className='meeting-edit__place-error'>{error}</Text> : null}
      </View>
      {value ? <ChoiceField name='radiusM' label='签到范围' value={radius} choices={RADII} onChange={onRadius} /> : null}
      <View className='mt-actions mt-actions--row meeting-edit__place-actions'>
        <Button fill='outline' loading={locating} data-testid='location-here' onClick={() => void here()}>
          {value ? '重新定位' : '用当前位置作会场'}
        </Button>
        {canChooseOnMap() ? (
          <Button fill='outline' disabled={locating} onClick={() => void onMap()}>
            在地图上选
          </Button>
        ) : null}
        {value ? (
          <Button fill='none' data-testid='location-clear' onClick={() => onChange(null)}>
            不核对位置
          </Button>
        ) : null}
      </View>
    </View>
  )
}

function Editor({ me, meetingId, prefill = {} }: { me: BoundMe; meetingId: string | undefined; prefill?: Partial<MeetingForm> }): React.ReactElement {
  const editing = meetingId !== undefined
  const existing = useMeeting(meetingId)
  const committee = isCommittee(me)
  // A 党小组长 who is not a 支委 sets up their own group's 党小组会 only.
  const ownGroup = committee ? undefined : (me.member.groupId ?? undefined)
  const roster = useRoster(ownGroup)
  const [form, setForm] = useState<MeetingForm>(() =>
    emptyMeetingForm(committee ? { hostId: me.member.id, place: '党群服务中心', ...prefill } : { ...prefill, kind: 'group', groupId: ownGroup ?? '', hostId: me.member.id }),
  )
  const [errors, setErrors] = useState<MeetingFormErrors>({})
  const save = useSaveMeeting(meetingId)

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: editing ? '修改会议' : '新建会议' })
  }, [editing])
  useEffect(() => {
    if (existing.data) setForm(formFromMeeting(existing.data))
  }, [existing.data])

  const people = useMemo(() => (roster.data?.members ?? []).map((m) => ({ value: m.id, label: m.name })), [roster.data])
  // A new meeting's recorder defaults to the 组织委员 (or the caller), who keeps the 纪实.
  useEffect(() => {
    if (editing || !roster.data) return
    const organizer = roster.data.members.find((m) => m.roles.includes('organizer'))
    setForm((f) => (f.recorderId === '' ? { ...f, recorderId: organizer?.id ?? me.member.id } : f))
  }, [roster.data, editing])
  const set = <K extends keyof MeetingForm>(key: K, value: MeetingForm[K]): void => {
    setForm((f) => ({ ...f, [key]: value }))
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }))
  }

  const submit = async (): Promise<void> => {
    const checked = validateMeetingForm(form)
    if (!checked.ok) {
      setErrors(checked.errors)
      void Taro.showToast({ title: '请检查标红的内容', icon: 'none' })
      return
    }
    const saved = await save.run(checked.fields)
    if (!saved) return
    void Taro.showToast({ title: editing ? '已保存' : '已创建', icon: 'success', duration: 1200 })
    if (editing) back()
    else void Taro.redirectTo({ url: withQuery(ROUTES.meetingDetail, { meetingId: saved.id }) })
  }

  if (editing && existing.error && !existing.data) return <View className='page'><PageError message={existing.error.message} onRetry={() => void existing.reload()} /></View>
  if (editing && !existing.data) return <View className='page'><PageLoading /></View>

  const kinds = committee ? KIND_CHOICES : KIND_CHOICES.filter((k) => k.value === 'group')
  const groups = [{ value: NO_GROUP, label: '全支部' }, ...me.branch.groups.filter((g) => committee || g.id === ownGroup).map((g) => ({ value: g.id, label: g.name }))]
  const today = new Date()
  const lastDay = new Date(today.getFullYear() + 1, 11, 31)
  const firstDay = new Date(today.getFullYear(), today.getMonth() - 1, 1)

  return (
    <View className='page page--with-bar meeting-edit' data-testid='meeting-edit-page'>
      <View className='form-group__title'>会议</View>
      <View className='form-group'>
        <ChoiceField name='kind' label='类型' required stacked value={form.kind} error={errors.kind} choices={kinds} onChange={(v) => set('kind', v)} />
        <TextField name='topic' label='主题' required value={form.topic} error={errors.topic} maxLength={60} placeholder='如：11月主题党日' onChange={(v) => set('topic', v)} />
        <DateField name='date' label='日期' required value={form.date} error={errors.date} start={firstDay} end={lastDay} defaultDate={today} onChange={(v) => set('date', v)} />
        <SelectField name='time' label='开始时间' required value={form.time} error={errors.time} options={TIMES} onChange={(v) => set('time', v)} />
        <TextField name='place' label='地点' required value={form.place} error={errors.place} maxLength={60} onChange={(v) => set('place', v)} />
        <SelectField
          name='groupId'
          label='党小组'
          value={form.groupId === '' ? NO_GROUP : form.groupId}
          error={errors.groupId}
          hint={form.kind === 'group' ? '党小组会的应到人员为该小组党员' : '不选则为全支部'}
          options={groups}
          onChange={(v) => set('groupId', v === NO_GROUP ? '' : v)}
        />
      </View>
      <View className='form-group__title'>签到位置核对（选填）</View>
      <PlaceCheck value={form.location} radius={form.radiusM} error={errors.location ?? errors.radiusM} onChange={(p) => set('location', p)} onRadius={(r) => set('radiusM', r)} />
      <View className='form-group__title'>主持与记录</View>
      <View className='form-group'>
        <SelectField name='hostId' label='主持人' required value={form.hostId} error={errors.hostId} options={people} onChange={(v) => set('hostId', v)} />
        <SelectField name='recorderId' label='记录人' required value={form.recorderId} error={errors.recorderId} options={people} onChange={(v) => set('recorderId', v)} />
      </View>
      <View className='form-group__title'>议程与学习材料</View>
      <View className='form-group meeting-edit__texts'>
        <FormField label='议程' stacked error={errors.agenda} hint='每行一项' testId='field-agenda'>
          <TextArea className='mt-input' value={form.agenda} placeholder={'重温入党誓词\n集中学习'} maxLength={2000} onChange={(v) => set('agenda', v)} />
        </FormField>
        <FormField label='学习材料' stacked error={errors.materials} hint='未能参会的党员据此补学' testId='field-materials'>
          <TextArea className='mt-input' value={form.materials} placeholder='学习篇目、要点或链接' maxLength={4000} onChange={(v) => set('materials', v)} />
        </FormField>
      </View>
      <View className='bottom-bar'>
        <Button type='primary' size='large' block loading={save.pending} disabled={save.pending} data-testid='meeting-save' onClick={() => void submit()}>
          {editing ? '保存修改' : '创建会议'}
        </Button>
      </View>
    </View>
  )
}

export default function MeetingEditPage(): React.ReactElement {
  const { params } = useRouter()
  return <AccessGate action={contract.actions.createMeeting}>{(me) => <Editor me={me} meetingId={params.meetingId} prefill={prefillFromParams(params)} />}</AccessGate>
}
