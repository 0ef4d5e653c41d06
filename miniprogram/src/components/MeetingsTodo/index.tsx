/**
 * 首页 to-do rows for 组织生活 (`meetings.myTasks`): 补学 owed for a missed meeting, and meetings in the
 * next seven days (sign-in open now, or when and where). Renders nothing when there is nothing to do.
 */
import { View, Text } from '@tarojs/components'
import type { Tasks } from '@shared/contract/meetings'
import { ROUTES } from '@/constants/routes'
import { MEETING_KIND_SHORT_LABELS, meetingWhen } from '@/features/meetings/labels'
import { useMyTasks } from '@/features/meetings/use-meetings'
import { formatDate } from '@/utils/format'
import { go } from '@/utils/nav'
import './index.scss'

export interface MeetingTask {
  key: string
  title: string
  detail: string
  meetingId: string
}

/** The caller's meeting tasks: meetings with sign-in open first, then 补学, then what is coming. */
export function meetingTasks(tasks: Tasks | undefined): MeetingTask[] {
  if (!tasks) return []
  const open = tasks.upcoming.filter((m) => m.signIn === 'open' && m.my === 'pending')
  const soon = tasks.upcoming.filter((m) => !(m.signIn === 'open' && m.my === 'pending') && (m.my === 'pending' || m.my === 'leave-declined'))
  return [
    ...open.map((m) => ({ key: `open-${m.id}`, title: `${MEETING_KIND_SHORT_LABELS[m.kind]}正在签到`, detail: `${m.topic} · ${m.place}`, meetingId: m.id })),
    ...tasks.makeups.map((m) => ({ key: `makeup-${m.meetingId}`, title: '请完成补学', detail: `${formatDate(m.date)} ${m.topic}：阅读会议记录和学习材料`, meetingId: m.meetingId })),
    ...soon.map((m) => ({ key: `soon-${m.id}`, title: `${MEETING_KIND_SHORT_LABELS[m.kind]}：${m.topic}`, detail: `${meetingWhen(m.date, m.time)} · ${m.place}`, meetingId: m.id })),
  ]
}

export function MeetingsTodo(): React.ReactElement | null {
  const { data } = useMyTasks()
  const tasks = meetingTasks(data)
  if (tasks.length === 0) return null
  return (
    <View className='meetings-todo' data-testid='meetings-todo'>
      {tasks.map((t) => (
        <View key={t.key} className='meetings-todo__row' data-testid={`meetings-todo-${t.key}`} onClick={() => go(ROUTES.meetingDetail, { meetingId: t.meetingId })}>
          <View className='meetings-todo__dot' />
          <View className='meetings-todo__main'>
            <Text className='meetings-todo__title'>{t.title}</Text>
            <Text className='meetings-todo__detail'>{t.detail}</Text>
          </View>
          <Text className='meetings-todo__arrow'>›</Text>
        </View>
      ))}
    </View>
  )
}
