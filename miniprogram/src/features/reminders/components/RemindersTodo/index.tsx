/**
 * 首页 to-do rows from reminders (`reminders.listTodos`): every reminder lands here, pushed to WeChat or
 * not — 主题党日 tomorrow, the dues day, 政治生日 for the 书记 … A tap opens the page to act on; "知道了"
 * ticks a notice off. Renders nothing when there is nothing to do.
 */
import { View, Text } from '@tarojs/components'
import type { Todo } from '@shared/contract/reminders'
import { useTodos } from '@/features/reminders/use-reminders'
import { go } from '@/utils/nav'
import './index.scss'

/** Only routes of this app are followed. */
export const todoLink = (t: Pick<Todo, 'link'>): string | null => (t.link && /^\/(pages|subpackages)\/[A-Za-z0-9/_-]+(\?[^\s]*)?$/.test(t.link) ? t.link : null)

export function RemindersTodo(): React.ReactElement | null {
  const { data, done } = useTodos()
  const todos = data?.todos ?? []
  if (todos.length === 0) return null
  return (
    <View className='reminders-todo' data-testid='reminders-todo'>
      {todos.map((t) => {
        const link = todoLink(t)
        return (
          <View key={t.id} className='reminders-todo__row' data-testid={`reminders-todo-${t.topic}`}>
            <View className='reminders-todo__body' onClick={link ? () => go(link) : undefined}>
              <View className='reminders-todo__dot' />
              <View className='reminders-todo__main'>
                <Text className='reminders-todo__title'>{t.title}</Text>
                {t.detail ? <Text className='reminders-todo__detail'>{t.detail}</Text> : null}
              </View>
              {link ? <Text className='reminders-todo__arrow'>›</Text> : null}
            </View>
            <View className='reminders-todo__done' data-testid={`reminders-todo-done-${t.id}`} onClick={() => void done.run(t.id)}>
              <Text className='reminders-todo__pill'>知道了</Text>
            </View>
          </View>
        )
      })}
    </View>
  )
}
