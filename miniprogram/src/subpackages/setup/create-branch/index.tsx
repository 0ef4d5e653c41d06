/**
 * 设立党支部: a 上级党委 admin sets up a 党支部 (or 党总支) under an org they administer, with its
 * 书记 if they like (`org.createBranch`); the 书记's invite code is shown once, to be passed on. Reached right
 * after the first admin is made, and from the 首次使用 page later.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import type { CreatedBranch } from '@shared/contract/org'
import { beijingDate } from '@shared/rules/time'
import { ChoiceField, DateField, SelectField, SwitchField, TextField } from '@/components/Fields'
import { PageError, PageLoading } from '@/components/PageState'
import { GENDER_LABELS } from '@/features/org/labels'
import { EMPTY_MEMBER_FORM, type MemberForm } from '@/features/org/member-form'
import { useMe } from '@/features/org/use-me'
import { checkBranchForm, type BranchErrors, type BranchForm, type BranchKind } from '@/features/setup/setup-forms'
import { useCreateBranch } from '@/features/setup/use-setup'
import { formatDate } from '@/utils/format'
import './index.scss'

const KINDS = [
  { value: 'branch', label: '党支部' },
  { value: 'general-branch', label: '党总支' },
] as const
const GENDERS = [
  { value: 'male', label: GENDER_LABELS.male },
  { value: 'female', label: GENDER_LABELS.female },
] as const

function CreatedCard({ item }: { item: CreatedBranch }): React.ReactElement {
  const copy = (): void => {
    if (item.invite) void Taro.setClipboardData({ data: item.invite.code })
  }
  return (
    <View className='card created' data-testid='created-branch'>
      <Text className='created__title'>已设立「{item.name}」</Text>
      <Text className='created__sub'>隶属 {item.parentName}</Text>
      {item.invite && item.secretary ? (
        <View className='created__invite'>
          <Text className='created__label'>书记 {item.secretary.name} 的邀请码</Text>
          <Text className='created__code' data-testid='created-invite-code'>
            {item.invite.code}
          </Text>
          <Text className='created__hint'>请当面或通过可信渠道交给本人，{formatDate(beijingDate(item.invite.expiresAt))}前有效，仅能使用一次。书记在小程序「绑定」页输入后即可管理本支部。</Text>
          <Button type='primary' fill='outline' block onClick={copy}>
            复制邀请码
          </Button>
        </View>
      ) : (
        <Text className='created__hint'>{item.kind === 'branch' ? '尚未指定书记：可稍后由您在支部中设置。' : '可继续在此党总支下设立党支部。'}</Text>
      )}
    </View>
  )
}

export default function CreateBranchPage(): React.ReactElement {
  const { me, loading, error, reload } = useMe()
  const branch = useCreateBranch()
  const [form, setForm] = useState<BranchForm>({ parentId: '', kind: 'branch', name: '', withSecretary: true, secretary: EMPTY_MEMBER_FORM })
  const [errors, setErrors] = useState<BranchErrors>({})

  if (error && !me) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (loading || !me) return <View className='page'><PageLoading /></View>
  if (me.adminOrgs.length === 0) return <View className='page'><PageError message='只有上级党委管理员可以设立党支部' /></View>

  // The orgs administered, and 党总支 set up in this visit (branches can go under them too).
  const parents = [
    ...me.adminOrgs.map((o) => ({ value: o.id, label: o.name })),
    ...branch.created.filter((c) => c.kind === 'general-branch').map((c) => ({ value: c.id, label: c.name })),
  ]
  const parentId = form.parentId || parents[0]?.value || ''

  const set = <K extends keyof BranchForm>(key: K, value: BranchForm[K]): void => {
    setForm((f) => ({ ...f, [key]: value }))
    if (errors[key as keyof BranchErrors]) setErrors((e) => ({ ...e, [key]: undefined }))
    if (branch.error) branch.reset()
  }
  const setSecretary = <K extends keyof MemberForm>(key: K, value: MemberForm[K]): void => {
    setForm((f) => ({ ...f, secretary: { ...f.secretary, [key]: value } }))
    if (errors.secretary?.[key]) setErrors((e) => ({ ...e, secretary: { ...e.secretary, [key]: undefined } }))
  }

  const submit = async (): Promise<void> => {
    const checked = checkBranchForm({ ...form, parentId })
    if (!checked.ok) {
      setErrors(checked.errors)
      void Taro.showToast({ title: '请检查标红的内容', icon: 'none' })
      return
    }
    const created = await branch.create(checked.input)
    if (created) {
      void Taro.showToast({ title: '已设立', icon: 'success', duration: 1200 })
      setForm((f) => ({ ...f, name: '', secretary: EMPTY_MEMBER_FORM }))
      setErrors({})
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 })
    }
  }

  const s = form.secretary
  const se = errors.secretary ?? {}
  const today = new Date()
  const isBranch = form.kind === 'branch'

  return (
    <View className='page page--with-bar create-branch' data-testid='create-branch-page'>
      {branch.created.map((c) => (
        <CreatedCard key={c.id} item={c} />
      ))}

      <View className='form-group__title'>{branch.created.length ? '继续设立' : '组织信息'}</View>
      <View className='form-group'>
        <SelectField name='parentId' label='上级组织' required value={parentId} error={errors.parentId} options={parents} onChange={(v) => set('parentId', v)} />
        <ChoiceField name='kind' label='类型' required value={form.kind} choices={KINDS} onChange={(v: BranchKind) => set('kind', v)} />
        <TextField
          name='name'
          label='名称'
          required
          stacked
          value={form.name}
          error={errors.name}
          maxLength={40}
          placeholder={isBranch ? '如：××社区第一党支部' : '如：××党总支'}
          onChange={(v) => set('name', v)}
        />
      </View>

      {isBranch ? (
        <>
          <View className='form-group__title'>支部书记</View>
          <View className='form-group'>
            <SwitchField name='withSecretary' label='指定书记' hint='将生成邀请码，书记绑定后管理本支部' value={form.withSecretary} onChange={(v) => set('withSecretary', v)} />
            {form.withSecretary ? (
              <>
                <TextField name='secretaryName' label='姓名' required value={s.name} error={se.name} maxLength={20} onChange={(v) => setSecretary('name', v)} />
                <ChoiceField name='secretaryGender' label='性别' required value={s.gender} error={se.gender} choices={GENDERS} onChange={(v) => setSecretary('gender', v)} />
                <TextField
                  name='secretaryPhone'
                  label='手机号'
                  type='number'
                  value={s.phone}
                  error={se.phone}
                  maxLength={11}
                  placeholder='选填，11位手机号'
                  onChange={(v) => setSecretary('phone', v.replace(/\D/g, ''))}
                />
                <DateField name='secretaryJoinedAt' label='入党日期' required value={s.joinedAt} error={se.joinedAt} end={today} onChange={(v) => setSecretary('joinedAt', v)} />
                <DateField
                  name='secretaryFormalAt'
                  label='转正日期'
                  value={s.formalAt}
                  error={se.formalAt}
                  hint='书记应为正式党员'
                  end={today}
                  onChange={(v) => setSecretary('formalAt', v)}
                  onClear={() => setSecretary('formalAt', '')}
                />
              </>
            ) : null}
          </View>
        </>
      ) : null}

      {branch.error ? (
        <Text className='create-branch__error' data-testid='create-branch-error'>
          {branch.error}
        </Text>
      ) : null}

      <View className='bottom-bar'>
        <Button type='primary' size='large' block loading={branch.pending} disabled={branch.pending} data-testid='create-branch-submit' onClick={() => void submit()}>
          {isBranch ? '设立党支部' : '设立党总支'}
        </Button>
      </View>
    </View>
  )
}
