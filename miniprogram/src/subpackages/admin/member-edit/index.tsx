/**
 * 添加 / 编辑党员 (`?memberId=` to edit): the member's record with inline validation from the contract's
 * schema; saving calls `org.createMember` (then opens the new member to issue an invite) or `org.updateMember`.
 */
import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { DUES_CATEGORIES, org } from '@shared/contract/org'
import { ROUTES, withQuery } from '@/constants/routes'
import { AccessGate, type BoundMe } from '@/components/AccessGate'
import { PageError, PageLoading } from '@/components/PageState'
import { ChoiceField, DateField, SelectField, SwitchField, TextField } from '@/components/Fields'
import { DUES_CATEGORY_LABELS, GENDER_LABELS, STATUS_LABELS } from '@/features/org/labels'
import { EMPTY_MEMBER_FORM, formFromMember, validateMemberForm, type MemberForm, type MemberFormErrors } from '@/features/org/member-form'
import { useMember } from '@/features/org/use-org'
import { back } from '@/utils/nav'
import { useSaveMember } from '@/features/org/use-save-member'
import './index.scss'

const GENDERS = [
  { value: 'male', label: GENDER_LABELS.male },
  { value: 'female', label: GENDER_LABELS.female },
] as const
const STATUSES = [
  { value: 'formal', label: STATUS_LABELS.formal },
  { value: 'probationary', label: STATUS_LABELS.probationary },
] as const
const DUES_OPTIONS = DUES_CATEGORIES.map((c) => ({ value: c, label: DUES_CATEGORY_LABELS[c] }))
const NO_GROUP = '__none__'

function MemberEditor({ me, memberId }: { me: BoundMe; memberId: string | undefined }): React.ReactElement {
  const existing = useMember(memberId)
  const [form, setForm] = useState<MemberForm>(EMPTY_MEMBER_FORM)
  const [errors, setErrors] = useState<MemberFormErrors>({})
  const editing = memberId !== undefined

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: editing ? '编辑党员' : '添加党员' })
  }, [editing])
  useEffect(() => {
    if (existing.data) setForm(formFromMember(existing.data))
  }, [existing.data])

  const save = useSaveMember(memberId)

  const set = <K extends keyof MemberForm>(key: K, value: MemberForm[K]): void => {
    setForm((f) => ({ ...f, [key]: value }))
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }))
  }

  const submit = async (): Promise<void> => {
    const checked = validateMemberForm(form)
    if (!checked.ok) {
      setErrors(checked.errors)
      void Taro.showToast({ title: '请检查标红的内容', icon: 'none' })
      return
    }
    const saved = await save.run(checked.fields)
    if (!saved) return
    void Taro.showToast({ title: editing ? '已保存' : '已添加', icon: 'success', duration: 1200 })
    if (editing) back()
    else void Taro.redirectTo({ url: withQuery(ROUTES.adminMemberDetail, { memberId: saved.id, created: 1 }) })
  }

  if (editing && existing.error && !existing.data) return <View className='page'><PageError message={existing.error.message} onRetry={() => void existing.reload()} /></View>
  if (editing && !existing.data) return <View className='page'><PageLoading /></View>

  const groupOptions = [{ value: NO_GROUP, label: '不分组' }, ...me.branch.groups.map((g) => ({ value: g.id, label: g.name }))]
  const today = new Date()

  return (
    <View className='page page--with-bar member-edit' data-testid='member-edit-page'>
      <View className='form-group__title'>基本信息</View>
      <View className='form-group'>
        <TextField name='name' label='姓名' required value={form.name} error={errors.name} maxLength={20} onChange={(v) => set('name', v)} />
        <ChoiceField name='gender' label='性别' required value={form.gender} error={errors.gender} choices={GENDERS} onChange={(v) => set('gender', v)} />
        <TextField
          name='phone'
          label='手机号'
          type='number'
          value={form.phone}
          error={errors.phone}
          maxLength={11}
          placeholder='选填，11位手机号'
          onChange={(v) => set('phone', v.replace(/\D/g, ''))}
        />
      </View>

      <View className='form-group__title'>党籍信息</View>
      <View className='form-group'>
        <DateField
          name='joinedAt'
          label='入党日期'
          required
          value={form.joinedAt}
          error={errors.joinedAt}
          hint='支部大会接收为预备党员的日期'
          end={today}
          onChange={(v) => set('joinedAt', v)}
        />
        <ChoiceField name='status' label='状态' required value={form.status} error={errors.status} choices={STATUSES} onChange={(v) => set('status', v)} />
        <DateField
          name='formalAt'
          label='转正日期'
          value={form.formalAt}
          error={errors.formalAt}
          hint={form.status === 'probationary' ? '预备党员转正后再填写' : undefined}
          end={today}
          onChange={(v) => set('formalAt', v)}
          onClear={() => set('formalAt', '')}
        />
        <SelectField
          name='groupId'
          label='党小组'
          value={form.groupId === '' ? NO_GROUP : form.groupId}
          error={errors.groupId}
          options={groupOptions}
          onChange={(v) => set('groupId', v === NO_GROUP ? '' : v)}
        />
        <SelectField
          name='duesCategory'
          label='党费类别'
          value={form.duesCategory}
          error={errors.duesCategory}
          options={DUES_OPTIONS}
          placeholder='选填'
          onChange={(v) => set('duesCategory', v)}
        />
      </View>

      <View className='form-group__title'>特殊情况</View>
      <View className='form-group'>
        <SwitchField name='elderly' label='年老体弱' hint='年老体弱、行动不便或重病，不作参会硬性要求' value={form.elderly} onChange={(v) => set('elderly', v)} />
        <SwitchField name='mobile' label='流动党员' hint='可通过微信或视频远程参加组织生活' value={form.mobile} onChange={(v) => set('mobile', v)} />
      </View>

      <View className='bottom-bar'>
        <Button type='primary' size='large' block loading={save.pending} disabled={save.pending} data-testid='member-save' onClick={() => void submit()}>
          {editing ? '保存' : '添加党员'}
        </Button>
      </View>
    </View>
  )
}

export default function MemberEditPage(): React.ReactElement {
  const { params } = useRouter()
  const memberId = params.memberId || undefined
  return (
    <AccessGate action={memberId ? org.actions.updateMember : org.actions.createMember}>
      {(me) => <MemberEditor me={me} memberId={memberId} />}
    </AccessGate>
  )
}
