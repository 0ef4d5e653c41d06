/**
 * The host's screen, shown full screen to the room: the rotating sign-in QR code (a new one every 15 s;
 * a screenshot stops working within 30 s) and the live 实到 / 应到, refreshed every 3 s while shown.
 * Under it, the same code as 6 digits for members who cannot scan (typed on the meeting page).
 * The code text is also on the element (`data-code`) so the browser build can be tested end to end.
 */
import { useEffect, useMemo, useState } from 'react'
import { View, Text, Image } from '@tarojs/components'
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { ROUTES } from '@/constants/routes'
import { useRequireBound } from '@/features/org/use-me'
import { useHostCode } from '@/features/meetings/use-meetings'
import { qrDataUri } from '@/features/meetings/qr'
import { beijingHm, secondsUntil } from '@/features/meetings/labels'
import { PageError, PageLoading } from '@/components/PageState'
import { go } from '@/utils/nav'
import './index.scss'

export default function HostPage(): React.ReactElement {
  const { params } = useRouter()
  const meetingId = params.meetingId
  const { me } = useRequireBound()
  const [shown, setShown] = useState(true)
  const [now, setNow] = useState(Date.now())
  useDidShow(() => setShown(true))
  useDidHide(() => setShown(false))
  const { view, error, skewMs, refresh } = useHostCode(me?.bound ? meetingId : undefined, shown)

  // A one-second tick for the countdown; and keep the phone's screen on while the code is shown.
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000)
    Taro.setKeepScreenOn?.({ keepScreenOn: true })?.catch?.(() => undefined)
    return () => {
      clearInterval(t)
      Taro.setKeepScreenOn?.({ keepScreenOn: false })?.catch?.(() => undefined)
    }
  }, [])
  const qr = useMemo(() => (view?.code ? qrDataUri(view.code) : null), [view?.code])
  const serverNow = now - skewMs
  const left = secondsUntil(view?.refreshAt ?? null, serverNow)
  // The code rolls over on the server's clock: ask as soon as it is due rather than waiting for the poll.
  useEffect(() => {
    if (view?.code && left === 0) void refresh()
  }, [left, view?.code])

  if (!meetingId) return <View className='page'><PageError message='没有找到该会议' /></View>
  if (error && !view) return <View className='page'><PageError message={error.message} onRetry={() => void refresh()} /></View>
  if (!view) return <View className='page'><PageLoading /></View>

  return (
    <View className='host' data-testid='host-page'>
      <Text className='host__topic'>{view.topic}</Text>
      <View className='host__card'>
        {view.state === 'open' && qr && view.code ? (
          <>
            <Image className='host__qr' src={qr.uri} mode='aspectFit' data-testid='host-qr' data-code={view.code} />
            <Text className='host__tip'>请党员打开“支部助手”，点“扫码签到”扫描此码</Text>
            {view.digits ? (
              <View className='host__digits-box'>
                <Text className='host__digits-label'>扫不了码的，在会议页点“输入6位数字”：</Text>
                <Text className='host__digits' data-testid='host-digits' data-digits={view.digits}>
                  {`${view.digits.slice(0, 3)} ${view.digits.slice(3)}`}
                </Text>
              </View>
            ) : null}
            <Text className='host__refresh'>{left > 0 ? `${left} 秒后更新二维码` : '正在更新…'}</Text>
          </>
        ) : view.state === 'not-yet' ? (
          <Text className='host__closed' data-testid='host-not-yet'>
            签到将于 {beijingHm(view.opensAt)} 开始
          </Text>
        ) : (
          <Text className='host__closed' data-testid='host-closed'>
            签到已结束（{beijingHm(view.closesAt)}）
          </Text>
        )}
      </View>
      <View className='host__counts'>
        <View className='host__count'>
          <Text className='host__num' data-testid='host-present'>
            {view.present}
          </Text>
          <Text className='host__label'>实到</Text>
        </View>
        <Text className='host__slash'>/</Text>
        <View className='host__count'>
          <Text className='host__num' data-testid='host-due'>
            {view.due}
          </Text>
          <Text className='host__label'>应到</Text>
        </View>
        <View className='host__count host__count--small'>
          <Text className='host__num'>{view.leave}</Text>
          <Text className='host__label'>请假</Text>
        </View>
      </View>
      {error ? <Text className='host__warn'>网络不稳定：{error.message}</Text> : null}
      <View className='host__bar'>
        <Button fill='outline' className='host__btn' onClick={() => go(ROUTES.meetingChecklist, { meetingId })}>
          记录人登记到会
        </Button>
      </View>
    </View>
  )
}
