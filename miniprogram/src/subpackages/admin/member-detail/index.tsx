/**
 * 党员详情 (`?memberId=`): the member's record, and the binding actions — 生成邀请码 (`org.createInvite`,
 * shown large with its expiry and a copy button) for an unbound member, 解除绑定 (`org.unbindMember`,
 * after a confirmation) for a bound one — plus 编辑 and 角色设置 (书记 only).
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button, Dialog } from '@nutui/nutui-react-taro'
import { org, type MemberDetail } from '@shared/contract/org'
import { ROUTES } from '@/constants/routes'
import { AccessGate, type BoundMe } from '@/components/AccessGate'
import { PageError, PageLoading } from '@/components/PageState'
import { RoleTags } from '@/features/org/components/RoleTags'
import { MemberAvatar } from '@/components/MemberAvatar'
import { Icon } from '@/components/Icon'
import { DUES_CATEGORY_LABELS, GENDER_LABELS } from '@/features/org/labels'
import { can, canManageIdentity } from '@/features/org/permissions'
import { loadMe } from '@/features/org/me-store'
import { useMember } from '@/features/org/use-org'
import { formatDate, formatInstant } from '@/utils/format'
import { go } from '@/utils/nav'
import '@/styles/nutui-forms'
import { useReloadOnReturn } from '@/features/common/use-reload-on-return'
import { useCreateInvite, useUnbindMember } from '@/features/org/use-member-binding'
import './index.scss'

export const UNBIND_REASONS = ['更换手机或微信号', '绑定了错误的微信号', '组织关系转出', '其他原因'] as const

function InfoRow({ label, value }: { label: string; value: string }): React.ReactElement {
  return (
    <View className='info-row'>
      <Text className='info-row__label'>{label}</Text>
      <Text className='info-row__value'>{value}</Text>
    </View>
  )
}

interface Invite {
  code: string
  expiresAt: string
  memberName: string
}

function Detail({ me, memberId, justCreated }: { me: BoundMe; memberId: string; justCreated: boolean }): React.ReactElement {
  const { data: member, error, reload, setData } = useMember(memberId)
  const [invite, setInvite] = useState<Invite | null>(null)
  const [unbindOpen, setUnbindOpen] = useState(false)
  const [reason, setReason] = useState<string>(UNBIND_REASONS[0])
  // The full number is shown only on request (privacy on a shared screen).
  const [showPhone, setShowPhone] = useState(false)
  useReloadOnReturn(reload)

  const createInvite = useCreateInvite(memberId)
  const unbind = useUnbindMember(memberId)

  if (error && !member) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (!member) return <View className='page'><PageLoading /></View>

  const groupName = me.branch.groups.find((g) => g.id === member.groupId)?.name ?? '未分组'
  const canEdit = can(me, org.actions.updateMember)
  const canInvite = canManageIdentity(me, org.actions.createInvite, member.roles)
  const canUnbind = canManageIdentity(me, org.actions.unbindMember, member.roles)
  const canRoles = can(me, org.actions.setRoles)

  const issue = async (): Promise<void> => {
    const result = await createInvite.run()
    if (result) setInvite(result)
  }

  const copy = (code: string): void => {
    void Taro.setClipboardData({ data: code }).then(() => Taro.showToast({ title: '已复制邀请码', icon: 'none' }))
  }

  const confirmUnbind = async (): Promise<void> => {
    const result: MemberDetail | undefined = await unbind.run(reason)
    setUnbindOpen(false)
    if (!result) return
    setData(result)
    setInvite(null)
    void Taro.showToast({ title: '已解除绑定', icon: 'success' })
    if (result.id === me.member.id) void loadMe()
  }

  return (
    <View className='page member-detail' data-testid='member-detail-page'>
      <View className='card member-detail__head'>
        <MemberAvatar name={member.name} />
        <View className='member-detail__who'>
          <Text className='member-detail__name' data-testid='member-detail-name'>
            {member.name}
          </Text>
          <RoleTags status={member.status} roles={member.roles} />
        </View>
        {canEdit ? (
          <View className='member-detail__edit' data-testid='member-edit' onClick={() => go(ROUTES.adminMemberEdit, { memberId })}>
            <Icon name='edit' size={18} color='#c8161d' />
            <Text>编辑</Text>
          </View>
        ) : null}
      </View>

      {justCreated && !member.bound && !invite ? (
        <View className='member-detail__notice'>党员已添加。请生成邀请码并发给本人，本人在小程序中输入后即可完成绑定。</View>
      ) : null}

      <View className='card member-detail__binding' data-testid='binding-card'>
        <View className='card__title'>
          <Text>微信绑定</Text>
          <Text className={`member-detail__bound${member.bound ? ' member-detail__bound--yes' : ''}`} data-testid='bound-state'>
            {member.bound ? '已绑定' : '未绑定'}
          </Text>
        </View>

        {invite ? (
          <View className='invite' data-testid='invite-panel'>
            <Text className='invite__label'>{invite.memberName} 的邀请码</Text>
            <Text className='invite__code' data-testid='invite-code-value' userSelect>
              {invite.code}
            </Text>
            <Text className='invite__expiry'>有效期至 {formatInstant(invite.expiresAt)}</Text>
            <Text className='invite__expiry'>仅可使用一次</Text>
            <Button className='invite__copy' type='primary' fill='outline' data-testid='invite-copy' onClick={() => copy(invite.code)}>
              <View className='invite__copy-inner'>
                <Icon name='copy' size={18} color='#c8161d' />
                <Text>复制邀请码</Text>
              </View>
            </Button>
            <Text className='invite__tip'>请将邀请码当面或私信发给本人，不要发到群里。重新生成后旧码立即失效。</Text>
          </View>
        ) : member.bound ? (
          <Text className='member-detail__binding-text'>本人已用微信绑定，可以正常使用支部助手。</Text>
        ) : (
          <Text className='member-detail__binding-text'>尚未绑定微信。生成邀请码发给本人，在小程序中输入即可绑定。</Text>
        )}

        <View className='member-detail__binding-actions'>
          {!member.bound && canInvite ? (
            <Button type='primary' size='large' block loading={createInvite.pending} data-testid='create-invite' onClick={() => void issue()}>
              {invite ? '重新生成邀请码' : '生成邀请码'}
            </Button>
          ) : null}
          {member.bound && canUnbind ? (
            <Button type='danger' fill='outline' size='large' block data-testid='unbind' onClick={() => setUnbindOpen(true)}>
              解除绑定
            </Button>
          ) : null}
        </View>
      </View>

      <View className='card'>
        <View className='card__title'>基本信息</View>
        <InfoRow label='性别' value={GENDER_LABELS[member.gender]} />
        <View className='info-row'>
          <Text className='info-row__label'>手机号</Text>
          {member.phone ? (
            <View className='info-row__phone' data-testid='phone-toggle' onClick={() => setShowPhone((v) => !v)}>
              <Text className='info-row__value'>{showPhone ? member.phone : (member.phoneMasked ?? member.phone)}</Text>
              <Text className='info-row__action'>{showPhone ? '隐藏' : '显示'}</Text>
            </View>
          ) : (
            <Text className='info-row__value'>未填写</Text>
          )}
        </View>
        <InfoRow label='入党日期' value={formatDate(member.joinedAt)} />
        <InfoRow label='转正日期' value={member.formalAt ? formatDate(member.formalAt) : '—'} />
        <InfoRow label='党小组' value={groupName} />
        <InfoRow label='党费类别' value={member.duesCategory ? DUES_CATEGORY_LABELS[member.duesCategory] : '未设置'} />
        <InfoRow label='年老体弱' value={member.flags.elderly ? '是' : '否'} />
        <InfoRow label='流动党员' value={member.flags.mobile ? '是' : '否'} />
      </View>

      {canRoles ? (
        <View className='card member-detail__link' data-testid='member-roles' onClick={() => go(ROUTES.adminRoles, { memberId })}>
          <Icon name='shield' size={22} color='#c8161d' />
          <Text className='member-detail__link-text'>角色设置</Text>
          <Icon name='chevronRight' size={18} color='#b4b9c2' />
        </View>
      ) : null}

      <Dialog
        visible={unbindOpen}
        title='解除微信绑定'
        onClose={() => setUnbindOpen(false)}
        footer={
          <View className='unbind__footer'>
            <Button className='unbind__btn' data-testid='unbind-cancel' onClick={() => setUnbindOpen(false)}>
              取消
            </Button>
            <Button className='unbind__btn' type='primary' loading={unbind.pending} data-testid='unbind-confirm' onClick={() => void confirmUnbind()}>
              确认解除
            </Button>
          </View>
        }
      >
        <View className='unbind' data-testid='unbind-dialog'>
          <Text className='unbind__text'>解除后，{member.name} 需要用新的邀请码重新绑定。请选择原因：</Text>
          {UNBIND_REASONS.map((r) => (
            <View key={r} className={`unbind__reason${reason === r ? ' unbind__reason--on' : ''}`} onClick={() => setReason(r)}>
              <View className='unbind__radio'>{reason === r ? <Icon name='check' size={14} color='#ffffff' strokeWidth={3} /> : null}</View>
              <Text>{r}</Text>
            </View>
          ))}
        </View>
      </Dialog>
    </View>
  )
}

export default function MemberDetailPage(): React.ReactElement {
  const { params } = useRouter()
  const memberId = params.memberId ?? ''
  return (
    <AccessGate action={org.actions.listMembers}>
      {(me) =>
        memberId ? (
          <Detail me={me} memberId={memberId} justCreated={params.created === '1'} />
        ) : (
          <View className='page'>
            <PageError message='没有指定党员' />
          </View>
        )
      }
    </AccessGate>
  )
}
