/**
 * Recorder mode: the meeting's roster with each member's status. The host, recorder or a 支委 marks a
 * member present (no phone, network down, 年老体弱 signed in by the recorder) or taking part remotely
 * (流动党员), after a confirmation; each mark is audited with who made it. Read-only once locked.
 */
import { useMemo, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { ATTENDANCE_VIA_LABELS, type RosterRow } from '@shared/contract/meetings'
import { signInState } from '@shared/rules/meetings/sign-in'
import { useRequireBound } from '@/features/org/use-me'
import { useMeeting, useMeetingAttendance } from '@/features/meetings/use-meetings'
import { LEAVE_STATUS, ROSTER_STATUS, beijingHm } from '@/features/meetings/labels'
import { Chip } from '@/features/meetings/components/MeetingCard'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { useMarkAttendance } from '@/features/meetings/use-mark-attendance'
import '../shared.scss'
import './index.scss'

type Filter = 'all' | 'absent' | 'present'
const FILTERS: { key: Filter; label: string }[] = [
  { key: 'absent', label: '未到' },
  { key: 'present', label: '已到' },
  { key: 'all', label: '全部' },
]

export default function ChecklistPage(): React.ReactElement {
  const { params } = useRouter()
  const meetingId = params.meetingId
  const { me } = useRequireBound()
  const ready = me?.bound ? meetingId : undefined
  const meeting = useMeeting(ready)
  const roster = useMeetingAttendance(ready)
  const [filter, setFilter] = useState<Filter>('absent')
  const mark = useMarkAttendance(meetingId)

  usePullDownRefresh(() => {
    void Promise.all([meeting.reload(), roster.reload()]).finally(() => Taro.stopPullDownRefresh())
  })

  const rows = useMemo(() => {
    const all = roster.data?.rows ?? []
    if (filter === 'present') return all.filter((r) => r.status === 'present')
    if (filter === 'absent') return all.filter((r) => r.status !== 'present')
    return all
  }, [roster.data, filter])

  if (!meetingId) return <View className='page'><PageError message='没有找到该会议' /></View>
  const err = meeting.error ?? roster.error
  if (err && (!meeting.data || !roster.data)) return <View className='page'><PageError message={err.message} onRetry={() => void Promise.all([meeting.reload(), roster.reload()])} /></View>
  if (!meeting.data || !roster.data) return <View className='page'><PageLoading cards={3} /></View>
  const m = meeting.data
  const locked = m.lockedAt !== null
  const live = roster.data.live
  const open = !locked && m.status === 'planned' && signInState(m, Date.now()) !== 'not-yet'

  const onMark = async (r: RosterRow, via: 'recorder' | 'remote'): Promise<void> => {
    const what = via === 'remote' ? '远程参加' : '到会'
    const res = await Taro.showModal({ title: '登记到会', content: `确认登记 ${r.name} ${what}？登记会记录您的姓名。`, confirmText: '确认登记' })
    if (!res.confirm) return
    const done = await mark.run(r.memberId, via)
    if (!done) return
    void Taro.showToast({ title: `已登记 ${r.name}`, icon: 'success' })
    await roster.reload()
  }

  return (
    <View className='page checklist' data-testid='checklist-page'>
      <View className='card'>
        <Text className='mt-head__topic'>{m.topic}</Text>
        <View className='mt-counts' style={{ marginTop: '12px' }}>
          <View>
            <Text className='mt-count__num' data-testid='checklist-present'>
              {live.present}
            </Text>
            <Text className='mt-count__label'>实到</Text>
          </View>
          <View>
            <Text className='mt-count__num'>{live.due}</Text>
            <Text className='mt-count__label'>应到</Text>
          </View>
          <View>
            <Text className='mt-count__num'>{live.leave}</Text>
            <Text className='mt-count__label'>请假</Text>
          </View>
        </View>
        {locked ? <Text className='mt-note'>会议记录已提交锁定，出勤如需更正请在会议记录中添加更正。</Text> : null}
        {!locked && !open ? <Text className='mt-note'>签到开始（{beijingHm(m.signInOpensAt)}）后才能登记到会。</Text> : null}
      </View>

      <View className='checklist__filters'>
        {FILTERS.map((f) => (
          <View key={f.key} className={`checklist__filter${filter === f.key ? ' checklist__filter--on' : ''}`} data-testid={`filter-${f.key}`} onClick={() => setFilter(f.key)}>
            <Text>{f.label}</Text>
          </View>
        ))}
      </View>

      {rows.length === 0 ? (
        <View className='card'>
          <EmptyState text={filter === 'absent' ? '应到人员都已到会' : '暂无'} icon='users' compact />
        </View>
      ) : (
        <View className='checklist__list'>
          {rows.map((r) => {
            const st = ROSTER_STATUS[r.status]
            return (
              <View key={r.memberId} className='checklist__row' data-testid='checklist-row' data-member-id={r.memberId} data-status={r.status}>
                <View className='checklist__main'>
                  <View className='checklist__line'>
                    <Text className='checklist__name'>{r.name}</Text>
                    {!r.formal ? <Chip tone='grey'>预备</Chip> : null}
                    {r.exempt ? <Chip tone='gold'>年老体弱</Chip> : null}
                    {r.mobile ? <Chip tone='blue'>流动党员</Chip> : null}
                    {r.observer ? <Chip tone='grey'>列席</Chip> : null}
                  </View>
                  <Text className='checklist__detail'>
                    {r.status === 'present' && r.via
                      ? `${ATTENDANCE_VIA_LABELS[r.via]} ${r.at ? beijingHm(r.at) : ''}${r.markedByName ? `（${r.markedByName}登记）` : ''}`
                      : r.leave
                        ? `请假${LEAVE_STATUS[r.leave].label}`
                        : ''}
                  </Text>
                </View>
                {r.status !== 'present' && open ? (
                  <View className='checklist__btns'>
                    {r.mobile ? (
                      <Button size='small' fill='outline' disabled={mark.pending} onClick={() => void onMark(r, 'remote')}>
                        远程
                      </Button>
                    ) : null}
                    <Button size='small' type='primary' disabled={mark.pending} data-testid='mark-present' onClick={() => void onMark(r, 'recorder')}>
                      登记到会
                    </Button>
                  </View>
                ) : (
                  <Chip tone={st.tone}>{st.label}</Chip>
                )}
              </View>
            )
          })}
        </View>
      )}
    </View>
  )
}
