/**
 * 会议详情: when and where, the caller's status with what they can do now — scan to sign in while the
 * window is open (or type the 6 digits under the host's QR; 流动党员: remotely), ask for leave before it starts, confirm 补学 after a missed meeting —
 * the agenda and materials, 应到 / 实到 / 请假, the locked minutes with corrections; for the host, recorder
 * and 支委 the host QR screen, the recorder checklist and the minutes; for 支委 edit and cancel.
 */
import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Button, TextArea } from '@nutui/nutui-react-taro'
import { CORRECTION_FIELD_LABELS, INVITEE_KIND_LABELS, type MeetingDetail } from '@shared/contract/meetings'
import { ROUTES } from '@/constants/routes'
import { useRequireBound } from '@/features/org/use-me'
import { useAction } from '@/features/common/use-action'
import { useMeeting } from '@/features/meetings/use-meetings'
import { scanAndSignIn } from '@/features/meetings/sign-in'
import { DigitsSignIn } from '@/features/meetings/components/DigitsSignIn'
import { PhotoGrid } from '@/components/PhotoGrid'
import { LEAVE_STATUS, MEETING_KIND_LABELS, MY_STATUS, SIGN_IN_LABELS, beijingHm, meetingWhen } from '@/features/meetings/labels'
import { Chip } from '@/features/meetings/components/MeetingCard'
import { PageError, PageLoading } from '@/components/PageState'
import { formatInstant } from '@/utils/format'
import { go } from '@/utils/nav'
import { SubscribeCard } from '@/features/reminders/components/SubscribeCard'
import { useReloadOnReturn } from '@/features/common/use-reload-on-return'
import { useRequestLeave } from '@/features/meetings/use-leave-request'
import { useConfirmMakeup } from '@/features/meetings/use-confirm-makeup'
import { useCancelMeeting } from '@/features/meetings/use-cancel-meeting'
import '../shared.scss'
import './index.scss'

function MyPart({ m, reload }: { m: MeetingDetail; reload: () => Promise<void> }): React.ReactElement | null {
  const [leaveOpen, setLeaveOpen] = useState(false)
  const [reason, setReason] = useState('')
  const sign = useAction((remote: boolean) => scanAndSignIn({ meetingId: m.id, remote, checksPlace: m.location !== null }))
  const leave = useRequestLeave(m.id)
  const makeup = useConfirmMakeup(m.id)
  if (m.my === 'not-invited' && m.signIn !== 'open') return null
  const status = MY_STATUS[m.my]
  const canSign = m.signIn === 'open' && m.my !== 'present' && m.status === 'planned'
  const beforeStart = Date.now() < Date.parse(m.startsAt)
  const canLeave = beforeStart && m.status === 'planned' && (m.my === 'pending' || m.my === 'leave-declined') && m.myLeave === null

  const onSign = async (remote: boolean): Promise<void> => {
    const done = await sign.run(remote)
    if (!done) return
    void Taro.showToast({ title: done.repeat ? '您已签到' : '签到成功', icon: 'success' })
    await reload()
  }
  const onLeave = async (): Promise<void> => {
    if (reason.trim() === '') {
      void Taro.showToast({ title: '请填写请假事由', icon: 'none' })
      return
    }
    const done = await leave.run(reason.trim())
    if (!done) return
    setLeaveOpen(false)
    void Taro.showToast({ title: '已提交请假', icon: 'success' })
    await reload()
  }
  const onMakeup = async (): Promise<void> => {
    const res = await Taro.showModal({ title: '确认补学', content: '请确认已阅读本次会议的记录和学习材料。', confirmText: '已学习' })
    if (!res.confirm) return
    if (await makeup.run()) {
      void Taro.showToast({ title: '已完成补学', icon: 'success' })
      await reload()
    }
  }

  return (
    <>
    {m.my === 'present' ? <SubscribeCard wanted={['themeDay', 'meeting']} text='已签到。开启微信提醒，下次主题党日和会议前会通知您。' /> : null}
    <View className='card' data-testid='my-part'>
      <View className='card__title'>
        我的参会
        {status.label ? <Chip tone={status.tone} testId='my-status'>{status.label}</Chip> : null}
      </View>
      {m.myLeave ? (
        <Text className='mt-note' data-testid='my-leave'>
          请假事由：{m.myLeave.reason}（{LEAVE_STATUS[m.myLeave.status].label}
          {m.myLeave.note ? `，${m.myLeave.note}` : ''}）
        </Text>
      ) : null}
      {canSign ? (
        <View className='mt-actions'>
          <Button type='primary' size='large' block loading={sign.pending} data-testid='sign-in' onClick={() => void onSign(false)}>
            扫码签到
          </Button>
          <DigitsSignIn
            meetingId={m.id}
            checksPlace={m.location !== null}
            onDone={(done) => {
              void Taro.showToast({ title: done.repeat ? '您已签到' : '签到成功', icon: 'success' })
              void reload()
            }}
          />
          {m.location ? <Text className='mt-note'>签到时将获取您的位置，核对是否在会场附近，位置不会保存。</Text> : null}
          {m.remoteAllowed ? (
            <Button fill='outline' block data-testid='sign-in-remote' onClick={() => void onSign(true)}>
              远程参加（流动党员）扫码签到
            </Button>
          ) : null}
        </View>
      ) : null}
      {m.signIn === 'not-yet' && m.my === 'pending' ? (
        <Text className='mt-note'>会议开始前30分钟起可以扫码签到（{beijingHm(m.signInOpensAt)}起）。</Text>
      ) : null}
      {canLeave && !leaveOpen ? (
        <View className='mt-actions'>
          <Button fill='outline' block data-testid='ask-leave' onClick={() => setLeaveOpen(true)}>
            请假
          </Button>
        </View>
      ) : null}
      {leaveOpen ? (
        <View className='mt-actions' data-testid='leave-form'>
          <TextArea className='mt-input' data-testid='leave-reason' value={reason} placeholder='请填写请假事由（如出差、生病）' maxLength={100} onChange={(v) => setReason(v)} />
          <View className='mt-actions mt-actions--row'>
            <Button fill='outline' onClick={() => setLeaveOpen(false)}>
              取消
            </Button>
            <Button type='primary' loading={leave.pending} data-testid='leave-submit' onClick={() => void onLeave()}>
              提交请假
            </Button>
          </View>
          <Text className='mt-note'>请假由书记或党小组长审批；未能参会的请在会后补学。</Text>
        </View>
      ) : null}
      {m.makeup ? (
        m.makeup.done ? (
          <Text className='mt-note'>已完成补学。</Text>
        ) : (
          <View className='mt-actions'>
            <Text className='mt-note'>您未参加本次会议，请阅读下方会议记录和学习材料后确认补学。</Text>
            <Button type='primary' block loading={makeup.pending} data-testid='confirm-makeup' onClick={() => void onMakeup()}>
              我已学习，确认补学
            </Button>
          </View>
        )
      ) : null}
    </View>
    </>
  )
}

function Detail({ m, reload }: { m: MeetingDetail; reload: () => Promise<void> }): React.ReactElement {
  const [cancelOpen, setCancelOpen] = useState(false)
  const [cancelReason, setCancelReason] = useState('')
  const cancel = useCancelMeeting(m.id)
  const locked = m.lockedAt !== null
  const counts = m.final ?? { ...m.counts, absent: null }

  const onCancel = async (): Promise<void> => {
    if (cancelReason.trim() === '') {
      void Taro.showToast({ title: '请填写取消原因', icon: 'none' })
      return
    }
    const res = await Taro.showModal({ title: '取消会议', content: `确定取消“${m.topic}”吗？取消后党员将看到取消原因。`, confirmText: '确定取消' })
    if (!res.confirm) return
    if (await cancel.run(cancelReason.trim())) {
      setCancelOpen(false)
      void Taro.showToast({ title: '会议已取消', icon: 'success' })
      await reload()
    }
  }

  return (
    <View className='page meeting-detail' data-testid='meeting-detail' data-meeting-id={m.id}>
      <View className='card'>
        <Text className='mt-head__kind'>{MEETING_KIND_LABELS[m.kind]}</Text>
        <Text className='mt-head__topic' data-testid='meeting-topic'>
          {m.topic}
        </Text>
        <View className='mt-line'>
          <Text className='mt-line__label'>时间</Text>
          <Text className='mt-line__value'>
            {meetingWhen(m.date, m.time)}（约{m.durationMinutes}分钟）
          </Text>
        </View>
        <View className='mt-line'>
          <Text className='mt-line__label'>地点</Text>
          <Text className='mt-line__value'>{m.place}</Text>
        </View>
        {m.location ? (
          <View className='mt-line'>
            <Text className='mt-line__label'>位置</Text>
            <Text className='mt-line__value' data-testid='place-check'>
              签到需在会场{m.location.radiusM}米内
            </Text>
          </View>
        ) : null}
        <View className='mt-line'>
          <Text className='mt-line__label'>主持人</Text>
          <Text className='mt-line__value'>{m.hostName}</Text>
        </View>
        <View className='mt-line'>
          <Text className='mt-line__label'>记录人</Text>
          <Text className='mt-line__value'>{m.recorderName}</Text>
        </View>
        <View className='mt-line'>
          <Text className='mt-line__label'>签到</Text>
          <Text className='mt-line__value'>
            {beijingHm(m.signInOpensAt)}—{beijingHm(m.signInClosesAt)} · {m.status === 'cancelled' ? '会议已取消' : SIGN_IN_LABELS[m.signIn]}
          </Text>
        </View>
        {m.status === 'cancelled' ? <Text className='mt-note'>取消原因：{m.cancelReason}</Text> : null}
      </View>

      <MyPart m={m} reload={reload} />

      {m.canHost && m.status !== 'cancelled' ? (
        <View className='card' data-testid='keeper-part'>
          <View className='card__title'>主持与记录</View>
          <View className='mt-actions'>
            {!locked ? (
              <Button type='primary' block data-testid='open-host' onClick={() => go(ROUTES.meetingHost, { meetingId: m.id })}>
                签到二维码（主持人）
              </Button>
            ) : null}
            <Button fill='outline' block data-testid='open-checklist' onClick={() => go(ROUTES.meetingChecklist, { meetingId: m.id })}>
              {locked ? '出勤名单' : '记录人登记到会'}
            </Button>
            <Button fill='outline' block data-testid='open-minutes' onClick={() => go(ROUTES.meetingMinutes, { meetingId: m.id })}>
              {locked ? '会议记录与更正' : '填写会议记录'}
            </Button>
          </View>
        </View>
      ) : null}

      {m.status !== 'cancelled' ? (
        <View className='card' data-testid='meeting-counts'>
          <View className='card__title'>
            出勤
            {m.final?.quorum ? (
              <Chip tone={m.final.quorum.quorate ? 'green' : 'red'}>{m.final.quorum.quorate ? '符合法定人数' : '未达法定人数'}</Chip>
            ) : null}
          </View>
          <View className='mt-counts'>
            <View>
              <Text className='mt-count__num'>{counts.due}</Text>
              <Text className='mt-count__label'>应到</Text>
            </View>
            <View>
              <Text className='mt-count__num' data-testid='count-present'>
                {counts.present}
              </Text>
              <Text className='mt-count__label'>实到</Text>
            </View>
            <View>
              <Text className='mt-count__num'>{counts.leave}</Text>
              <Text className='mt-count__label'>请假</Text>
            </View>
            {counts.absent !== null ? (
              <View>
                <Text className='mt-count__num'>{counts.absent}</Text>
                <Text className='mt-count__label'>缺席</Text>
              </View>
            ) : null}
          </View>
          {m.final?.quorum ? (
            <Text className='mt-note'>
              有表决权的正式党员应到{m.final.voting.due}人、实到{m.final.voting.present}人，需过半数（至少{m.final.quorum.needed}人）。
            </Text>
          ) : null}
        </View>
      ) : null}

      {m.agenda.length > 0 ? (
        <View className='card'>
          <View className='card__title'>议程</View>
          {m.agenda.map((a, i) => (
            <View className='mt-list-item' key={i}>
              <Text className='mt-list-item__no'>{i + 1}.</Text>
              <Text>{a}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {m.invitees.length > 0 ? (
        <View className='card'>
          <View className='card__title'>邀请列席</View>
          <Text className='mt-text'>{m.invitees.map((i) => `${i.name}（${INVITEE_KIND_LABELS[i.kind]}）`).join('、')}</Text>
        </View>
      ) : null}

      {m.materials ? (
        <View className='card'>
          <View className='card__title'>学习材料</View>
          <Text className='mt-text'>{m.materials}</Text>
        </View>
      ) : null}

      {m.minutes && locked ? (
        <View className='card' data-testid='minutes-view'>
          <View className='card__title'>
            会议记录<Text className='card__title-extra'>已提交锁定</Text>
          </View>
          <Text className='mt-text'>{m.minutes.content}</Text>
          {m.minutes.resolutions.length > 0 ? (
            <>
              <View className='card__title' style={{ marginTop: '12px' }}>
                决议
              </View>
              {m.minutes.resolutions.map((r, i) => (
                <View className='mt-list-item' key={i}>
                  <Text className='mt-list-item__no'>{i + 1}.</Text>
                  <Text>{r}</Text>
                </View>
              ))}
            </>
          ) : null}
          <PhotoGrid photos={m.minutes.photos} testId='detail-photos' />
          {m.corrections.map((c) => (
            <View className='mt-correction' key={c.id}>
              <Text className='mt-correction__meta'>
                更正（{CORRECTION_FIELD_LABELS[c.field]}）· {c.byName} · {formatInstant(c.at)}
              </Text>
              <Text className='mt-text'>{c.text}</Text>
              <Text className='mt-correction__meta'>原因：{c.reason}</Text>
            </View>
          ))}
        </View>
      ) : null}

      {m.canManage && !locked && m.status === 'planned' ? (
        <View className='card'>
          <View className='card__title'>会议管理</View>
          {!cancelOpen ? (
            <View className='mt-actions mt-actions--row'>
              <Button fill='outline' data-testid='edit-meeting' onClick={() => go(ROUTES.meetingEdit, { meetingId: m.id })}>
                修改会议
              </Button>
              <Button fill='outline' data-testid='cancel-meeting' onClick={() => setCancelOpen(true)}>
                取消会议
              </Button>
            </View>
          ) : (
            <View className='mt-actions'>
              <TextArea className='mt-input' value={cancelReason} placeholder='请填写取消原因' maxLength={100} onChange={(v) => setCancelReason(v)} />
              <View className='mt-actions mt-actions--row'>
                <Button fill='outline' onClick={() => setCancelOpen(false)}>
                  返回
                </Button>
                <Button type='primary' loading={cancel.pending} onClick={() => void onCancel()}>
                  确定取消会议
                </Button>
              </View>
            </View>
          )}
        </View>
      ) : null}
    </View>
  )
}

export default function MeetingDetailPage(): React.ReactElement {
  const { params } = useRouter()
  const meetingId = params.meetingId
  const { me } = useRequireBound()
  const meeting = useMeeting(me?.bound ? meetingId : undefined)
  useReloadOnReturn(meeting.reload)
  usePullDownRefresh(() => {
    void meeting.reload().finally(() => Taro.stopPullDownRefresh())
  })
  if (!meetingId) return <View className='page'><PageError message='没有找到该会议' /></View>
  if (meeting.error && !meeting.data) return <View className='page'><PageError message={meeting.error.message} onRetry={() => void meeting.reload()} /></View>
  if (!meeting.data) return <View className='page'><PageLoading cards={3} /></View>
  return <Detail m={meeting.data} reload={meeting.reload} />
}
