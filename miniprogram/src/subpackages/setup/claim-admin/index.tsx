/**
 * 首次使用: in a freshly deployed environment, the 上级党委 admin enters the one-time 初始化码
 * printed by `npm run provision`, names the 党委 and themselves, and becomes its admin (`org.claimAdmin`);
 * then goes on to set up branches. Someone who already administers an org sees where to go instead.
 */
import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { ROUTES } from '@/constants/routes'
import { TextField } from '@/components/Fields'
import { PageIntro } from '@/components/PageIntro'
import { PageLoading } from '@/components/PageState'
import { useMe } from '@/features/org/use-me'
import { checkClaimForm, displayBootstrapCode, normaliseBootstrapCode, type ClaimErrors, type ClaimForm } from '@/features/setup/setup-forms'
import { useClaimAdmin } from '@/features/setup/use-setup'
import { go } from '@/utils/nav'
import './index.scss'

export default function ClaimAdminPage(): React.ReactElement {
  const { me, loading } = useMe()
  const [form, setForm] = useState<ClaimForm>({ code: '', orgName: '', adminName: '' })
  const [errors, setErrors] = useState<ClaimErrors>({})
  const claim = useClaimAdmin()

  const set = (key: keyof ClaimForm, value: string): void => {
    setForm((f) => ({ ...f, [key]: value }))
    if (errors[key]) setErrors((e) => ({ ...e, [key]: undefined }))
    if (claim.error) claim.reset()
  }

  const submit = async (): Promise<void> => {
    const checked = checkClaimForm(form)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    const result = await claim.claim(checked.input)
    if (result) {
      void Taro.showToast({ title: '您已成为管理员', icon: 'success', duration: 1500 })
      void Taro.redirectTo({ url: ROUTES.setupCreateBranch })
    }
  }

  if (loading && !me) return <View className='page'><PageLoading /></View>

  if (me && me.adminOrgs.length > 0) {
    return (
      <View className='page claim' data-testid='claim-done'>
        <PageIntro title='您已是上级党委管理员' desc={me.adminOrgs.map((o) => `「${o.name}」`).join('、')} />
        <View className='card claim__next'>
          <Text className='claim__next-text'>下一步：设立党支部并指定书记，把生成的邀请码发给书记，书记绑定后即可管理本支部。</Text>
          <Button type='primary' size='large' block data-testid='claim-go-branch' onClick={() => go(ROUTES.setupCreateBranch)}>
            设立党支部
          </Button>
          <Button fill='outline' size='large' block style={{ marginTop: '12px' }} data-testid='claim-go-overview' onClick={() => go(ROUTES.workbenchOverview)}>
            各支部工作概况
          </Button>
        </View>
      </View>
    )
  }

  const codeError = errors.code ?? (claim.errorCode === 'NOT_FOUND' || claim.errorCode === 'RATE_LIMITED' ? claim.error : null)
  const otherError = codeError === claim.error ? null : claim.error

  return (
    <View className='page page--with-bar claim' data-testid='claim-page'>
      <PageIntro title='设置上级党委管理员' desc='新部署的支部助手还没有管理员。请输入部署人员提供的 12 位初始化码，您将成为上级党委管理员，可以设立党支部、指定书记。' />

      <View className='card claim__form'>
        <Text className='claim__label'>初始化码</Text>
        <View className={`claim__input-wrap${codeError ? ' claim__input-wrap--error' : ''}`} data-testid='claim-code'>
          <Input
            className='claim__input'
            value={displayBootstrapCode(form.code)}
            maxlength={14}
            placeholder='XXXX-XXXX-XXXX'
            placeholderClass='claim__placeholder'
            onInput={(e) => {
              const next = normaliseBootstrapCode(e.detail.value)
              set('code', next)
              return displayBootstrapCode(next)
            }}
          />
        </View>
        {codeError ? (
          <Text className='claim__error' data-testid='claim-code-error'>
            {codeError}
          </Text>
        ) : (
          <Text className='claim__hint'>由部署人员提供，只能使用一次</Text>
        )}
      </View>

      <View className='form-group__title'>党组织与您</View>
      <View className='form-group'>
        <TextField
          name='orgName'
          label='党委名称'
          required
          stacked
          value={form.orgName}
          error={errors.orgName}
          maxLength={40}
          placeholder='如：中共××街道工作委员会'
          onChange={(v) => set('orgName', v)}
        />
        <TextField name='adminName' label='您的姓名' required stacked value={form.adminName} error={errors.adminName} maxLength={20} onChange={(v) => set('adminName', v)} />
      </View>
      {otherError ? (
        <Text className='claim__error claim__error--page' data-testid='claim-error'>
          {otherError}
        </Text>
      ) : null}

      <View className='bottom-bar'>
        <Button type='primary' size='large' block loading={claim.pending} disabled={claim.pending} data-testid='claim-submit' onClick={() => void submit()}>
          成为管理员
        </Button>
      </View>
    </View>
  )
}
