/**
 * 角色设置 (`?memberId=`, 书记 only): tick the member's roles in the branch and save (`org.setRoles`).
 * The server audits every change; a change to one's own roles refreshes the signed-in identity.
 */
import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { org } from '@shared/contract/org'
import type { BranchRole } from '@shared/contract/roles'
import { AccessGate, type BoundMe } from '@/components/AccessGate'
import { PageError, PageLoading } from '@/components/PageState'
import { MemberAvatar } from '@/components/MemberAvatar'
import { Icon } from '@/components/Icon'
import { ROLE_OPTIONS } from '@/features/org/labels'
import { loadMe } from '@/features/org/me-store'
import { useMember } from '@/features/org/use-org'
import { back } from '@/utils/nav'
import { useSetRoles } from '@/features/org/use-set-roles'
import './index.scss'

/** What each role does here, so the 书记 knows what they grant. */
const ROLE_HINTS: Record<BranchRole, string> = {
  secretary: '主持支部工作，可设置角色和支部规则',
  'deputy-secretary': '协助书记工作',
  organizer: '管理党员名册、邀请码和组织生活',
  publicity: '负责宣传教育和学习安排',
  discipline: '负责纪律检查，可查看操作日志',
  'group-leader': '管理本党小组的党员和活动',
  'dues-manager': '负责党费收缴登记',
}

function RolesEditor({ me, memberId }: { me: BoundMe; memberId: string }): React.ReactElement {
  const { data: member, error, reload } = useMember(memberId)
  const [roles, setRoles] = useState<BranchRole[]>([])
  const save = useSetRoles(memberId)

  useEffect(() => {
    if (member) setRoles(member.roles)
  }, [member])

  if (error && !member) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (!member) return <View className='page'><PageLoading /></View>

  const toggle = (r: BranchRole): void => setRoles((cur) => (cur.includes(r) ? cur.filter((x) => x !== r) : [...cur, r]))

  const submit = async (): Promise<void> => {
    const ordered = ROLE_OPTIONS.map((o) => o.value).filter((r) => roles.includes(r))
    const removingOwnSecretary = member.id === me.member.id && member.roles.includes('secretary') && !ordered.includes('secretary')
    if (removingOwnSecretary) {
      const { confirm } = await Taro.showModal({
        title: '取消自己的书记角色？',
        content: '保存后您将不能再设置角色和支部规则。',
        confirmText: '确认取消',
        confirmColor: '#c8161d',
      })
      if (!confirm) return
    }
    const saved = await save.run(ordered)
    if (!saved) return
    if (saved.id === me.member.id) void loadMe()
    void Taro.showToast({ title: '角色已保存', icon: 'success', duration: 1200 })
    back()
  }

  return (
    <View className='page page--with-bar roles' data-testid='roles-page'>
      <View className='card roles__who'>
        <MemberAvatar name={member.name} />
        <Text className='roles__name'>{member.name}</Text>
      </View>
      <View className='form-group__title'>支部内角色（可多选）</View>
      <View className='roles__list'>
        {ROLE_OPTIONS.map((o) => {
          const on = roles.includes(o.value)
          return (
            <View
              key={o.value}
              className={`role-option${on ? ' role-option--on' : ''}`}
              data-testid={`role-${o.value}`}
              role='checkbox'
              aria-checked={on}
              onClick={() => toggle(o.value)}
            >
              <View className='role-option__box'>{on ? <Icon name='check' size={16} color='#ffffff' strokeWidth={3} /> : null}</View>
              <View className='role-option__text'>
                <Text className='role-option__label'>{o.label}</Text>
                <Text className='role-option__hint'>{ROLE_HINTS[o.value]}</Text>
              </View>
            </View>
          )
        })}
      </View>
      <Text className='roles__note'>角色变更会记入操作日志。</Text>
      <View className='bottom-bar'>
        <Button type='primary' size='large' block loading={save.pending} data-testid='roles-save' onClick={() => void submit()}>
          保存
        </Button>
      </View>
    </View>
  )
}

export default function RolesPage(): React.ReactElement {
  const { params } = useRouter()
  const memberId = params.memberId ?? ''
  return (
    <AccessGate action={org.actions.setRoles}>
      {(me) => (memberId ? <RolesEditor me={me} memberId={memberId} /> : <View className='page'><PageError message='没有指定党员' /></View>)}
    </AccessGate>
  )
}
