/**
 * 首页 to-do rows for 组织生活 (`meetings.myTasks`): 补学 owed for a missed meeting, and meetings in the
 * next seven days (sign-in open now, or when and where). Renders nothing when there is nothing to do.
 */
import { View, Text } from '@tarojs/components'
import type { Tasks } from '@shared/contract/meetings'
import { ROUTES } from '@/constants/routes'
import { MEETING_KIND_SHORT_LABELS, meetingWhen } from '@/features/meetings/labels'
import { formatDate } from '@/utils/format'
import { go } from '@/utils/nav'
import './index.scss'

export interface MeetingTask {
  key: string
  title: string
  detail: string
  /** Where the row leads: a meeting, or (several 补学) the member's own attendance page. */
  meetingId: string | null
}

/** More 补学 than this collapse into one row that opens the member's attendance page. */
export const MAKEUP_ROWS = 2

function makeupRows(makeups: Tasks['makeups']): MeetingTask[] {
  const latest = [...makeups].sort((a, b) => (a.date < b.date ? 1 : -1))
  const rows: MeetingTask[] = latest
    .slice(0, MAKEUP_ROWS)
    .map((m) => ({ key: `makeup-${m.meetingId}`, title: '请完成补学', detail: `${formatDate(m.date)} ${m.topic}：阅读会议记录和学习材料`, meetingId: m.meetingId }))
  if (latest.length > MAKEUP_ROWS) {
    rows.push({ key: 'makeup-more', title: `还有${latest.length - MAKEUP_ROWS}次会议需要补学`, detail: '在“我的出勤”中查看', meetingId: null })
  }
  return rows
}

/** The caller's meeting tasks: meetings with sign-in open first, then 补学, then what is coming. */
export function meetingTasks(tasks: Pick<Tasks, 'makeups' | 'upcoming'> | undefined): MeetingTask[] {
  if (!tasks) return []
  const open = tasks.upcoming.filter((m) => m.signIn === 'open' && m.my === 'pending')
  const soon = tasks.upcoming.filter((m) => !(m.signIn === 'open' && m.my === 'pending') && (m.my === 'pending' || m.my === 'leave-declined'))
  return [
    ...open.map((m) => ({ key: `open-${m.id}`, title: `${MEETING_KIND_SHORT_LABELS[m.kind]}正在签到`, detail: `${m.topic} · ${m.place}`, meetingId: m.id })),
    ...makeupRows(tasks.makeups),
    ...soon.map((m) => ({ key: `soon-${m.id}`, title: `${MEETING_KIND_SHORT_LABELS[m.kind]}：${m.topic}`, detail: `${meetingWhen(m.date, m.time)} · ${m.place}`, meetingId: m.id })),
  ]
}

/** `tasks`: the page's `meetings.myTasks` (首页 shares it with the 主题党日 card). */
export function MeetingsTodo({ tasks: data }: { tasks: Tasks | undefined }): React.ReactElement | null {
  const tasks = meetingTasks(data)
  if (tasks.length === 0) return null
  return (
    <View className='meetings-todo' data-testid='meetings-todo'>
      {tasks.map((t) => (
        <View key={t.key} className='meetings-todo__row' data-testid={`meetings-todo-${t.key}`} onClick={() => (t.meetingId ? go(ROUTES.meetingDetail, { meetingId: t.meetingId }) : go(ROUTES.meetingMember))}>
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
