/**
 * A confirmation before an action that cannot be undone (submit a ballot, close voting, publish): the
 * consequence in plain words, and two large buttons with test ids `<testId>-cancel` / `<testId>-ok`.
 */
import { View } from '@tarojs/components'
import { Button, Dialog } from '@nutui/nutui-react-taro'

export function ConfirmDialog({
  visible,
  title,
  okText,
  pending = false,
  testId,
  onOk,
  onCancel,
  children,
}: {
  visible: boolean
  title: string
  okText: string
  pending?: boolean
  testId: string
  onOk: () => void
  onCancel: () => void
  children: React.ReactNode
}): React.ReactElement {
  return (
    <Dialog
      visible={visible}
      title={title}
      onClose={onCancel}
      footer={
        <View className='ev-dialog__footer'>
          <Button className='ev-dialog__btn' data-testid={`${testId}-cancel`} onClick={onCancel}>
            取消
          </Button>
          <Button className='ev-dialog__btn' type='primary' loading={pending} disabled={pending} data-testid={`${testId}-ok`} onClick={onOk}>
            {okText}
          </Button>
        </View>
      }
    >
      <View className='ev-dialog' data-testid={testId}>
        {children}
      </View>
    </Dialog>
  )
}
