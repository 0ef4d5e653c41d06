/**
 * 请假审批: leave requests, pending first — the 书记 sees the branch's, a 党小组长 their group's. Approve,
 * or decline with a note; approved leave is not an absence (the member makes it up with 补学).
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Button, Input } from '@nutui/nutui-react-taro'
import { meetings as contract, type Leave } from '@shared/contract/meetings'
import { AccessGate, type BoundMe } from '@/components/AccessGate'
import { Chip } from '@/features/meetings/components/MeetingCard'
import { EmptyState, PageError, PageLoading } from '@/components/PageState'
import { LEAVE_STATUS, MEETING_KIND_SHORT_LABELS } from '@/features/meetings/labels'
import { useLeaves } from '@/features/meetings/use-meetings'
import { formatInstant } from '@/utils/format'
import { useDecideLeave } from '@/features/meetings/use-decide-leave'
import '../shared.scss'
import './index.scss'

function LeaveRow({ l, canDecide, onDecided }: { l: Leave; canDecide: boolean; onDecided: (l: Leave) => void }): React.ReactElement {
  const [note, setNote] = useState('')
  const decide = useDecideLeave(l.id, note)
  const st = LEAVE_STATUS[l.status]
  const onDecide = async (approve: boolean): Promise<void> => {
    const res = await Taro.showModal({ title: approve ? '批准请假' : '不批准请假', content: `${l.memberName}：${l.reason}`, confirmText: approve ? '批准' : '不批准' })
    if (!res.confirm) return
    const done = await decide.run(approve)
    if (done) {
      void Taro.showToast({ title: approve ? '已批准' : '已处理', icon: 'success' })
      onDecided(done)
    }
  }
  return (
    <View className='card leave-row' data-testid='leave-row' data-leave-id={l.id} data-status={l.status}>
      <View className='card__title'>
        {l.memberName}
        <Chip tone={st.tone}>{st.label}</Chip>
      </View>
      <Text className='leave-row__meeting'>
        {MEETING_KIND_SHORT_LABELS[l.meetingKind]} · {l.meetingTopic} · {formatInstant(l.meetingStartsAt)}
      </Text>
      <Text className='leave-row__reason'>事由：{l.reason}</Text>
      {l.decidedByName ? (
        <Text className='mt-note'>
          {l.decidedByName}于{formatInstant(l.decidedAt ?? '')}处理{l.note ? `：${l.note}` : ''}
        </Text>
      ) : null}
      {canDecide && l.status === 'pending' ? (
        <>
          <Input className='mt-input leave-row__note' value={note} placeholder='备注（选填）' maxLength={100} onChange={(v) => setNote(v)} />
          <View className='mt-actions mt-actions--row'>
            <Button fill='outline' disabled={decide.pending} data-testid='leave-decline' onClick={() => void onDecide(false)}>
              不批准
            </Button>
            <Button type='primary' loading={decide.pending} data-testid='leave-approve' onClick={() => void onDecide(true)}>
              批准
            </Button>
          </View>
        </>
      ) : null}
    </View>
  )
}

function Leaves({ me }: { me: BoundMe }): React.ReactElement {
  const secretary = me.member.roles.includes('secretary')
  const leader = me.member.roles.includes('group-leader')
  const groupId = !secretary && leader ? (me.member.groupId ?? undefined) : undefined
  const { data, loading, error, reload, setData } = useLeaves({ groupId })
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh())
  })
  if (error && !data) return <View className='page'><PageError message={error.message} onRetry={() => void reload()} /></View>
  if (loading && !data) return <View className='page'><PageLoading /></View>
  const leaves = data?.leaves ?? []
  const canDecide = (l: Leave) => l.memberId !== me.member.id && (secretary || (leader && l.groupId === me.member.groupId))
  const pending = leaves.filter((l) => l.status === 'pending').length
  return (
    <View className='page leaves' data-testid='leaves-page'>
      <View className='section-label'>{pending > 0 ? `${pending} 条待审批` : '没有待审批的请假'}</View>
      {leaves.length === 0 ? (
        <View className='card'>
          <EmptyState text='暂无请假申请' icon='clipboard' />
        </View>
      ) : (
        leaves.map((l) => (
          <LeaveRow key={l.id} l={l} canDecide={canDecide(l)} onDecided={(next) => setData({ leaves: leaves.map((x) => (x.id === next.id ? next : x)) })} />
        ))
      )}
    </View>
  )
}

export default function LeavesPage(): React.ReactElement {
  return <AccessGate action={contract.actions.listLeaves}>{(me) => <Leaves me={me} />}</AccessGate>
}
