/**
 * 首页 to-do rows for 党费 (`dues.todos`): the member's own month, arrears or a rejected report; for the
 * 党费管理员 and 书记, reports to confirm, members 3+ months behind and an unfinished 核定; for the 书记,
 * 6-month flags (shown, never acted on). Renders nothing when there is nothing to do.
 */
import { View, Text } from '@tarojs/components'
import type { DuesTodo as Todo } from '@shared/contract/dues'
import { ROUTES } from '@/constants/routes'
import { useDuesTodos } from '@/features/dues/use-dues'
import { go } from '@/utils/nav'
import './index.scss'

const ROUTE_OF: Record<Todo['target'], string> = {
  mine: ROUTES.duesMine,
  reports: ROUTES.duesReports,
  arrears: ROUTES.duesArrears,
  'base-review': ROUTES.duesBaseReview,
}

export function DuesTodo(): React.ReactElement | null {
  const { data } = useDuesTodos()
  const items = data?.items ?? []
  if (items.length === 0) return null
  return (
    <View className='dues-todo' data-testid='dues-todo'>
      {items.map((t) => (
        <View key={t.key} className='dues-todo__row' data-testid={`dues-todo-${t.kind}`} onClick={() => go(ROUTE_OF[t.target])}>
          <View className={`dues-todo__dot${t.kind === 'arrears-flag' || t.kind === 'overdue' ? ' dues-todo__dot--red' : ''}`} />
          <View className='dues-todo__main'>
            <Text className='dues-todo__title'>{t.title}</Text>
            <Text className='dues-todo__detail'>{t.detail}</Text>
          </View>
          <Text className='dues-todo__arrow'>›</Text>
        </View>
      ))}
    </View>
  )
}
