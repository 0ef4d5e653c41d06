/**
 * The three non-content states of a page: loading (skeleton cards), error (the server's message and a
 * retry button) and empty (a short sentence). Every page uses these so they look the same everywhere.
 */
import { View, Text } from '@tarojs/components'
import { Button, Skeleton } from '@nutui/nutui-react-taro'
import { Icon, type IconName } from '../Icon'
import './index.scss'

export function PageLoading({ cards = 2 }: { cards?: number }): React.ReactElement {
  return (
    <View className='page-state page-state--loading' data-testid='page-loading' aria-busy='true'>
      {Array.from({ length: cards }, (_, i) => (
        <View className='card' key={i}>
          <Skeleton rows={3} animated />
        </View>
      ))}
    </View>
  )
}

export function PageError({ message, onRetry }: { message: string; onRetry?: () => void }): React.ReactElement {
  return (
    <View className='page-state page-state--error' data-testid='page-error'>
      <View className='page-state__icon page-state__icon--error'>
        <Icon name='info' size={36} color='#c8161d' />
      </View>
      <Text className='page-state__text'>{message}</Text>
      {onRetry ? (
        <Button className='page-state__retry' type='primary' fill='outline' onClick={onRetry}>
          重新加载
        </Button>
      ) : null}
    </View>
  )
}

export function EmptyState({
  text,
  icon = 'clipboard',
  compact = false,
  children,
}: {
  text: string
  icon?: IconName
  compact?: boolean
  children?: React.ReactNode
}): React.ReactElement {
  return (
    <View className={`page-state page-state--empty${compact ? ' page-state--compact' : ''}`} data-testid='empty-state'>
      <View className='page-state__icon'>
        <Icon name={icon} size={compact ? 28 : 36} color='#b4b9c2' />
      </View>
      <Text className='page-state__text'>{text}</Text>
      {children}
    </View>
  )
}
