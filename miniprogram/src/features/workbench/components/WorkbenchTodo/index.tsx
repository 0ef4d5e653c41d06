/**
 * 首页 to-do row for 支委: how many items the 支部工作台 lists (overdue first), opening it. Renders
 * nothing for other members or when nothing is pending.
 */
import { View, Text } from '@tarojs/components'
import type { Dashboard } from '@shared/contract/workbench'
import { isCommittee } from '@/features/org/permissions'
import { useMe } from '@/features/org/use-me'
import { WB } from '@/features/workbench/fix-route'
import { go } from '@/utils/nav'
import { useWorkbenchTodo } from '@/features/workbench/use-workbench-todo'
import './index.scss'

/** The row's text, or null when there is nothing to do. */
export function workbenchTodoText(d: Pick<Dashboard, 'items'> | undefined): { title: string; detail: string } | null {
  if (!d) return null
  const urgent = d.items.filter((i) => i.level === 'urgent').length
  const todo = d.items.filter((i) => i.level !== 'info').length
  if (todo === 0) return null
  const first = d.items[0]
  return { title: `支部工作台：${todo}项需要处理${urgent > 0 ? `（${urgent}项逾期）` : ''}`, detail: first ? first.title : '' }
}

export function WorkbenchTodo(): React.ReactElement | null {
  const { me } = useMe()
  const committee = isCommittee(me)
  const { data } = useWorkbenchTodo(committee)
  const text = committee ? workbenchTodoText(data) : null
  if (!text) return null
  return (
    <View className='wb-todo' data-testid='workbench-todo' onClick={() => go(WB.dashboard)}>
      <View className='wb-todo__dot' />
      <View className='wb-todo__main'>
        <Text className='wb-todo__title'>{text.title}</Text>
        <Text className='wb-todo__detail'>{text.detail}</Text>
      </View>
      <Text className='wb-todo__arrow'>›</Text>
    </View>
  )
}
