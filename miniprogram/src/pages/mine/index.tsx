/**
 * 我的: who I am (name, branch, status, roles), my menu (党费, 积分, 消息提醒),
 * 支部管理 for 支委, and 关于.
 */
import { View, Text } from '@tarojs/components'
import { Cell } from '@nutui/nutui-react-taro'
import { ROUTES } from '@/constants/routes'
import { useRequireBound } from '@/features/org/use-me'
import { can, isCommittee } from '@/features/org/permissions'
import { PageError, PageLoading } from '@/components/PageState'
import { RoleTags } from '@/features/org/components/RoleTags'
import { MemberAvatar } from '@/components/MemberAvatar'
import { Icon, type IconName } from '@/components/Icon'
import { go } from '@/utils/nav'
import './index.scss'
import { CATALOG } from '@shared/contract/catalog'

interface MenuItemProps {
  icon: IconName
  title: string
  extra?: string
  testId: string
  onClick: () => void
}

/**
 * A menu row. Called as a function (not `<MenuItem/>`) so Cell.Group sees NutCell children and draws
 * dividers between rows only.
 */
function menuItem({ icon, title, extra, testId, onClick }: MenuItemProps): React.ReactElement {
  return (
    <Cell
      key={testId}
      className='mine-menu__item'
      data-testid={testId}
      title={
        <View className='mine-menu__title'>
          <Icon name={icon} size={22} color='#c8161d' />
          <Text className='mine-menu__text'>{title}</Text>
        </View>
      }
      extra={
        <View className='mine-menu__extra'>
          {extra ? <Text className='mine-menu__extra-text'>{extra}</Text> : null}
          <Icon name='chevronRight' size={18} color='#b4b9c2' />
        </View>
      }
      onClick={onClick}
    />
  )
}

export default function MinePage(): React.ReactElement {
  const { me, loading, error, reload } = useRequireBound()

  if (error && !me) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (loading || !me?.bound || !me.member || !me.branch) return <View className='page'><PageLoading /></View>

  const { member, branch } = me
  const manage: MenuItemProps[] = []
  if (can(me, CATALOG.org.actions.listMembers)) manage.push({ icon: 'users', title: '党员名册', testId: 'menu-members', onClick: () => go(ROUTES.adminMembers) })
  if (can(me, CATALOG.org.actions.updateBranch)) manage.push({ icon: 'sliders', title: '支部设置', testId: 'menu-branch', onClick: () => go(ROUTES.adminBranch) })
  if (can(me, CATALOG.dues.actions.collection)) manage.push({ icon: 'wallet', title: '党费管理', testId: 'menu-dues-admin', onClick: () => go(ROUTES.duesAdmin) })
  if (can(me, CATALOG.points.actions.reviewQueue)) manage.push({ icon: 'star', title: isCommittee(me) ? '积分管理' : '积分审核', testId: 'menu-points-admin', onClick: () => go(isCommittee(me) ? ROUTES.pointsAdmin : ROUTES.pointsReview) })

  return (
    <View className='page mine' data-testid='mine-page'>
      <View className='mine-head'>
        <MemberAvatar name={member.name} size='large' />
        <View className='mine-head__who'>
          <Text className='mine-head__name' data-testid='mine-name'>
            {member.name}
          </Text>
          <Text className='mine-head__branch'>{branch.name}</Text>
          <RoleTags status={member.status} roles={member.roles} inverse />
        </View>
      </View>

      <Cell.Group className='mine-menu'>
        {[
          menuItem({ icon: 'wallet', title: '党费', testId: 'menu-dues', onClick: () => go(ROUTES.duesMine) }),
          menuItem({ icon: 'star', title: '积分', testId: 'menu-points', onClick: () => go(ROUTES.pointsHome) }),
          menuItem({ icon: 'bell', title: '消息提醒', testId: 'menu-reminders', onClick: () => go(ROUTES.remindersSettings) }),
        ]}
      </Cell.Group>

      {manage.length > 0 ? <Cell.Group className='mine-menu'>{manage.map(menuItem)}</Cell.Group> : null}

      <Cell.Group className='mine-menu'>
        {[menuItem({ icon: 'info', title: '关于支部助手', testId: 'menu-about', onClick: () => go(ROUTES.about) })]}
      </Cell.Group>
    </View>
  )
}
