/**
 * 首页 to-do rows for 积分: a quarter's 公示 running (see one's points, object if needed) for everyone,
 * and 申报 waiting for this reviewer (党小组长 / 支委). Renders nothing otherwise — no nagging to declare.
 */
import { View, Text } from '@tarojs/components'
import type { EntryView, Overview } from '@shared/contract/points'
import { ROUTES } from '@/constants/routes'
import { useMe } from '@/features/org/use-me'
import { can, isCommittee } from '@/features/org/permissions'
import { go } from '@/utils/nav'
import { usePointsTodo } from '@/features/points/use-points-todo'
import './index.scss'
import { beijingYear } from '@shared/rules/time'
import { CATALOG } from '@shared/contract/catalog'

export interface PointsTask {
  key: string
  title: string
  detail: string
  route: string
}

const shortDate = (d: string): string => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`

/** The open 积分 tasks: 公示 running first, then reviews waiting. */
export function pointsTasks(overview: Overview | null, queue: readonly EntryView[] | null, committee: boolean): PointsTask[] {
  const out: PointsTask[] = []
  for (const p of overview?.publications ?? []) {
    if (p.status !== 'publicity') continue
    out.push({ key: `pub-${p.key}`, title: `${p.label}积分公示中`, detail: `本人${p.score}分，${p.objection ? '异议已提交' : `有异议请于${shortDate(p.endsOn)}前提出`}`, route: ROUTES.pointsHome })
  }
  // The same count as the 工作台's "积分申报待审核N条": for a 支委 every pending 申报 of the branch (own ones
  // included: they wait for another 支委); for a 党小组长 those of the group they can first-review.
  const pending = queue ?? []
  const waiting = committee ? pending.length : pending.filter((e) => e.canReview).length
  const own = committee ? pending.filter((e) => !e.canReview).length : 0
  if (waiting > 0) {
    const detail = committee ? (own > 0 ? `支委审定（其中本人申报${own}条由其他支委审核）` : '支委审定') : '党小组初审'
    out.push({ key: 'review', title: `${waiting}条积分申报待审核`, detail, route: ROUTES.pointsReview })
  }
  return out
}

export function PointsTodo(): React.ReactElement | null {
  const { me } = useMe()
  const bound = !!me?.member
  const reviewer = bound && can(me, CATALOG.points.actions.reviewQueue)
  const year = beijingYear(Date.now())
  const { overview, queue } = usePointsTodo(bound, reviewer, year)
  const tasks = pointsTasks(overview.data ?? null, queue.data?.entries ?? null, isCommittee(me))
  if (tasks.length === 0) return null
  return (
    <View className='points-todo' data-testid='points-todo'>
      {tasks.map((t) => (
        <View key={t.key} className='points-todo__row' data-testid={`points-todo-${t.key}`} onClick={() => go(t.route)}>
          <View className='points-todo__dot' />
          <View className='points-todo__main'>
            <Text className='points-todo__title'>{t.title}</Text>
            <Text className='points-todo__detail'>{t.detail}</Text>
          </View>
          <Text className='points-todo__arrow'>›</Text>
        </View>
      ))}
    </View>
  )
}
