/**
 * 绑定: an unbound WeChat user enters the 8-character invite code from their branch once; the server binds
 * their identity to the member record (`org.bind`) and they go to 首页. Unbound users see only this page.
 */
import { useEffect, useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { INVITE_CODE_MESSAGE, normalizeInviteCode } from '@shared/contract/constants/org'
import { ROUTES } from '@/constants/routes'
import { setMe } from '@/features/org/me-store'
import { useMe } from '@/features/org/use-me'
import { go } from '@/utils/nav'
import { PageIntro } from '@/components/PageIntro'
import { useBind } from '@/features/org/use-bind'
import './index.scss'

/** Keep what a member may type in a code: letters and digits, upper-cased, at most 8. */
export const normaliseCode = (raw: string): string => raw.replace(/[^0-9a-zA-Z]/g, '').toUpperCase().slice(0, 8)

/**
 * A friendlier message than the schema's for the common slips: too short, or a look-alike character
 * the code alphabet leaves out (0/O, 1/I; see `INVITE_CODE_PATTERN` in `@shared/contract/constants/org`).
 */
export function checkCode(code: string): string | null {
  if (code.length < 8) return `邀请码共8位，您输入了${code.length}位`
  if (/[01IO]/.test(code)) return '邀请码中没有数字0、1和字母O、I，请仔细核对'
  return null
}

export default function BindPage(): React.ReactElement {
  const { me } = useMe()
  const adminOrgs = me?.adminOrgs ?? []
  const [code, setCode] = useState('')
  const [localError, setLocalError] = useState<string | null>(null)
  const bind = useBind()

  useLoad(() => {
    if (process.env.TARO_ENV === 'weapp') void Taro.hideHomeButton()
  })

  // Someone already bound who lands here (old link, back button) goes to 首页.
  useEffect(() => {
    if (me?.bound) void Taro.switchTab({ url: ROUTES.home })
  }, [me?.bound])

  const submit = async (): Promise<void> => {
    const problem = checkCode(code)
    const parsed = normalizeInviteCode(code)
    if (problem || parsed === null) {
      setLocalError(problem ?? INVITE_CODE_MESSAGE)
      return
    }
    setLocalError(null)
    const result = await bind.run(parsed)
    if (result) {
      setMe(result)
      void Taro.showToast({ title: '绑定成功', icon: 'success', duration: 1500 })
      void Taro.switchTab({ url: ROUTES.home })
    }
  }

  const error = localError ?? bind.error

  return (
    <View className='page bind' data-testid='bind-page'>
      {adminOrgs.length > 0 ? (
        <PageIntro title='上级党委管理员' desc='查看所属各支部的工作概况，设立党支部并指定书记。' />
      ) : (
        <PageIntro title='绑定党员身份' desc='请输入支部书记或组织委员发给您的 8 位邀请码，绑定后即可使用支部助手。' />
      )}

      {adminOrgs.length > 0 ? (
        // A 上级党委 admin who is not a member of a branch has no 首页 of their own: their pages start here.
        <View className='card bind__admin' data-testid='bind-admin-card'>
          <Text className='bind__admin-orgs'>{adminOrgs.map((o) => `「${o.name}」`).join('、')}</Text>
          <Button type='primary' size='large' block data-testid='bind-admin-overview' onClick={() => go(ROUTES.workbenchOverview)}>
            各支部工作概况
          </Button>
          <Button fill='outline' size='large' block style={{ marginTop: '12px' }} data-testid='bind-admin-branch' onClick={() => go(ROUTES.setupCreateBranch)}>
            设立党支部
          </Button>
          <Text className='bind__hint'>如果您同时是某个支部的党员，可在下方输入该支部发给您的邀请码，绑定党员身份。</Text>
        </View>
      ) : null}

      <View className='card bind__form'>
        <Text className='bind__label'>邀请码</Text>
        <View className={`bind__input-wrap${error ? ' bind__input-wrap--error' : ''}`} data-testid='invite-code'>
          <Input
            className='bind__input'
            value={code}
            maxlength={8}
            placeholder='8位邀请码'
            placeholderClass='bind__placeholder'
            confirmType='done'
            onInput={(e) => {
              const next = normaliseCode(e.detail.value)
              setCode(next)
              if (error) {
                setLocalError(null)
                bind.reset()
              }
              return next
            }}
            onConfirm={() => void submit()}
          />
        </View>
        {error ? (
          <Text className='bind__error' data-testid='bind-error'>
            {error}
          </Text>
        ) : (
          <Text className='bind__hint'>不区分大小写，7天内有效，仅能使用一次</Text>
        )}
        <Button
          className='bind__submit'
          type='primary'
          size='large'
          block
          loading={bind.pending}
          disabled={code.length === 0 || bind.pending}
          onClick={() => void submit()}
          data-testid='bind-submit'
        >
          确认绑定
        </Button>
      </View>

      <Text className='bind__help'>没有邀请码？请联系本支部书记或组织委员。</Text>
      {/* First run of a new deployment: the 上级党委 admin claims the environment with the 初始化码. */}
      {adminOrgs.length > 0 ? null : (
        <Text className='bind__admin-link' data-testid='bind-admin-link' onClick={() => void Taro.navigateTo({ url: ROUTES.setupClaimAdmin })}>
          我是上级党委管理员，首次使用
        </Text>
      )}
    </View>
  )
}
