/**
 * A meeting in a list: a date block, the kind and topic, time and place, the caller's status and, once
 * held, 实到 / 应到. Also `Chip`, the small coloured status label the meetings pages share.
 */
import { View, Text } from '@tarojs/components'
import type { MeetingSummary } from '@shared/contract/meetings'
import { MEETING_KIND_SHORT_LABELS, MY_STATUS, SIGN_IN_LABELS, meetingWhen, type Tone } from '@/features/meetings/labels'
import './index.scss'

export function Chip({ tone, children, testId }: { tone: Tone; children: React.ReactNode; testId?: string }): React.ReactElement {
  return (
    <Text className={`tag tag--${tone}`} data-testid={testId}>
      {children}
    </Text>
  )
}

export function MeetingCard({ m, onClick }: { m: MeetingSummary; onClick: () => void }): React.ReactElement {
  const [, month, day] = m.date.split('-').map(Number)
  const my = MY_STATUS[m.my]
  const past = m.locked || m.signIn === 'closed'
  return (
    <View className={`mcard${m.status === 'cancelled' ? ' mcard--cancelled' : ''}`} data-testid='meeting-card' data-meeting-id={m.id} onClick={onClick}>
      <View className={`mcard__date mcard__date--${m.kind}`}>
        <Text className='mcard__day'>{day}</Text>
        <Text className='mcard__month'>{month}月</Text>
      </View>
      <View className='mcard__main'>
        <View className='mcard__head'>
          <Text className='mcard__kind'>{MEETING_KIND_SHORT_LABELS[m.kind]}</Text>
          <Text className='mcard__topic'>{m.topic}</Text>
        </View>
        <Text className='mcard__when'>
          {meetingWhen(m.date, m.time)} · {m.place}
        </Text>
        <View className='mcard__foot'>
          {m.status === 'cancelled' ? <Chip tone='grey'>已取消</Chip> : null}
          {m.status !== 'cancelled' && m.signIn === 'open' ? <Chip tone='red'>{SIGN_IN_LABELS.open}</Chip> : null}
          {m.status !== 'cancelled' && my.label ? <Chip tone={my.tone}>{my.label}</Chip> : null}
          {past && m.status !== 'cancelled' ? (
            <Text className='mcard__counts'>
              实到 {m.counts.present}/{m.counts.due}
              {m.counts.leave ? ` · 请假 ${m.counts.leave}` : ''}
            </Text>
          ) : null}
        </View>
      </View>
      <Text className='mcard__arrow'>›</Text>
    </View>
  )
}
