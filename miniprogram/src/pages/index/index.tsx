/**
 * 首页: the member's branch, name, status and roles, this month's 主题党日, their to-do list, and — for 支委
 * and 上级 admins — the entries to the admin pages. An unbound user is sent to the binding page.
 */
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { ROUTES } from '@/constants/routes'
import { useRequireBound } from '@/features/org/use-me'
import { can } from '@/features/org/permissions'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { RoleTags } from '@/features/org/components/RoleTags'
import { MemberAvatar } from '@/components/MemberAvatar'
import { EntryGrid, type Entry } from '@/components/EntryGrid'
import { EvaluationTodo } from '@/features/evaluation/components/EvaluationTodo'
import { MeetingsTodo } from '@/features/meetings/components/MeetingsTodo'
import { ThemeDayCard } from '@/features/meetings/components/ThemeDayCard'
import { useMyTasks } from '@/features/meetings/use-meetings'
import { DuesTodo } from '@/features/dues/components/DuesTodo'
import { PointsTodo } from '@/features/points/components/PointsTodo'
import { WorkbenchTodo } from '@/features/workbench/components/WorkbenchTodo'
import { RemindersTodo } from '@/features/reminders/components/RemindersTodo'
import { go } from '@/utils/nav'
import { formatDate } from '@/utils/format'
import './index.scss'
import { CATALOG } from '@shared/contract/catalog'

export default function HomePage(): React.ReactElement {
  const { me, loading, error, reload } = useRequireBound()
  // One call for the 组织生活 to-dos and the 主题党日 card.
  const tasks = useMyTasks(!!me?.bound)

  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })

  if (error && !me) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (loading || !me || !me.bound || !me.member || !me.branch) return <View className='page'><PageLoading cards={3} /></View>

  const { member, branch } = me
  const group = branch.groups.find((g) => g.id === member.groupId)

  const admin: Entry[] = []
  if (can(me, CATALOG.org.actions.listMembers)) admin.push({ key: 'members', label: '党员名册', icon: 'users', onClick: () => go(ROUTES.adminMembers) })
  if (can(me, CATALOG.org.actions.createMember)) admin.push({ key: 'add-member', label: '添加党员', icon: 'userPlus', onClick: () => go(ROUTES.adminMemberEdit) })
  if (can(me, CATALOG.org.actions.updateBranch)) admin.push({ key: 'branch', label: '支部设置', icon: 'sliders', onClick: () => go(ROUTES.adminBranch) })
  if (can(me, CATALOG.dues.actions.collection)) admin.push({ key: 'dues-admin', label: '党费管理', icon: 'wallet', onClick: () => go(ROUTES.duesAdmin) })
  if (can(me, CATALOG.workbench.actions.dashboard)) admin.push({ key: 'workbench', label: '支部工作台', icon: 'clipboard', onClick: () => go(ROUTES.workbench) })

  const quick: Entry[] = [
    { key: 'meetings', label: '组织生活', icon: 'flag', onClick: () => go(ROUTES.meetings) },
    { key: 'evaluation', label: '民主评议', icon: 'clipboard', onClick: () => go(ROUTES.evaluation) },
    { key: 'dues', label: '党费', icon: 'wallet', onClick: () => go(ROUTES.duesMine) },
    { key: 'points', label: '积分', icon: 'star', onClick: () => go(ROUTES.pointsHome) },
    { key: 'reminders', label: '消息提醒', icon: 'bell', onClick: () => go(ROUTES.remindersSettings) },
  ]

  return (
    <View className='page home' data-testid='home-page'>
      <View className='home-hero'>
        {branch.parentName ? <Text className='home-hero__parent'>{branch.parentName}</Text> : null}
        <Text className='home-hero__branch' data-testid='branch-name'>
          {branch.name}
        </Text>
      </View>

      <View className='card home-profile'>
        <View className='home-profile__head'>
          <MemberAvatar name={member.name} />
          <View className='home-profile__who'>
            <Text className='home-profile__name' data-testid='member-name'>
              {member.name}
            </Text>
            <RoleTags status={member.status} roles={member.roles} />
          </View>
        </View>
        <View className='home-profile__facts'>
          <View className='home-profile__fact'>
            <Text className='home-profile__fact-label'>入党日期</Text>
            <Text className='home-profile__fact-value'>{formatDate(member.joinedAt)}</Text>
          </View>
          <View className='home-profile__fact'>
            <Text className='home-profile__fact-label'>党小组</Text>
            <Text className='home-profile__fact-value'>{group?.name ?? '未分组'}</Text>
          </View>
        </View>
      </View>

      <View className='card' data-testid='home-theme-day'>
        <ThemeDayCard meeting={tasks.data ? tasks.data.themeDay : undefined} rule={branch.themeDayRule} />
      </View>

      <View className='card' data-testid='todo-list'>
        <View className='card__title'>我的待办</View>
        <MeetingsTodo tasks={tasks.data} />
        <EvaluationTodo />
        <DuesTodo />
        <PointsTodo />
        <WorkbenchTodo />
        <RemindersTodo />
        <EmptyState text='暂无待办' icon='clipboard' compact />
      </View>

      {admin.length > 0 ? (
        <View className='card' data-testid='admin-entries'>
          <View className='card__title'>支部管理</View>
          <EntryGrid entries={admin} />
        </View>
      ) : null}

      <View className='card'>
        <View className='card__title'>常用功能</View>
        <EntryGrid entries={quick} />
      </View>
    </View>
  )
}
