/**
 * "扫不了码？输入6位数字" under the scan button of a meeting page: opens a large numeric input for the 6 digits
 * shown under the host's QR code (older phones, the browser build), with the server's refusal in large type.
 */
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { Attendance } from '@shared/contract/meetings'
import { useDigitsSignIn } from '@/features/meetings/use-digits-sign-in'
import './index.scss'

export function DigitsSignIn({ meetingId, checksPlace, onDone }: { meetingId: string; checksPlace: boolean; onDone: (a: Attendance) => void }): React.ReactElement {
  const form = useDigitsSignIn(meetingId, { checksPlace })
  if (!form.open) {
    return (
      <Text className='digits-link' data-testid='sign-in-digits-link' onClick={form.show}>
        扫不了码？输入6位数字
      </Text>
    )
  }
  const onSubmit = async (): Promise<void> => {
    const done = await form.submit()
    if (done) onDone(done)
  }
  return (
    <View className='digits-form' data-testid='sign-in-digits-form'>
      <Text className='digits-form__title'>请输入主持人手机上二维码下方的6位数字</Text>
      <Input
        className='digits-form__input'
        data-testid='sign-in-digits-input'
        type='number'
        maxlength={6}
        focus
        value={form.digits}
        placeholder='6位数字'
        onInput={(e) => form.setDigits(e.detail.value)}
      />
      {form.error ? (
        <Text className='digits-form__error' data-testid='sign-in-digits-error'>
          {form.error}
        </Text>
      ) : null}
      <View className='digits-form__actions'>
        <Button fill='outline' size='large' data-testid='sign-in-digits-cancel' onClick={form.hide}>
          取消
        </Button>
        <Button type='primary' size='large' disabled={!form.ready} loading={form.pending} data-testid='sign-in-digits-submit' onClick={() => void onSubmit()}>
          签到
        </Button>
      </View>
      <Text className='digits-form__note'>数字每15秒更换，请输入正在显示的数字。</Text>
    </View>
  )
}
